using System.Xml.Linq;

namespace AutoDiff.Package.Tests;

/// <summary>A folder feed that holds the package under test plus exactly the packages it depends on,
/// copied from this machine's NuGet cache, so that a consumer restores with no other source.</summary>
internal static class LocalFeed
{
    /// <summary>Copies the net<paramref name="netMajor"/>.0 dependency closure of <paramref name="nupkgPath"/>
    /// from <paramref name="globalPackagesFolder"/> into <paramref name="feedDirectory"/>; returns the ids copied.</summary>
    public static IReadOnlyList<string> AddDependencies(string nupkgPath, string globalPackagesFolder, string feedDirectory, int netMajor)
    {
        var copied = new List<string>();
        var pending = new Queue<(string Id, string Version)>(Nuspec.ReadFromPackage(nupkgPath).DependenciesFor(netMajor));
        while (pending.Count > 0)
        {
            var (id, versionRange) = pending.Dequeue();
            if (copied.Contains(id, StringComparer.OrdinalIgnoreCase)) continue;
            var version = LowerBound(versionRange);
            var folder = Path.Combine(globalPackagesFolder, id.ToLowerInvariant(), version.ToLowerInvariant());
            var source = Path.Combine(folder, $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg");
            if (!File.Exists(source))
                throw new FileNotFoundException($"Dependency {id} {versionRange} of the package is not in the NuGet cache at {folder}; restore the runtime project first.", source);
            File.Copy(source, Path.Combine(feedDirectory, Path.GetFileName(source)), overwrite: true);
            copied.Add(id);
            foreach (var next in Nuspec.ReadFile(Path.Combine(folder, $"{id.ToLowerInvariant()}.nuspec")).DependenciesFor(netMajor))
                pending.Enqueue(next);
        }
        return copied;
    }

    /// <summary>Writes a nuget.config that clears every inherited source and lists only <paramref name="feedDirectory"/>.</summary>
    public static void WriteNuGetConfig(string projectDirectory, string feedDirectory)
    {
        var config = new XDocument(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "local"), new XAttribute("value", feedDirectory)))));
        config.Save(Path.Combine(projectDirectory, "nuget.config"));
    }

    // "10.0.0" and "[10.0.0, )" both mean: at least 10.0.0, which NuGet resolves to 10.0.0 when it is the only one offered.
    private static string LowerBound(string versionRange) =>
        versionRange.Trim('[', '(', ' ').Split(',')[0].Trim();
}
