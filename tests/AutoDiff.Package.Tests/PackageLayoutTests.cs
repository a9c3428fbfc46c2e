using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AutoDiff.Package.Tests;

/// <summary>Opens the packed .nupkg and checks what a consumer receives.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    // Parts every .nupkg carries for the Open Packaging Conventions; NuGet writes them, we don't choose them.
    private static bool IsPackagingPart(string entry) =>
        entry is "_rels/.rels" or "[Content_Types].xml" || entry.StartsWith("package/services/metadata/", StringComparison.Ordinal);

    [Fact]
    public void PackageHoldsTheRuntimeForBothFrameworksAndTheGeneratorAsAnAnalyzer()
    {
        string[] expected =
        [
            "AutoDiff.Generator.nuspec",
            "README.md",
            "analyzers/dotnet/cs/AutoDiff.Generator.dll",
            "lib/net10.0/AutoDiff.Runtime.dll",
            "lib/net10.0/AutoDiff.Runtime.xml",
            "lib/net8.0/AutoDiff.Runtime.dll",
            "lib/net8.0/AutoDiff.Runtime.xml",
        ];
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var actual = zip.Entries.Select(e => e.FullName).Where(e => !IsPackagingPart(e)).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public void ManifestNamesThePackageAndItsLicenseReadmeAndRepository()
    {
        var nuspec = Nuspec.ReadFromPackage(package.NupkgPath);
        Assert.Equal("AutoDiff.Generator", nuspec.Metadata("id"));
        Assert.Equal(package.Version, nuspec.Metadata("version"));
        Assert.Equal("MIT", nuspec.Metadata("license"));
        Assert.Equal("expression", nuspec.MetadataElement("license")!.Attribute("type")?.Value);
        Assert.Equal("README.md", nuspec.Metadata("readme"));
        Assert.Contains("[Differentiable]", nuspec.Metadata("description"));
        Assert.Contains("source-generator", nuspec.Metadata("tags")!.Split(' '));
        Assert.Equal("git", nuspec.MetadataElement("repository")?.Attribute("type")?.Value);
    }

    [Fact]
    public void DependenciesLeaveOutRoslynAndTheGeneratorProject()
    {
        var dependencies = Nuspec.ReadFromPackage(package.NupkgPath).Dependencies();
        Assert.DoesNotContain(dependencies, d => d.Id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, d => d.Id.StartsWith("AutoDiff", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["net10.0", "net8.0"], dependencies.Select(d => d.TargetFramework).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadmeShowsTheInstallCommandAndTheCompiledGettingStartedProgram()
    {
        var readme = ReadEntry("README.md");
        Assert.Contains("dotnet add package AutoDiff.Generator", readme);

        // The package README's sample is not compiled on its own: it must be the getting-started
        // program, which DocsSamplesTests compiles and runs.
        var readmeFile = Path.Combine(package.Root, "README.md");
        File.WriteAllText(readmeFile, readme);
        var sample = Assert.Single(MarkdownCodeBlocks.Read(readmeFile), b => b.Language == "csharp").Code;
        var program = MarkdownCodeBlocks.Read(RepositoryPaths.Docs("getting-started.md")).First(b => b.Language == "csharp").Code;
        Assert.Equal(program, sample);
    }

    [Theory]
    [InlineData("lib/net8.0/AutoDiff.Runtime.xml")]
    [InlineData("lib/net10.0/AutoDiff.Runtime.xml")]
    public void XmlDocsDescribeThePublicAttributes(string entry)
    {
        var docs = ReadEntry(entry);
        Assert.Contains("<member name=\"T:AutoDiff.DifferentiableAttribute\">", docs);
        Assert.Contains("<member name=\"T:AutoDiff.NoDerivativeAttribute\">", docs);
    }

    [Fact]
    public void AnalyzerIsTheGeneratorBuiltForNetStandardAgainstRoslyn48()
    {
        using var pe = OpenAssembly("analyzers/dotnet/cs/AutoDiff.Generator.dll");
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeDefinitions.Select(h => metadata.GetTypeDefinition(h))
            .Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name));
        Assert.Contains("AutoDiff.Generator.DifferentiableGenerator", types);

        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h))
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
        Assert.Contains("netstandard", references.Keys);
        // Roslyn 4.8 (SDK 8.0.100): an analyzer compiled against a newer Roslyn does not load in older compilers.
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
    }

    [Theory]
    [InlineData("lib/net8.0/AutoDiff.Runtime.dll")]
    [InlineData("lib/net10.0/AutoDiff.Runtime.dll")]
    [InlineData("analyzers/dotnet/cs/AutoDiff.Generator.dll")]
    public void AssembliesAreDeterministicWithEmbeddedPdbs(string entry)
    {
        using var pe = OpenAssembly(entry);
        var debugEntries = pe.ReadDebugDirectory().Select(d => d.Type).ToList();
        Assert.Contains(DebugDirectoryEntryType.EmbeddedPortablePdb, debugEntries);
        Assert.Contains(DebugDirectoryEntryType.Reproducible, debugEntries);
    }

    private string ReadEntry(string entry)
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private PEReader OpenAssembly(string entry)
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var bytes = new MemoryStream();
        using (var stream = zip.GetEntry(entry)!.Open()) stream.CopyTo(bytes);
        bytes.Position = 0;
        return new PEReader(bytes);
    }
}
