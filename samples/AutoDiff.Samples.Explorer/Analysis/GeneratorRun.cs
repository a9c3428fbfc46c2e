using System.Collections.Immutable;
using AutoDiff.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// Compiles the wrapped source in memory (for its semantic model and compiler errors) and runs the AutoDiff
/// generator over it with <see cref="CSharpGeneratorDriver"/>. Nothing is emitted or loaded: the output is text
/// and diagnostics only.
/// </summary>
public static class GeneratorRun
{
    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation Compile(SyntaxTree tree) =>
        CSharpCompilation.Create(
            "ExplorerSource",
            [tree],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: false, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The generated files' text (one after another) and the generator's diagnostics.</summary>
    public static (string Generated, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation, CancellationToken cancellation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees[0].Options);
        driver = driver.RunGenerators(compilation, cancellation);
        var result = driver.GetRunResult();
        var generated = string.Join(
            "\n",
            result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        var diagnostics = result.Diagnostics.AddRange(result.Results.SelectMany(r => r.Diagnostics)).Distinct().ToImmutableArray();
        return (generated, diagnostics);
    }
}
