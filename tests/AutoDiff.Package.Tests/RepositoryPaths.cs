using System.Reflection;

namespace AutoDiff.Package.Tests;

/// <summary>Where the repository under test lives (stamped into this assembly at build time).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string RuntimeProject => Path.Combine(Root, "src", "AutoDiff.Runtime", "AutoDiff.Runtime.csproj");

    public static string Solution => Path.Combine(Root, "AutoDiff.sln");

    public static string Docs(string fileName) => Path.Combine(Root, "docs", fileName);

    /// <summary>A new empty directory under the system temp folder, outside the repository, so that
    /// no Directory.Build.props, global.json or nuget.config of the repository applies to it.</summary>
    public static string NewTempDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"autodiff-{purpose}-{Guid.NewGuid():N}");
        var relative = Path.GetRelativePath(Root, path);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            throw new InvalidOperationException($"The temp folder {path} lies inside the repository {Root}; set TMPDIR elsewhere.");
        Directory.CreateDirectory(path);
        return path;
    }
}
