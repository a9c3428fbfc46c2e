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
    public static DiagnosticInfo? Problem(SemanticModel model, SyntaxNode body, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (model.GetOperation(body, cancellationToken) is not { } root)
        {
            return null;
        }

        // The first in the source, whichever order the operations are walked in.
        foreach (var operation in root.Descendants().OrderBy(o => o.Syntax.SpanStart))
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
                // Unboxing: the tape would cast the object to a Value, which it is not.
                IConversionOperation { Operand.Type: { } from, Type: var to } when TypeClassifier.InvolvesFloating(to)
                    && (from.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType || from.TypeKind is TypeKind.Interface or TypeKind.Dynamic)
                    => "'" + operation.Syntax + "', a number taken out of an object",
                // Nullable numbers are Value? there, a reference: == compares objects and null lifts nothing.
                _ when operation.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && TypeClassifier.IsFloating(nullable.TypeArguments[0])
                    => "'" + operation.Syntax + "', a nullable number",
                // A pattern that names the number (var v, double d, { } p) would name the Value's number, a constant.
                IPatternOperation { } pattern when DeclaredSymbol(pattern) is { } named && (TypeClassifier.InvolvesFloating(named.Type) || TypeClassifier.HoldsFloatingFields(named.Type))
                    => "'" + operation.Syntax + "', a pattern that names a number (name it with a local before the test)",
                // Patterns test the Value's number only at the top: inside a tuple, property or list pattern they meet Values.
                IRecursivePatternOperation or IListPatternOperation when TypeClassifier.InvolvesFloating(((IPatternOperation)operation).InputType) || TypeClassifier.HoldsFloatingFields(((IPatternOperation)operation).InputType)
                    => "'" + operation.Syntax + "', a pattern inside something that holds numbers",
                IAnonymousObjectCreationOperation { Type: var type } when type is INamedTypeSymbol anonymous && anonymous.GetMembers().OfType<IPropertySymbol>().Any(p => TypeClassifier.InvolvesFloating(p.Type))
                    => "'" + operation.Syntax + "', an anonymous object holding numbers",
                // default of a tuple of numbers would hold null Values (a user's struct keeps its doubles).
                IDefaultValueOperation { Type: var type } when !TypeClassifier.IsFloating(type) && TypeClassifier.InvolvesFloating(type)
                    => "'" + operation.Syntax + "', the default of something that holds numbers",
                IObjectCreationOperation { Type: var type } when TypeClassifier.IsFloating(type)
                    => "'" + operation.Syntax + "'",
                // A method group typed with numbers: the tape's Values do not convert to its parameters.
                IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var target } } when Signature(target).Any(TypeClassifier.InvolvesFloating)
                    => "'" + operation.Syntax + "', a method group taking or giving numbers (write a lambda)",
                IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: var invoked } when invoked is not (ILocalReferenceOperation or IParameterReferenceOperation)
                    && Signature(((IInvocationOperation)operation).TargetMethod).Any(TypeClassifier.InvolvesFloating)
                    => "'" + operation.Syntax + "', a delegate from outside the body called with numbers",
                ILocalFunctionOperation { Symbol: var function } when function.Parameters.Any(p => p.HasExplicitDefaultValue && TypeClassifier.InvolvesFloating(p.Type))
                    => "the default value of a number parameter of '" + function.Name + "'",
                IAnonymousFunctionOperation { Symbol: var lambda } when lambda.Parameters.Any(p => p.HasExplicitDefaultValue && TypeClassifier.InvolvesFloating(p.Type))
                    => "'" + operation.Syntax + "', a default value of a number parameter",
                // The tape leaves a table or a [NoDerivative] span as numbers, which a local of Values cannot name.
                IVariableDeclaratorOperation { Symbol: var local, Initializer.Value: { } value } when TypeClassifier.FloatingSequence(local.Type) is not null && IsNumbers(model, value, cancellationToken)
                    => "'" + operation.Syntax + "', a local naming numbers that stay numbers there (index the table or the parameter itself, or copy it into a buffer)",
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local }, Value: var value } when TypeClassifier.FloatingSequence(local.Type) is not null && IsNumbers(model, value, cancellationToken)
                    => "'" + operation.Syntax + "', a local naming numbers that stay numbers there (index the table or the parameter itself, or copy it into a buffer)",
                IArgumentOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } } parameter, Value: var value }
                    when TypeClassifier.FloatingSequence(parameter.Type) is not null && IsNumbers(model, value, cancellationToken)
                    => "'" + operation.Syntax + "', numbers that stay numbers there handed to a local function's span of Values (copy them into a buffer first)",
                _ => TapeWrites.Problem(operation, method),
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

    private static bool IsNumbers(SemanticModel model, IOperation value, CancellationToken cancellationToken) =>
        Unconverted(value).Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression && TapeCalls.IsNumbers(model, expression, cancellationToken);

    private static IOperation Unconverted(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? Unconverted(conversion.Operand) : value;

    private static ILocalSymbol? DeclaredSymbol(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
        IListPatternOperation list => list.DeclaredSymbol as ILocalSymbol,
        _ => null,
    };

    private static System.Collections.Generic.IEnumerable<ITypeSymbol> Signature(IMethodSymbol method) =>
        method.Parameters.Select(p => p.Type).Append(method.ReturnType);
}
