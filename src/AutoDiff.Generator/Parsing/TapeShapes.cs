using System.Linq;
using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Which shapes of numbers a body re-emitted on the runtime tape may hold. The tape writes every <c>double</c> and
/// <c>float</c> of the body as an <c>AutoDiff.Value</c>, which serves a number, a one-dimensional array or span of
/// them, a <c>System.Collections.Generic</c> collection of them, a tuple and a lambda. Any other shape (a jagged or
/// multidimensional array, a <c>double?</c>, a pointer, a field of the user's own type, a <c>decimal</c> made from a
/// number) would not compile once rewritten, or would hold the number without its derivative; it is refused here
/// with a diagnostic that names it, so the user never meets an error inside generated code.
/// </summary>
internal static class TapeShapes
{
    /// <summary>The first construct of <paramref name="body"/> that holds numbers in a shape the tape cannot, or null.</summary>
    public static DiagnosticInfo? Problem(SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        if (model.GetOperation(body, cancellationToken) is not { } root)
        {
            return null;
        }

        foreach (var operation in root.Descendants())
        {
            var problem = operation switch
            {
                IVariableDeclaratorOperation { Symbol: { Type: var type } local } when !Holdable(type)
                    => "the local '" + local.Name + "' of type '" + type.ToDisplayString() + "'",
                IArrayCreationOperation { Type: var type } when !Holdable(type)
                    => "'" + operation.Syntax + "', an array of type '" + type!.ToDisplayString() + "'",
                IObjectCreationOperation { Type: var type } creation when !IsCollection(type) && HandsNumbers(creation)
                    => "'" + operation.Syntax + "', a '" + type!.Name + "' made from numbers",
                IAssignmentOperation { Target: IMemberReferenceOperation member } assignment
                    when TypeClassifier.IsFloating(assignment.Target.Type) && !HoldsValues(member) && !IsConstant(assignment.Value)
                    => "'" + operation.Syntax + "', a number stored in a field or property",
                IConversionOperation { Operand: var from, Type.SpecialType: SpecialType.System_Decimal } when TypeClassifier.IsFloating(from.Type) && !IsConstant(from)
                    => "'" + operation.Syntax + "', a number converted to decimal",
                _ => null,
            };
            if (problem is not null)
            {
                return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(operation.Syntax), problem + " in a body that runs on the runtime tape",
                    "there numbers are Values, held only as double or float locals, one-dimensional arrays or spans of them, System.Collections.Generic collections, tuples and lambdas; keep numbers in those, or leave out what sends this body to the tape (the info AD0011 names it)");
            }
        }

        return null;
    }

    /// <summary>True for a type the tape can hold its numbers in, or one that holds none.</summary>
    private static bool Holdable(ITypeSymbol? type) => type switch
    {
        null => true,
        _ when TypeClassifier.IsFloating(type) => true,
        IArrayTypeSymbol { Rank: 1 } array => TypeClassifier.IsFloating(array.ElementType) || !TypeClassifier.InvolvesFloating(array.ElementType),
        IArrayTypeSymbol array => !TypeClassifier.InvolvesFloating(array.ElementType),
        // The tape's body is not unsafe code.
        IPointerTypeSymbol => false,
        INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.All(e => Holdable(e.Type)),
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => !TypeClassifier.InvolvesFloating(nullable.TypeArguments[0]),
        INamedTypeSymbol { IsGenericType: true } named when IsCollection(named) || IsSpan(named) || named.TypeKind == TypeKind.Delegate
            => named.TypeArguments.All(Holdable),
        _ => !TypeClassifier.InvolvesFloating(type),
    };

    private static bool IsCollection(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

    private static bool IsSpan(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == "System" && type.Name is "Span" or "ReadOnlySpan";

    // A constructor or an object initializer handed a number that may carry a derivative.
    private static bool HandsNumbers(IObjectCreationOperation creation) =>
        creation.Arguments.Any(a => TypeClassifier.IsFloating(a.Value.Type) && !IsConstant(a.Value))
        || creation.Initializer?.Initializers.OfType<IAssignmentOperation>().Any(i => TypeClassifier.IsFloating(i.Value.Type) && !IsConstant(i.Value)) == true;

    // A tuple's element, or an element of a span or a collection (b[i] = v, list[i] = v): the tape holds those as Values.
    private static bool HoldsValues(IMemberReferenceOperation member) =>
        member.Member.ContainingType is { IsTupleType: true } or { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" }
        || IsCollection(member.Member.ContainingType);

    private static bool IsConstant(IOperation value) => value.ConstantValue.HasValue;
}
