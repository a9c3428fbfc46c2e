using System.Linq;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Parsing;

/// <summary>What the parser needs to know about methods it sees called or declared.</summary>
internal static class Callees
{
    public const string DifferentiableAttribute = "AutoDiff.DifferentiableAttribute";
    public const string DerivativeOfAttribute = "AutoDiff.DerivativeOfAttribute";
    public const string NoDerivativeAttribute = "AutoDiff.NoDerivativeAttribute";

    public static bool IsDifferentiable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttribute);

    /// <summary>
    /// A method returning an int or a bool (<c>double.IsNaN(v)</c>, <c>Bucket(v)</c>, <c>ArgMax(x)</c>): piecewise constant
    /// in its floating-point arguments, like a comparison or <c>(int)v</c>, so nothing of a derivative passes through it
    /// and a body may call it as a plain helper with values that vary.
    /// </summary>
    public static bool ReturnsNoDerivative(IMethodSymbol method) => TypeClassifier.Scalar(method.ReturnType) is NumKind.Int or NumKind.Bool;

    /// <summary>The Derivatives flags of a [Differentiable] method's attribute (Gradient = 1, Pushforward = 2, Hessian = 4).</summary>
    public static int KindsOf(IMethodSymbol method) =>
        method.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttribute)
            .Select(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int kinds ? kinds | 1 : 1)
            .FirstOrDefault();

    public const int PushforwardKind = 2;

    public const int HessianKind = 4;

    /// <summary>The name of the [DerivativeOf] method for <paramref name="method"/> in its type, if any.</summary>
    public static string? FindUserPullback(IMethodSymbol method) =>
        method.ContainingType?.GetMembers().OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == DerivativeOfAttribute
                && a.ConstructorArguments.Length == 1
                && a.ConstructorArguments[0].Value as string == method.Name))
            ?.Name;

    /// <summary>True when the parameter carries <c>[NoDerivative]</c>.</summary>
    public static bool IsMarkedNoDerivative(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NoDerivativeAttribute);

    public static ParamRole RoleOf(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None || IsMarkedNoDerivative(parameter))
        {
            return ParamRole.Passive;
        }

        if (TypeClassifier.IsFloating(parameter.Type))
        {
            return ParamRole.Scalar;
        }

        return TypeClassifier.FloatingSequence(parameter.Type) is not null ? ParamRole.Span : ParamRole.Passive;
    }
}
