using System.Collections.Immutable;
using AutoDiff.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.PropertyTests.Compiling;

/// <summary>In-memory compilations against the .NET 10 reference assemblies plus AutoDiff.Runtime, and generator runs on them.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: true,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location),
    ];

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation Create(string assemblyName, IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(assemblyName, trees, References, Options);

    /// <summary>A driver for the real generator; <paramref name="trackSteps"/> records incremental step reasons.</summary>
    public static GeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once: the compilation with generated trees added, and what the generator reported.</summary>
    public static GeneratorOutcome RunGenerator(CSharpCompilation input)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);
        return new GeneratorOutcome(input, output, driverDiagnostics, driver.GetRunResult());
    }
}

/// <summary>The result of one generator run.</summary>
internal sealed record GeneratorOutcome(
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> DriverDiagnostics,
    GeneratorDriverRunResult RunResult)
{
    /// <summary>Everything the generator reported, including driver-level failures such as CS8785.</summary>
    public IEnumerable<Diagnostic> GeneratorDiagnostics => DriverDiagnostics.Concat(RunResult.Diagnostics).Distinct();

    public Exception? GeneratorException => RunResult.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
}
