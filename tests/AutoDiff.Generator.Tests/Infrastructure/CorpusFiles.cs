using System.Collections.Concurrent;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>The corpus sources (copied next to the test assembly) and their compiled, loaded forms, each built once.</summary>
internal static class CorpusFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<LoadedAssembly>> Loaded = new();

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<string> Names => System.IO.Directory.GetFiles(Directory, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static string Source(string name) => File.ReadAllText(Path.Combine(Directory, name + ".cs"));

    public static LoadedAssembly Load(string name) =>
        Loaded.GetOrAdd(name, n => new Lazy<LoadedAssembly>(() => GeneratorHarness.CompileAndLoad(Source(n)))).Value;
}
