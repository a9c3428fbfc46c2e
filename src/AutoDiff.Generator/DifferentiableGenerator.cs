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

        var models = parsed
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        var diagnostics = parsed
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.MethodDiagnostics);

        var derivativeOfChecks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Callees.DerivativeOfAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                DerivativeOfValidator.Validate)
            .WithTrackingName(TrackingNames.DerivativeOfChecks);

        context.RegisterSourceOutput(models, static (spc, model) => Emit(spc, model));
        context.RegisterSourceOutput(diagnostics, static (spc, list) => Report(spc, list));
        context.RegisterSourceOutput(derivativeOfChecks, static (spc, list) => Report(spc, list));
    }

    private static void Emit(SourceProductionContext context, MethodModel model)
    {
        // An emit failure costs only this method its code, as a diagnostic, never CS8785.
        var (source, error) = Emitter.TryEmit(model);
        if (source is not null)
        {
            context.AddSource(model.HintName, source);
        }

        if (error is not null)
        {
            context.ReportDiagnostic(error.ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
