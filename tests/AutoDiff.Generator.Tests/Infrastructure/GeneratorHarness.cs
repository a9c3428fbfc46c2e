using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using AutoDiff.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in memory over source text, and compiles and loads the result.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(LanguageVersion.Latest, sources);

    public static CSharpCompilation CreateCompilation(LanguageVersion language, params string[] sources) =>
        CSharpCompilation.Create(
            "Corpus" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(language), path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() => CreateDriver(ParseOptions);

    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GenerationResult Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        return new GenerationResult(output, generatorDiagnostics, result, output.GetDiagnostics());
    }

    /// <summary>Generates, compiles and loads; fails with every error when the output does not compile.</summary>
    public static LoadedAssembly CompileAndLoad(params string[] sources)
    {
        var generation = Run(sources);
        var errors = generation.CompilationDiagnostics.Concat(generation.GeneratorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "Generated code does not compile:\n" + string.Join("\n", errors) + "\n\n" + generation.GeneratedText());
        }

        using var stream = new MemoryStream();
        var emit = generation.Compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("corpus", isCollectible: true);
        context.Resolving += (ctx, name) => name.Name == typeof(DifferentiableAttribute).Assembly.GetName().Name
            ? typeof(DifferentiableAttribute).Assembly
            : null;
        return new LoadedAssembly(context, context.LoadFromStream(stream), generation);
    }
}

internal sealed record GenerationResult(
    Compilation Compilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    public IEnumerable<Diagnostic> AllDiagnostics => GeneratorDiagnostics.Concat(RunResult.Diagnostics).Concat(CompilationDiagnostics).Distinct();

    public string GeneratedText() =>
        string.Join("\n", RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => "// ==== " + s.HintName + "\n" + s.SourceText));
}

/// <summary>A compiled corpus in a collectible context; unloads on dispose.</summary>
internal sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly, GenerationResult generation) : IDisposable
{
    public Assembly Assembly { get; } = assembly;

    public GenerationResult Generation { get; } = generation;

    public MethodInfo Method(string typeName, string methodName) =>
        Assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("No method " + typeName + "." + methodName);

    public void Dispose() => context.Unload();
}
