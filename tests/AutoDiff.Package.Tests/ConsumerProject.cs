namespace AutoDiff.Package.Tests;

/// <summary>A fresh console project in a temp folder outside the repository that consumes the
/// package only through a local feed, as a user's project would after <c>dotnet add package</c>.</summary>
internal sealed class ConsumerProject
{
    private readonly PackageFixture _package;

    public ConsumerProject(PackageFixture package, string name, string? langVersion)
    {
        _package = package;
        // Under the fixture's temp folder: outside the repository, deleted with the fixture.
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(_package.Root, name)).FullName;
        var langVersionLine = langVersion is null ? "" : $"\n    <LangVersion>{langVersion}</LangVersion>";
        File.WriteAllText(Path.Combine(Directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>{langVersionLine}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <!-- Generated code must compile without a single warning in a user's project. -->
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
            </Project>
            """);
        LocalFeed.WriteNuGetConfig(Directory, _package.FeedDirectory);
    }

    public string Directory { get; }

    public void WriteFile(string relativePath, string contents)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
    }

    /// <summary>The documented install command, pinned to the version under test.</summary>
    public DotnetCli.Result AddPackage() =>
        DotnetCli.Run(Directory, _package.ConsumerEnvironment,
            "add", "package", PackageFixture.PackageId, "--version", _package.Version);

    /// <summary>Builds and runs the program; throws with the compiler output if either fails.</summary>
    public DotnetCli.Result Run() => DotnetCli.Run(Directory, _package.ConsumerEnvironment, "run");

    /// <summary>Package ids the restore resolved (from obj/project.assets.json).</summary>
    public IReadOnlyList<string> RestoredPackageIds()
    {
        using var assets = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "obj", "project.assets.json")));
        return assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name.Split('/')[0])
            .ToList();
    }

    /// <summary>The files source generators wrote (EmitCompilerGeneratedFiles), relative to the project, with '/' separators.</summary>
    public IReadOnlyList<string> GeneratedFiles() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "obj"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.Contains("/generated/", StringComparison.Ordinal))
            .ToList();
}
