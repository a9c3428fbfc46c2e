using System.Text.Json;
using System.Text.RegularExpressions;

namespace AutoDiff.Package.Tests;

/// <summary>`dotnet pack AutoDiff.sln` must produce exactly one package: only the runtime project is packable.</summary>
public sealed partial class SolutionPackabilityTests
{
    [Fact]
    public void OnlyTheRuntimeProjectIsPackableAndItIsTheAutoDiffGeneratorPackage()
    {
        var projects = ProjectsInSolution();
        Assert.Contains(projects, p => p.EndsWith("AutoDiff.Runtime.csproj", StringComparison.Ordinal));

        var packable = new List<(string Project, string PackageId)>();
        Parallel.ForEach(projects, new ParallelOptions { MaxDegreeOfParallelism = 2 }, project =>
        {
            var json = DotnetCli.Run(RepositoryPaths.Root, null,
                "msbuild", project, "-getProperty:IsPackable", "-getProperty:PackageId").StandardOutput;
            var properties = JsonDocument.Parse(json).RootElement.GetProperty("Properties");
            if (properties.GetProperty("IsPackable").GetString() == "true")
                lock (packable) packable.Add((Path.GetFileName(project), properties.GetProperty("PackageId").GetString()!));
        });

        Assert.Equal([("AutoDiff.Runtime.csproj", "AutoDiff.Generator")], packable);
    }

    private static List<string> ProjectsInSolution() =>
        ProjectLine().Matches(File.ReadAllText(RepositoryPaths.Solution))
            .Select(m => Path.Combine(RepositoryPaths.Root, m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar)))
            .ToList();

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
