using System.Text.RegularExpressions;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Keeps docs/how-it-works.md and docs/diagnostics.md true: generated snippets equal the baselines (rewritten
/// with AUTODIFF_UPDATE_BASELINES=1), source snippets come from the corpus, and each diagnostics example
/// produces its diagnostic.
/// </summary>
public partial class DocsTests
{
    private static readonly string DocsDirectory = Path.GetFullPath(Path.Combine(Baselines.Directory, "..", "..", "..", "docs"));

    [GeneratedRegex(@"<!-- generated: (?<file>\S+) (?<member>\S+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex GeneratedBlock();

    [GeneratedRegex(@"<!-- corpus: (?<file>\S+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CorpusBlock();

    [GeneratedRegex(@"^## (?<id>AD\d{4})\n(?<section>.*?)(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex DiagnosticSection();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void How_it_works_shows_the_baselines()
    {
        var path = Path.Combine(DocsDirectory, "how-it-works.md");
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var expected = GeneratedBlock().Replace(text, m =>
            $"<!-- generated: {m.Groups["file"].Value} {m.Groups["member"].Value} -->\n```csharp\n{Member(m.Groups["file"].Value, m.Groups["member"].Value)}\n```");
        Assert.True(GeneratedBlock().Matches(text).Count >= 7);
        if (Environment.GetEnvironmentVariable("AUTODIFF_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        if (expected != text)
        {
            Assert.Fail("docs/how-it-works.md differs from the baselines (rerun with AUTODIFF_UPDATE_BASELINES=1):\n" + Baselines.UnifiedDiff(text, expected));
        }
    }

    [Fact]
    public void How_it_works_sources_come_from_the_corpus()
    {
        var text = File.ReadAllText(Path.Combine(DocsDirectory, "how-it-works.md")).Replace("\r\n", "\n");
        foreach (Match block in CorpusBlock().Matches(text))
        {
            var corpus = CorpusFiles.Source(block.Groups["file"].Value).Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
            var position = 0;
            foreach (var line in block.Groups["code"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                position = corpus.IndexOf(line, position);
                Assert.True(position >= 0, $"'{line}' is not in corpus {block.Groups["file"].Value} (in this order)");
            }
        }
    }

    [Fact]
    public void Every_diagnostics_example_produces_its_diagnostic()
    {
        var text = File.ReadAllText(Path.Combine(DocsDirectory, "diagnostics.md")).Replace("\r\n", "\n");
        var sections = DiagnosticSection().Matches(text);
        Assert.Equal(14, sections.Count);
        foreach (Match section in sections)
        {
            var id = section.Groups["id"].Value;
            var example = CodeBlock().Match(section.Groups["section"].Value);
            if (id == "AD0010")
            {
                Assert.False(example.Success, "AD0010 has no example by design");
                continue;
            }

            Assert.True(example.Success, id + " has no example");
            var result = GeneratorHarness.Run("using System;\nusing AutoDiff;\nnamespace Docs;\n" + example.Groups["code"].Value);
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id == id);
        }
    }

    private static string Member(string baseline, string member)
    {
        var lines = File.ReadAllText(Path.Combine(Baselines.Directory, baseline)).Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains(" " + member + "(", StringComparison.Ordinal));
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var end = Array.FindIndex(lines, start + 1, l => l == new string(' ', indent) + "}");
        return string.Join("\n", lines[start..(end + 1)].Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]));
    }
}
