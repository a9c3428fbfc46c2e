using System.Reflection;
using System.Text.RegularExpressions;

namespace AutoDiff.Jobs.Tests;

/// <summary>
/// Keeps docs/samples.md true: every ```csharp block in it is quoted from code that compiles and runs, a file of
/// the samples, of the adapter or of these tests (compared line by line, indentation aside).
/// </summary>
public partial class DocsTests
{
    private static readonly string Root = typeof(DocsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly string[] QuotedFolders =
        ["samples/AutoDiff.Samples.Greeks", "samples/AutoDiff.Samples.CurveFit", "samples/AutoDiff.Samples.Newton", "src/AutoDiff.MathNet", "tests/AutoDiff.Jobs.Tests"];

    [Fact]
    public void Every_csharp_block_of_the_samples_page_is_quoted_from_compiled_code()
    {
        string page = File.ReadAllText(Path.Combine(Root, "docs", "samples.md"));
        string[] sources = [.. QuotedFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => Normalize(File.ReadAllText(file)))];
        MatchCollection blocks = CSharpBlock().Matches(page);

        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            string code = Normalize(block.Groups[1].Value);
            Assert.True(sources.Any(source => source.Contains(code, StringComparison.Ordinal)), $"Not found in any compiled source:\n{code}");
        }
    }

    [Fact]
    public void The_pictures_the_page_shows_exist()
    {
        string page = File.ReadAllText(Path.Combine(Root, "docs", "samples.md"));

        foreach (Match image in Image().Matches(page))
        {
            Assert.True(File.Exists(Path.Combine(Root, "docs", image.Groups[1].Value)), image.Value);
        }
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex Image();
}
