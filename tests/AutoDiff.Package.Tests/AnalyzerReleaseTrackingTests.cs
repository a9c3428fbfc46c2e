using System.Text.Json;

namespace AutoDiff.Package.Tests;

/// <summary>The release-tracking analyzers of Microsoft.CodeAnalysis.Analyzers (RS2000–RS2008) fail the
/// generator's build when a diagnostic id is missing from AnalyzerReleases.*.md or disagrees with it.
/// These checks keep the three things that make that happen: the analyzer package, the two files as
/// additional files, and warnings as errors with no RS2xxx suppressed.</summary>
public sealed class AnalyzerReleaseTrackingTests
{
    private static readonly string GeneratorProject = Path.Combine(RepositoryPaths.Root, "src", "AutoDiff.Generator", "AutoDiff.Generator.csproj");

    [Fact]
    public void GeneratorBuildRunsReleaseTrackingAsErrors()
    {
        var json = DotnetCli.Run(RepositoryPaths.Root, null, "msbuild", GeneratorProject,
            "-getProperty:TreatWarningsAsErrors", "-getProperty:NoWarn", "-getProperty:WarningsNotAsErrors",
            "-getItem:AdditionalFiles", "-getItem:PackageReference").StandardOutput;
        using var evaluation = JsonDocument.Parse(json);
        var properties = evaluation.RootElement.GetProperty("Properties");
        var items = evaluation.RootElement.GetProperty("Items");

        Assert.Equal("true", properties.GetProperty("TreatWarningsAsErrors").GetString());
        Assert.DoesNotContain("RS2", properties.GetProperty("NoWarn").GetString() ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("RS2", properties.GetProperty("WarningsNotAsErrors").GetString() ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Microsoft.CodeAnalysis.Analyzers", Identities(items, "PackageReference"));

        var additionalFiles = items.GetProperty("AdditionalFiles").EnumerateArray()
            .Select(i => i.GetProperty("FullPath").GetString()!).ToList();
        foreach (var release in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var path = Path.Combine(Path.GetDirectoryName(GeneratorProject)!, release);
            Assert.True(File.Exists(path), $"{path} is missing");
            Assert.Contains(path, additionalFiles);
        }
    }

    private static IEnumerable<string> Identities(JsonElement items, string itemType) =>
        items.GetProperty(itemType).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!);
}
