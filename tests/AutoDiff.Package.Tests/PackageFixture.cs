using System.Diagnostics;

namespace AutoDiff.Package.Tests;

/// <summary>Packs the package once for every test in <see cref="PackageCollection"/>: a unique prerelease
/// version per run (so no NuGet cache can answer with an older build), built in a temp folder so the
/// repository's bin/obj are untouched, into a local feed that also holds the package's dependencies.</summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "AutoDiff.Generator";

    public PackageFixture()
    {
        Root = RepositoryPaths.NewTempDirectory("package");
        FeedDirectory = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        PrivatePackagesFolder = Directory.CreateDirectory(Path.Combine(Root, "nuget-packages")).FullName;
        Version = $"0.1.0-e2e.{DateTime.UtcNow.Ticks}";

        var clock = Stopwatch.StartNew();
        DotnetCli.Run(RepositoryPaths.Root, null,
            "pack", RepositoryPaths.RuntimeProject,
            "--configuration", "Release",
            "--output", FeedDirectory,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            $"-p:Version={Version}");
        PackDuration = clock.Elapsed;

        var packages = Directory.GetFiles(FeedDirectory, "*.nupkg");
        NupkgPath = packages.Length == 1
            ? packages[0]
            : throw new InvalidOperationException($"Packing produced {packages.Length} packages, expected one: {string.Join(", ", packages)}");

        DependencyIds = LocalFeed.AddDependencies(NupkgPath, GlobalPackagesFolder(), FeedDirectory, netMajor: 10);
    }

    /// <summary>Everything this fixture writes lives under here.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    /// <summary>NUGET_PACKAGES for consumer projects: empty at the start of the run.</summary>
    public string PrivatePackagesFolder { get; }

    public string Version { get; }

    public string NupkgPath { get; }

    /// <summary>Ids of the packages a net10.0 consumer restores besides this one.</summary>
    public IReadOnlyList<string> DependencyIds { get; }

    public TimeSpan PackDuration { get; }

    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PrivatePackagesFolder,
        // Programs print numbers with the current culture; the docs show them with a '.' separator.
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
    };

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // a build server may still hold a file; the temp folder is reclaimed later
        catch (UnauthorizedAccessException) { }
    }

    private static string GlobalPackagesFolder()
    {
        var output = DotnetCli.Run(RepositoryPaths.Root, null, "nuget", "locals", "global-packages", "--list").StandardOutput;
        // "global-packages: /root/.nuget/packages/"
        var line = output.Split('\n').Single(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        return line["global-packages:".Length..].Trim();
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed AutoDiff.Generator";
}
