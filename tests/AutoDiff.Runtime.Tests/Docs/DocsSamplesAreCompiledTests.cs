using System.Reflection;
using System.Text.RegularExpressions;

namespace AutoDiff.Tests.Docs;

/// <summary>
/// Keeps README.md and docs/ true: every ```csharp block must stand, line for line (indentation and blank
/// lines aside), in a C# file that the build compiles (src, tests, samples, benchmarks) or in a checked-in
/// baseline of generated code, which the generator's snapshot tests compare with the generator's output.
/// </summary>
public partial class DocsSamplesAreCompiledTests
{
    private static readonly string Root = typeof(DocsSamplesAreCompiledTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    // Documents whose examples a test compiles straight from the document, so they need no copy elsewhere.
    private static readonly Dictionary<string, string> CheckedInPlace = new()
    {
        ["docs/diagnostics.md"] = "AutoDiff.Generator.Tests.DocsTests runs the generator on each example",
        ["docs/getting-started.md"] = "AutoDiff.Package.Tests.DocsSamplesTests compiles and runs every block against the packed package",
        ["docs/comparison.md"] = "AutoDiff.Package.Tests.DocsSamplesTests compiles and runs every block against the packed package",
    };

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (string path in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (!CheckedInPlace.ContainsKey(relative)) data.Add(relative);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryCSharpBlockIsCompiledSomewhere(string document)
    {
        string text = File.ReadAllText(Path.Combine(Root, document));
        var sources = CompiledSources();
        var missing = new List<string>();
        foreach (Match block in CSharpBlock().Matches(text))
        {
            string[] lines = Normalize(block.Groups["code"].Value);
            if (lines.Length > 0 && !sources.Any(source => ContainsRun(source, lines)))
            {
                missing.Add(string.Join('\n', lines));
            }
        }

        Assert.True(missing.Count == 0,
            $"{document}: {missing.Count} C# block(s) appear in no compiled source or baseline:\n\n{string.Join("\n\n", missing)}");
    }

    [Fact]
    public void ARunMatchesOnlyWhenEveryLineStandsInOrder()
    {
        string[] source = Normalize("int a = 1;\n\n    int b = 2;\nint c = 3;");
        Assert.True(ContainsRun(source, Normalize("int b = 2;\n  int c = 3;")));
        Assert.False(ContainsRun(source, Normalize("int a = 1;\nint c = 3;")));
        Assert.False(ContainsRun(source, Normalize("var z = Frobnicate(42);")));
    }

    private static List<string[]> CompiledSources()
    {
        var files = new List<string[]>();
        foreach (string folder in new[] { "src", "tests", "samples", "benchmarks" })
        {
            foreach (string path in Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
                if (relative.Contains("/bin/") || relative.Contains("/obj/")) continue;
                files.Add(Normalize(File.ReadAllText(path)));
            }
        }

        return files;
    }

    private static string[] Normalize(string code) =>
        code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();

    private static bool ContainsRun(string[] source, string[] run)
    {
        for (int start = 0; start + run.Length <= source.Length; start++)
        {
            int k = 0;
            while (k < run.Length && source[start + k] == run[k]) k++;
            if (k == run.Length) return true;
        }

        return false;
    }

    [GeneratedRegex(@"```(?:csharp|cs|c#)[^\n]*\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
