using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Emit;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator;

/// <summary>
/// Adds <c>{Name}WithGradient</c> and <c>{Name}Pullback</c> for every <c>[Differentiable]</c> method.
/// Only wires the pipeline: parsing is in <see cref="MethodParser"/>, emitting in <see cref="Emitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Callees.DifferentiableAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                MethodParser.Parse)
            .WithTrackingName(TrackingNames.ParsedMethods);

        var emitted = parsed
            .Select(static (r, _) => EmitStage.Run(r))
            .WithTrackingName(TrackingNames.EmittedMethods);

        // Files and diagnostics part here: a file holds no position, so a method that only moved is not re-added.
        var files = emitted
            .Where(static r => r.File is not null)
            .Select(static (r, _) => r.File!)
            .WithTrackingName(TrackingNames.GeneratedFiles);

        var diagnostics = emitted
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.MethodDiagnostics);

        var derivativeOfChecks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Callees.DerivativeOfAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                DerivativeOfValidator.Validate)
            .WithTrackingName(TrackingNames.DerivativeOfChecks);

        context.RegisterSourceOutput(files, static (spc, file) => Add(spc, file));
        context.RegisterSourceOutput(diagnostics, static (spc, list) => Report(spc, list));
        context.RegisterSourceOutput(derivativeOfChecks, static (spc, list) => Report(spc, list));
    }

    private static void Add(SourceProductionContext context, GeneratedFile file)
    {
        // Hint names are sanitized and unique by construction; should AddSource still refuse one, the method loses
        // its file with a diagnostic instead of the whole generator failing with CS8785. The file holds no position
        // (it must not, to stay cached when the method moves), so this last-resort diagnostic has none either.
        try
        {
            context.AddSource(file.HintName, file.Source);
        }
        catch (System.ArgumentException exception)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, file.HintName, exception.Message));
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            try
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
            catch (System.ArgumentException)
            {
                // A location outside the tree it names (malformed input); the diagnostic still says what is wrong.
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ById(diagnostic.Id), Location.None, System.Linq.Enumerable.ToArray<object>(diagnostic.MessageArgs)));
            }
        }
    }
}
