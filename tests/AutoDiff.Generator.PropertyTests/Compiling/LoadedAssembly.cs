using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AutoDiff.PropertyTests.Compiling;

/// <summary>
/// An in-memory compiled assembly loaded into a collectible context (unloaded on dispose, so thousands of
/// random programs do not pile up). AutoDiff.Runtime resolves to the test's own copy, so <c>Value</c> is shared.
/// </summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/>; fails with every error (and the source it points into) when it does not compile.</summary>
    public static LoadedAssembly Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10);
            throw new CompilationFailedException(
                "The generated program does not compile:\n" + string.Join("\n", errors.Select(Describe)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(image));
    }

    public T Delegate<T>(string typeName, string methodName) where T : Delegate =>
        Assembly.GetType(typeName, throwOnError: true)!
            .GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!
            .CreateDelegate<T>();

    public void Dispose() => _context.Unload();

    private static string Describe(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        var line = tree is null
            ? ""
            : "\n    at: " + tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        return $"  {diagnostic.Location.SourceTree?.FilePath}: {diagnostic}{line}";
    }
}

/// <summary>The in-memory program (user code plus generated code) did not compile.</summary>
internal sealed class CompilationFailedException(string message) : Exception(message);
