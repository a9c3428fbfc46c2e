using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Package.Tests;

/// <summary>The release-tracking analyzer checks that every id is listed (RS2000), but it cannot see a
/// severity or category passed through a helper method; this test compares them on the analyzer that ships.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class AnalyzerReleaseEntriesTests(PackageFixture package)
{
    private static readonly string GeneratorFolder = Path.Combine(RepositoryPaths.Root, "src", "AutoDiff.Generator");

    [Fact]
    public void EveryDiagnosticOfTheShippedAnalyzerMatchesItsReleaseEntry()
    {
        var shipped = DescriptorsInPackage()
            .ToDictionary(d => d.Id, d => (d.Category, Severity: d.IsEnabledByDefault ? d.DefaultSeverity.ToString() : "Disabled"));
        var released = ReleaseEntries();

        Assert.NotEmpty(shipped);
        Assert.Equal(released.Keys.Order(StringComparer.Ordinal), shipped.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, descriptor) in shipped)
            Assert.True(released[id] == descriptor, $"{id}: the analyzer says {descriptor}, the release files say {released[id]}");
    }

    [Fact]
    public void EveryReleasedDiagnosticHasASectionInTheDiagnosticsReference()
    {
        var reference = File.ReadAllText(RepositoryPaths.Docs("diagnostics.md"));
        foreach (var id in ReleaseEntries().Keys)
            Assert.Contains($"\n## {id}\n", reference.ReplaceLineEndings("\n"));
    }

    private List<DiagnosticDescriptor> DescriptorsInPackage()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var bytes = new MemoryStream();
        using (var dll = zip.GetEntry("analyzers/dotnet/cs/AutoDiff.Generator.dll")!.Open()) dll.CopyTo(bytes);
        bytes.Position = 0;
        // Roslyn itself resolves from this test's dependencies, as it would from the compiler's.
        var context = new AssemblyLoadContext("shipped-analyzer", isCollectible: true);
        try
        {
            var analyzer = context.LoadFromStream(bytes);
            return analyzer.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .DistinctBy(d => d.Id)
                .ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Id → (category, severity) after applying Shipped then Unshipped: new and changed rules
    /// set an entry, removed rules drop it.</summary>
    private static Dictionary<string, (string Category, string Severity)> ReleaseEntries()
    {
        var entries = new Dictionary<string, (string, string)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var section = "";
            foreach (var line in File.ReadAllLines(Path.Combine(GeneratorFolder, file)))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal)) { section = line[4..].Trim(); continue; }
                if (!RuleRow().IsMatch(line)) continue;
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (section == "Removed Rules") entries.Remove(cells[0]);
                else entries[cells[0]] = (cells[1], cells[2]); // New Rules and Changed Rules: the new category, severity
            }
        }
        return entries;
    }

    [GeneratedRegex(@"^AD\d{4}\s*\|")]
    private static partial Regex RuleRow();
}
