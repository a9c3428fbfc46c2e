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
                // new (double, int)[n] would hold tuples of null Values.
                IArrayCreationOperation { Type: IArrayTypeSymbol { ElementType: INamedTypeSymbol { IsTupleType: true } element }, Initializer: null } when TypeClassifier.InvolvesFloating(element)
                    => "'" + operation.Syntax + "', an array of tuples of numbers without their values (list them, or use one array per element)",
                IObjectCreationOperation { Type: var type } creation when !TypeClassifier.IsCollectionType(type) && HandsNumbers(creation)
                    => "'" + operation.Syntax + "', a '" + type!.Name + "' made from numbers",
                IAssignmentOperation { Target: IMemberReferenceOperation member } assignment
                    when TypeClassifier.IsFloating(assignment.Target.Type) && !HoldsValues(member) && !IsConstant(assignment.Value)
                    => "'" + operation.Syntax + "', a number stored in a field or property",
                IConversionOperation { Operand: var from, Type.SpecialType: SpecialType.System_Decimal } when TypeClassifier.IsFloating(from.Type) && !IsConstant(from)
                    => "'" + operation.Syntax + "', a number converted to decimal",
                // Unboxing: the tape would cast the object to a Value, which it is not.
                IConversionOperation { Operand.Type: { } from, Type: { IsValueType: true } to } when TypeClassifier.InvolvesFloating(to)
                    && (from.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType || from.TypeKind is TypeKind.Interface or TypeKind.Dynamic)
                    => "'" + operation.Syntax + "', a number taken out of an object",
                // Nullable numbers are Value? there, a reference: == compares objects and null lifts nothing.
                _ when operation.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && TypeClassifier.IsFloating(nullable.TypeArguments[0])
                    => "'" + operation.Syntax + "', a nullable number",
                // A pattern on the number itself tests the Value's number: one that names it (var v, double d, { } p)
                // would name that number, a constant.
                IPatternOperation pattern when !Nested(pattern) && TypeClassifier.IsFloating(pattern.InputType)
                    && DeclaredSymbol(pattern) is { } named && TypeClassifier.InvolvesFloating(named.Type)
                    => "'" + operation.Syntax + "', a pattern that names a number (name it with a local before the test)",
                // Inside a tuple, property or list pattern the elements are Values, which a constant, relational or
                // type pattern cannot test (a var pattern names them, which is fine).
                IRelationalPatternOperation or IConstantPatternOperation or ITypePatternOperation or IDeclarationPatternOperation { MatchesNull: false }
                    when Nested((IPatternOperation)operation) && TypeClassifier.IsFloating(((IPatternOperation)operation).InputType)
                    => "'" + operation.Syntax + "', a test of a number inside a tuple, property or list pattern (test the element itself)",
                // default of a tuple of numbers would hold null Values (a user's struct keeps its doubles).
                IDefaultValueOperation { Type: var type } when !TypeClassifier.IsFloating(type) && TypeClassifier.InvolvesFloating(type)
                    => "'" + operation.Syntax + "', the default of something that holds numbers",
                IObjectCreationOperation { Type: var type } when TypeClassifier.IsFloating(type)
                    => "'" + operation.Syntax + "'",
                // A method group typed with numbers: the tape's Values do not convert to its parameters.
                IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var target } } when target.MethodKind != MethodKind.LocalFunction && Signature(target).Any(TypeClassifier.InvolvesFloating)
                    => "'" + operation.Syntax + "', a method group taking or giving numbers (write a lambda)",
                IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } invoked } when !IsBodys(invoked)
                    && Signature(((IInvocationOperation)operation).TargetMethod).Any(TypeClassifier.InvolvesFloating)
                    => "'" + operation.Syntax + "', a delegate from outside the body called with numbers",
                // Func<double, double> f = Activation: a delegate of doubles, where the body's lambdas take Values.
                IVariableDeclaratorOperation { Symbol.Type: INamedTypeSymbol { TypeKind: TypeKind.Delegate } type, Initializer.Value: { } value }
                    when Signature(type.DelegateInvokeMethod!).Any(TypeClassifier.InvolvesFloating) && !IsMadeHere(value)
                    => "'" + operation.Syntax + "', a delegate from outside the body (write the lambda in the body)",
                ISimpleAssignmentOperation { Target.Type: INamedTypeSymbol { TypeKind: TypeKind.Delegate } type, Value: var value }
                    when Signature(type.DelegateInvokeMethod!).Any(TypeClassifier.InvolvesFloating) && !IsMadeHere(value)
                    => "'" + operation.Syntax + "', a delegate from outside the body (write the lambda in the body)",
                // (Half)x, (Int128)x: number types the tape has no conversion for.
                IConversionOperation { Operand.Type: var from, Type: { IsValueType: true, SpecialType: SpecialType.None } to } when TypeClassifier.IsFloating(from) && !TypeClassifier.InvolvesFloating(to) && to.TypeKind != TypeKind.Enum
                    => "'" + operation.Syntax + "', a number converted to '" + to.Name + "'",
                // A generic local function handed numbers is handed Values, objects: its default is null, its comparers
                // and equality compare references, and no numeric or struct constraint holds.
                IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction, IsGenericMethod: true } generic } when generic.TypeArguments.Any(TypeClassifier.InvolvesFloating)
                    => "'" + operation.Syntax + "', a generic local function handed numbers (give it double parameters)",
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
                // A lambda of numbers handed to a plain method, which takes a delegate of doubles.
                IArgumentOperation { Parameter: { ContainingSymbol: IMethodSymbol callee }, Value: var value } when Unconverted(value) is IDelegateCreationOperation or IAnonymousFunctionOperation
                    && value.Type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke } && Signature(invoke).Any(TypeClassifier.InvolvesFloating)
                    && callee.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke)
                    && !TypeClassifier.IsCollectionMethod(callee)
                    && !SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, method.OriginalDefinition)
                    => "'" + operation.Syntax + "', a lambda of numbers handed to '" + callee.Name + "' (call it in the body)",
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
        IArrayTypeSymbol { Rank: 1 } array => TypeClassifier.IsFloating(array.ElementType)
            || array.ElementType is INamedTypeSymbol { IsTupleType: true } or INamedTypeSymbol { TypeKind: TypeKind.Delegate } && Holdable(array.ElementType)
            || !TypeClassifier.InvolvesFloating(array.ElementType),
        IArrayTypeSymbol array => !TypeClassifier.InvolvesFloating(array.ElementType),
        // The tape's body is not unsafe code.
        IPointerTypeSymbol => false,
        INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.All(e => Holdable(e.Type)),
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => !TypeClassifier.InvolvesFloating(nullable.TypeArguments[0]),
        // Func<double, double>, Action<double>: the tape's lambdas take Values, and so do these delegates once rewritten.
        INamedTypeSymbol { IsGenericType: true, TypeKind: TypeKind.Delegate, ContainingNamespace.Name: "System" } named => named.TypeArguments.All(Holdable),
        // A delegate type of the user's keeps the doubles of its declaration, which the body's Values do not fit.
        INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke } => !Signature(invoke).Any(TypeClassifier.InvolvesFloating),
        INamedTypeSymbol { IsGenericType: true } named when TypeClassifier.IsCollectionType(named) || TypeClassifier.IsSpanType(named)
            => named.TypeArguments.All(Holdable),
        _ => !TypeClassifier.InvolvesFloating(type),
    };

    // A constructor or an object initializer handed a number that may carry a derivative.
    private static bool HandsNumbers(IObjectCreationOperation creation) =>
        creation.Arguments.Any(a => TypeClassifier.IsFloating(a.Value.Type) && !IsConstant(a.Value))
        || creation.Initializer?.Initializers.OfType<IAssignmentOperation>().Any(i => TypeClassifier.IsFloating(i.Value.Type) && !IsConstant(i.Value)) == true;

    // A tuple's element, an anonymous object's property, or an element of a span or a collection (b[i] = v,
    // list[i] = v): the tape holds those as Values.
    private static bool HoldsValues(IMemberReferenceOperation member) =>
        member.Member.ContainingType is { IsTupleType: true } or { IsAnonymousType: true }
        || TypeClassifier.IsSpanType(member.Member.ContainingType) || TypeClassifier.IsCollectionType(member.Member.ContainingType);

    private static bool IsConstant(IOperation value) => value.ConstantValue.HasValue;

    private static bool IsNumbers(SemanticModel model, IOperation value, CancellationToken cancellationToken) =>
        Unconverted(value).Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression && TapeCalls.IsNumbers(model, expression, cancellationToken);

    private static IOperation Unconverted(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? Unconverted(conversion.Operand) : value;

    // Under a tuple, property or list pattern, where the tape tests Values rather than a number's Data.
    private static bool Nested(IPatternOperation pattern)
    {
        for (var current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IRecursivePatternOperation or IListPatternOperation or IPropertySubpatternOperation or ISlicePatternOperation:
                    return true;
                case IBinaryPatternOperation or INegatedPatternOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    // A delegate of the body's own: a local, a parameter, or one read through ?. from those.
    private static bool IsBodys(IOperation instance) => instance switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation => true,
        // An element of the body's own list or array of lambdas (ops[i](v)).
        IArrayElementReferenceOperation element => IsBodys(element.ArrayReference),
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } => IsBodys(list),
        IConditionalAccessInstanceOperation => instance.Parent is var current && Receiver(current) is { } receiver && IsBodys(receiver),
        _ => false,
    };

    private static IOperation? Receiver(IOperation? current)
    {
        for (; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    // A lambda, a local function or another of the body's delegates (null too).
    private static bool IsMadeHere(IOperation value) => Unconverted(value) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation or IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } } => true,
        IAnonymousFunctionOperation or ILiteralOperation or IDefaultValueOperation => true,
        ILocalReferenceOperation or IParameterReferenceOperation => true,
        IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } => IsBodys(Unconverted(value)),
        IBinaryOperation binary => IsMadeHere(binary.LeftOperand) && IsMadeHere(binary.RightOperand),
        _ => false,
    };

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
