using System.Collections.Concurrent;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>The corpus sources (copied next to the test assembly) and their compiled, loaded forms, each built once.</summary>
internal static class CorpusFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<LoadedAssembly>> Loaded = new();

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<string> Names => System.IO.Directory.GetFiles(Directory, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static string Source(string name) => File.ReadAllText(Path.Combine(Directory, name + ".cs"));

    /// <summary>
    /// A test case's method name: <c>"Name"</c>, a method of <paramref name="file"/>'s type <paramref name="type"/>, or
    /// <c>"File.Name"</c>, a method of corpus <c>File</c>, whose type is <c>Corpus.File</c>.
    /// </summary>
    public static (string File, string Type, string Method) Resolve(string qualified, string file, string type)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (file, type, qualified) : (qualified[..dot], "Corpus." + qualified[..dot], qualified[(dot + 1)..]);
    }

    public static LoadedAssembly Load(string name) =>
        Loaded.GetOrAdd(name, n => new Lazy<LoadedAssembly>(() => GeneratorHarness.CompileAndLoad(Source(n)))).Value;
}
