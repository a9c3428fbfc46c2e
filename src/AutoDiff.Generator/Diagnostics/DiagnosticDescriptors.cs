using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports; docs/diagnostics.md has a section per id.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AutoDiff";

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        "AD0001",
        "Containing type must be partial",
        "The type '{0}' containing [Differentiable] method '{1}' must be declared 'partial' so the generated gradient can be added to it",
        DiagnosticSeverity.Error,
        "The generator adds {Name}WithGradient and {Name}Pullback to the type that declares the method; every enclosing type must be partial.");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "AD0002",
        "Unsupported return type",
        "[Differentiable] method '{0}' returns '{1}'; a differentiable method must return 'double' or 'float'",
        DiagnosticSeverity.Error,
        "Only double or float results can be differentiated: one scalar, a tuple of them, or a void method writing them into a final Span<double>.");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        "AD0003",
        "Unsupported parameter",
        "Parameter '{0}' of '{1}' is {2}; use a by-value double, float, int, bool, ReadOnlySpan<double> or double[] parameter",
        DiagnosticSeverity.Error,
        "ref, out and in parameters cannot be differentiated.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "AD0004",
        "Construct is not differentiable",
        "{0} is not differentiable; {1}",
        DiagnosticSeverity.Error,
        "The construct is outside what the compile-time transformation and the runtime tape support.");

    public static readonly DiagnosticDescriptor ExpressionNotDifferentiable = Create(
        "AD0005",
        "Expression is not differentiable",
        "Expression is not differentiable: '{0}' is neither [Differentiable], nor has a [DerivativeOf] pullback, nor is a function of the derivative table; mark it [Differentiable], write a [DerivativeOf] pullback for it, or pass it only constants",
        DiagnosticSeverity.Error,
        "A call that receives a value depending on the differentiation arguments must itself be differentiable.");

    public static readonly DiagnosticDescriptor DerivativeOfMismatch = Create(
        "AD0006",
        "[DerivativeOf] signature mismatch",
        "[DerivativeOf] method '{0}' does not match '{1}': expected '{2}'",
        DiagnosticSeverity.Error,
        "A [DerivativeOf] method lives in the same type as the method it differentiates and has its pullback signature: the same parameters, then the seed, then one ref adjoint (or Span adjoint) per differentiable parameter, returning void.");

    public static readonly DiagnosticDescriptor ZeroDerivative = Create(
        "AD0007",
        "Result does not depend on differentiation arguments",
        "Result of '{0}' does not depend on differentiation arguments and will always have a zero derivative",
        DiagnosticSeverity.Warning,
        "No differentiable parameter reaches the returned value, so every gradient the generated code returns is zero.");

    public static readonly DiagnosticDescriptor NameClash = Create(
        "AD0008",
        "Generated member name clashes with an existing member",
        "Type '{0}' already declares a member named '{1}'; rename it or the [Differentiable] method '{2}'",
        DiagnosticSeverity.Error,
        "The generator adds {Name}WithGradient and {Name}Pullback; those names must be free.");

    public static readonly DiagnosticDescriptor MethodShape = Create(
        "AD0009",
        "Method cannot be differentiated in this form",
        "[Differentiable] method '{0}' {1}",
        DiagnosticSeverity.Error,
        "A [Differentiable] method must be static, non-generic and have a body.");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "AD0010",
        "Internal generator error",
        "The AutoDiff generator failed on '{0}': {1}; please report this with the method's source",
        DiagnosticSeverity.Error,
        "The generator hit an unexpected state. Other methods still get their code.");

    public static readonly DiagnosticDescriptor FallsBackToTape = Create(
        "AD0011",
        "Falls back to the runtime tape",
        "'{0}' falls back to the runtime tape because {1}",
        DiagnosticSeverity.Info,
        "The generated WithGradient and Pullback run the body on AutoDiff.Value at run time instead of compile-time derivative code.");

    public static readonly DiagnosticDescriptor KindNotAvailable = Create(
        "AD0012",
        "Derivative kind not available",
        "'{0}' asks for {1}, which cannot be generated: {2}",
        DiagnosticSeverity.Error,
        "A derivative kind beyond the gradient needs a body the compile-time transformation differentiates, and every differentiable method it calls must offer the same kind.");

    public static readonly DiagnosticDescriptor VectorOutputNotDifferentiable = Create(
        "AD0013",
        "Vector-valued method cannot be differentiated in this form",
        "Vector-valued method '{0}' {1}",
        DiagnosticSeverity.Error,
        "A vector-valued method writes its outputs into its last parameter, a Span<double> it writes before reading, or returns a tuple of doubles (or of floats); its body is differentiated at compile time.");

    public static readonly DiagnosticDescriptor DerivativeDropped = Create(
        "AD0014",
        "Derivative dropped at a [NoDerivative] parameter",
        "'{0}' passes a value that depends on the differentiation arguments to the [NoDerivative] parameter '{1}' of '{2}': the derivative through it is dropped, so the gradient is not that of the value computed; remove [NoDerivative] from '{1}', or pass a value that does not vary",
        DiagnosticSeverity.Warning,
        "A [NoDerivative] parameter is a constant to the derivative. Passing it something that varies with the differentiation arguments leaves that dependence out of every derivative, which is what a stop-gradient does on purpose and a mistake otherwise.");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        TypeNotPartial, UnsupportedReturnType, UnsupportedParameter, UnsupportedConstruct, ExpressionNotDifferentiable,
        DerivativeOfMismatch, ZeroDerivative, NameClash, MethodShape, InternalError, FallsBackToTape, KindNotAvailable,
        VectorOutputNotDifferentiable, DerivativeDropped,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Create(
        string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: "https://github.com/autodiff-dotnet/autodiff/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant());
}
