using System.Linq;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Writes a body re-emitted on the runtime tape may not make. The tape hands the body its differentiable array
/// parameter as an array of leaves and reads each leaf's gradient back from that array afterwards, so a body that
/// replaced an element would report the gradient of whatever replaced it; a <c>[NoDerivative]</c> number and a
/// static table stay numbers there, which a Value cannot be stored into. The static transformation refuses the same
/// writes.
/// </summary>
internal static class TapeWrites
{
    /// <summary>What <paramref name="operation"/> writes that the tape cannot, named for a diagnostic, or null.</summary>
    public static string? Problem(IOperation operation, IMethodSymbol method) => operation switch
    {
        IAssignmentOperation { Target: var target } when Root(target) is { } root && Forbidden(root, method) is { } what
            => "'" + operation.Syntax + "', a write into " + what,
        IIncrementOrDecrementOperation { Target: var target } when Root(target) is { } root && Forbidden(root, method) is { } what
            => "'" + operation.Syntax + "', a write into " + what,
        IArgumentOperation { Parameter: { } parameter, Value: var value } argument
            when Writable(parameter) && Unwrapped(value) is { } root && IsDifferentiableArray(root, method) && Forbidden(root, method) is { } what && !Self(argument, method)
            => "'" + operation.Syntax + "', handing " + what + " to a call that may write it",
        // A writable view of a differentiable array parameter (w.AsSpan(), Span<double> s = w).
        IConversionOperation { Operand: var from, Type: INamedTypeSymbol { Name: "Span" } } when Unwrapped(from) is { } root && IsDifferentiableArray(root, method) && Forbidden(root, method) is { } what
            => "'" + operation.Syntax + "', a writable view of " + what,
        IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory", Type: INamedTypeSymbol { Name: "Span" or "Memory" } } invocation
            when invocation.Arguments.FirstOrDefault()?.Value is { } viewed && Unwrapped(viewed) is { } root && IsDifferentiableArray(root, method) && Forbidden(root, method) is { } what
            => "'" + operation.Syntax + "', a writable view of " + what,
        // table.Add(v), a static list of numbers changed by its own methods.
        IInvocationOperation { Instance: IFieldReferenceOperation { Field: { IsStatic: true } field }, TargetMethod.Name: var name } when TypeClassifier.InvolvesFloating(field.Type)
            && name is not ("ToArray" or "CopyTo" or "TryCopyTo" or "GetRange" or "Peek" or "TryPeek" or "TryGetValue" or "ContainsKey" or "GetValue" or "Slice")
            => "'" + operation.Syntax + "', a call that may change the static '" + field.Name + "'",
        _ => null,
    };

    // What an element write, a by-reference argument or a member write ultimately writes into.
    private static IOperation? Root(IOperation target) => target switch
    {
        IArrayElementReferenceOperation element => Unwrapped(element.ArrayReference),
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } => Unwrapped(instance),
        IParameterReferenceOperation or IFieldReferenceOperation => target,
        _ => null,
    };

    private static IOperation? Unwrapped(IOperation value) => value switch
    {
        IConversionOperation { IsImplicit: true } conversion => Unwrapped(conversion.Operand),
        IParameterReferenceOperation or IFieldReferenceOperation => value,
        _ => null,
    };

    // Handed on, only the differentiable array matters: a helper that writes a table or a passive array is HelperEffects' concern.
    private static bool IsDifferentiableArray(IOperation root, IMethodSymbol method) =>
        root is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
        && Callees.RoleOf(parameter) == ParamRole.Span && parameter.Type is IArrayTypeSymbol;

    private static string? Forbidden(IOperation root, IMethodSymbol method) => root switch
    {
        IParameterReferenceOperation { Parameter: var parameter } when IsDifferentiableArray(root, method)
            => "the differentiable array parameter '" + parameter.Name + "' (copy it into a local buffer first)",
        IParameterReferenceOperation { Parameter: var parameter } when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
            && Callees.RoleOf(parameter) == ParamRole.Passive && parameter.RefKind == RefKind.None
            && (TypeClassifier.IsFloating(parameter.Type) || TypeClassifier.FloatingSequence(parameter.Type) is not null)
            => "the [NoDerivative] parameter '" + parameter.Name + "' (use a local)",
        IFieldReferenceOperation { Field: { IsStatic: true } field } when TypeClassifier.InvolvesFloating(field.Type)
            => "the static '" + field.Name + "'",
        _ => null,
    };

    // An array, Span or Memory parameter, or one taken by ref or out: the callee may write through it.
    private static bool Writable(IParameterSymbol parameter) =>
        parameter.RefKind is RefKind.Ref or RefKind.Out
        || parameter.Type is IArrayTypeSymbol { ElementType: var element } && TypeClassifier.IsFloating(element)
        || parameter.Type is INamedTypeSymbol { Name: "Span" or "Memory", ContainingNamespace.Name: "System" }
        || parameter.Type.SpecialType == SpecialType.System_Array;

    // A recursive call hands its own array on as the tape body's array (TapeSpans.ToArray for anything else).
    private static bool Self(IArgumentOperation argument, IMethodSymbol method) =>
        argument.Parent is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition);
}
