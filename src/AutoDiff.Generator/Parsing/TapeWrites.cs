using System.Linq;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Writes a body re-emitted on the runtime tape may not make: a <c>[NoDerivative]</c> number or array and a static
/// table stay numbers there, which a Value cannot be stored into (and a static table would keep it past the call).
/// The static transformation refuses the same writes. (Writes into the differentiable array parameter are fine
/// there: the body gets a copy of the leaves' array, see <c>Emit/TapeBody.cs</c>.)
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

    private static string? Forbidden(IOperation root, IMethodSymbol method) => root switch
    {
        // w = w.Slice(1): the body holds a differentiable span parameter as an array of Values.
        IParameterReferenceOperation { Parameter: var parameter, Parent: IAssignmentOperation } when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
            && Callees.RoleOf(parameter) == ParamRole.Span
            => "the span parameter '" + parameter.Name + "' (take a local view instead)",
        IParameterReferenceOperation { Parameter: var parameter } when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
            && Callees.RoleOf(parameter) == ParamRole.Passive && parameter.RefKind == RefKind.None
            && (TypeClassifier.IsFloating(parameter.Type) || TypeClassifier.FloatingSequence(parameter.Type) is not null)
            => "the [NoDerivative] parameter '" + parameter.Name + "' (use a local)",
        IFieldReferenceOperation { Field: { IsStatic: true } field } when TypeClassifier.InvolvesFloating(field.Type)
            => "the static '" + field.Name + "'",
        _ => null,
    };
}
