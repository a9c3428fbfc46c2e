using System.IO.Compression;
using System.Xml.Linq;

namespace AutoDiff.Package.Tests;

/// <summary>The manifest of a .nupkg: its id, metadata and dependency groups.</summary>
internal sealed class Nuspec
{
    private readonly XElement _metadata;

    private Nuspec(XDocument document)
    {
        Document = document;
        _metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public XDocument Document { get; }

    public static Nuspec ReadFromPackage(string nupkgPath)
    {
        using var zip = ZipFile.OpenRead(nupkgPath);
        var entry = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        return new Nuspec(XDocument.Load(stream));
    }

    public static Nuspec ReadFile(string nuspecPath) => new(XDocument.Load(nuspecPath));

    public string? Metadata(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? MetadataElement(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>Every (group target framework, dependency id, version) the manifest declares.</summary>
    public IReadOnlyList<(string? TargetFramework, string Id, string Version)> Dependencies() =>
        _metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (
                d.Parent?.Name.LocalName == "group" ? (string?)d.Parent.Attribute("targetFramework")?.Value : null,
                d.Attribute("id")!.Value,
                d.Attribute("version")?.Value ?? ""))
            .ToList();

    /// <summary>The dependencies a netN.0 consumer gets: the group for the highest netX.0 with X &lt;= N,
    /// else the ungrouped ones (the nearest-framework rule, enough for the packages used here).</summary>
    public IReadOnlyList<(string Id, string Version)> DependenciesFor(int netMajor)
    {
        var all = Dependencies();
        var groups = all.Select(d => d.TargetFramework).Distinct().ToList();
        var best = groups
            .Select(tfm => (tfm, major: NetMajor(tfm)))
            .Where(g => g.major is not null && g.major <= netMajor)
            .OrderByDescending(g => g.major)
            .Select(g => g.tfm)
            .FirstOrDefault();
        return all.Where(d => d.TargetFramework == best).Select(d => (d.Id, d.Version)).ToList();
    }

    private static int? NetMajor(string? targetFramework)
    {
        if (targetFramework is null) return 0; // ungrouped dependencies apply to every framework
        var tfm = targetFramework.ToLowerInvariant();
        if (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.EndsWith(".0", StringComparison.Ordinal)
            && int.TryParse(tfm[3..^2], out var major) && major >= 5)
            return major;
        return null;
    }
}
