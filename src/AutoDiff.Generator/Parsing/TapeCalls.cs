using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Which calls a body re-emitted on the runtime tape may make, where its numbers are <c>AutoDiff.Value</c>s: a call
/// that would compare, hash or keep them outside the body is refused, since the tape cannot follow a derivative
/// through it and comparing Values compares objects. A wrong derivative with no word is the one outcome ruled out.
/// </summary>
internal static class TapeCalls
{
    // Members that only store their element argument in their collection: handed the Value itself, they keep it, and
    // what the body reads back is that Value, derivative and all.
    private static readonly Dictionary<string, string[]> Stores = new()
    {
        ["System.Span<T>"] = ["Fill"],
        ["System.Array"] = ["Fill"],
        ["System.Collections.Generic.List<T>"] = ["Add", "Insert"],
        ["System.Collections.Generic.Stack<T>"] = ["Push"],
        ["System.Collections.Generic.Queue<T>"] = ["Enqueue"],
        ["System.Collections.Generic.LinkedList<T>"] = ["AddFirst", "AddLast"],
        ["System.Collections.Generic.Dictionary<TKey, TValue>"] = ["Add", "TryAdd"],
    };

    // The members of spans, arrays and collections that move, store, count or hand back their elements without
    // comparing them, or compare them only through a predicate of the body's (a lambda on Values). Any other member
    // over numbers (IndexOf, Contains, Sort, Distinct, Trim, Count(v), CommonPrefixLength, Replace, …) would compare
    // Values, objects, by reference: it is refused, so that a member this list does not know is never taken on trust.
    private static readonly HashSet<string> Moves =
    [
        // spans and MemoryExtensions
        "Slice", "CopyTo", "TryCopyTo", "Clear", "Fill", "AsSpan", "AsMemory", "ToArray", "GetEnumerator", "Reverse",
        // System.Array
        "Copy", "ConstrainedCopy", "Empty", "Clone", "ForEach", "Exists", "TrueForAll", "FindIndex", "FindLastIndex", "ConvertAll", "FindAll",
        // System.Collections.Generic
        "Add", "AddRange", "Insert", "InsertRange", "RemoveAt", "RemoveRange", "RemoveAll", "Push", "Pop", "Peek", "TryPop",
        "TryPeek", "Enqueue", "Dequeue", "TryDequeue", "AddFirst", "AddLast", "RemoveFirst", "RemoveLast", "TryAdd",
        "TryGetValue", "ContainsKey", "GetRange", "EnsureCapacity", "TrimExcess", "Remove",
    ];

    /// <summary>
    /// True for a parameter typed by its collection's element type (<c>List&lt;T&gt;.Add(T)</c>): on the tape the
    /// collection holds Values, so the argument is the Value itself. A generic method's own type parameter
    /// (<c>ThrowIfNegative&lt;T&gt;(T)</c>) is not one: it is inferred from what the call hands it, the number.
    /// </summary>
    public static bool PassesValue(IParameterSymbol? parameter) =>
        parameter?.OriginalDefinition.Type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type }
        // Array.Fill<T>(T[] array, T value): T is the array's element type, as a collection's own would be.
        || parameter?.OriginalDefinition.Type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method }
           && parameter.ContainingSymbol is IMethodSymbol { Name: "Fill", ContainingType.SpecialType: SpecialType.System_Array };

    /// <summary>Why <paramref name="invocation"/> of <paramref name="callee"/> (not a table function, the method itself or a local function) cannot run on the tape, or null.</summary>
    public static DiagnosticInfo? Problem(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol callee, CancellationToken cancellationToken)
    {
        var name = (callee.ContainingType?.Name is { } type ? type + "." : string.Empty) + callee.Name;
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = ParameterOf(callee, arguments[i], i);
            // An out parameter (TryGetValue(k, out v), TryPop(out v)) hands an element back: it compares nothing.
            if (PassesValue(parameter) && TypeClassifier.InvolvesFloating(parameter!.Type) && !IsStore(callee, parameter) && parameter.RefKind != RefKind.Out)
            {
                return Refuse(invocation, "'" + name + "' on floating-point elements in a body that runs on the runtime tape",
                    "there the numbers are Values, which it would compare or hash as objects; write it as a loop over the elements, or leave out what sends this body to the tape (the info AD0011 names it)");
            }
        }

        if (arguments.Select((a, i) => (a, i)).FirstOrDefault(p => p.a.RefKindKeyword.Text.Length > 0 && TypeClassifier.IsFloating(model.GetTypeInfo(p.a.Expression, cancellationToken).Type)
                && !(TypeClassifier.IsCollectionMethod(callee) && PassesValue(ParameterOf(callee, p.a, p.i)))).a is { } byReference)
        {
            return Refuse(invocation, "passing the floating-point '" + byReference.Expression + "' by " + byReference.RefKindKeyword.Text + " to '" + name + "' in a body that runs on the runtime tape",
                "there the number is a Value, and the callee takes a number; return the result instead, or leave out what sends this body to the tape (the info AD0011 names it)");
        }

        // A number read back from text (double.Parse($"{x}"), also from chars or UTF-8 bytes) has lost its derivative;
        // the static path refuses text too.
        if (TypeClassifier.IsFloating(callee.ReturnType) && arguments.Any(a => IsText(model.GetTypeInfo(a.Expression, cancellationToken).Type)))
        {
            return Refuse(invocation, "'" + name + "', a number read from text, in a body that runs on the runtime tape",
                "the text holds no derivative; compute with the number itself");
        }

        var receiver = invocation.Expression is MemberAccessExpressionSyntax member && (!callee.IsStatic || callee.ReducedFrom is not null) ? member.Expression : null;
        if (receiver is not null && TypeClassifier.IsFloating(model.GetTypeInfo(receiver, cancellationToken).Type))
        {
            return Refuse(invocation, "the method '" + callee.Name + "' of a floating-point value in a body that runs on the runtime tape",
                "there the number is a Value, an object; compare numbers with ==, < or >, or leave out what sends this body to the tape (the info AD0011 names it)");
        }

        var handedNumber = arguments.Select((a, i) => (a, i)).Any(p =>
            !PassesValue(ParameterOf(callee, p.a, p.i))
            && TypeClassifier.IsFloating(model.GetTypeInfo(p.a.Expression, cancellationToken).Type)
            && !model.GetConstantValue(p.a.Expression, cancellationToken).HasValue);
        // The body's numbers handed to a reading helper's ReadOnlySpan<double> go as a copy of their numbers
        // (TapeSpans.Numbers), which the helper cannot keep where the body reads: inert beside a number.
        bool CopiedNumbers(ArgumentSyntax a, int i) =>
            ReadsNumbers(callee) && HoldsValues(model, a.Expression, cancellationToken) && IsReadOnlyDoubles(ParameterOf(callee, a, i)?.Type);
        if (handedNumber && !callee.IsStatic && callee.ReducedFrom is null)
        {
            return Refuse(invocation, "'" + name + "' handed a floating-point value in a body that runs on the runtime tape",
                "it would get the number without its derivative, and whatever it keeps would lose it; pass numbers to static helpers that return an int or a bool, or leave out what sends this body to the tape (the info AD0011 names it)");
        }

        // What a call handed a number may change must be something the body cannot read back (as the static path's
        // guard calls): beside the number only numbers, bools, enums, strings and read-only spans.
        if (handedNumber && arguments.Where((a, i) => !CopiedNumbers(a, i)).FirstOrDefault(a => !HelperEffects.IsInert(model, a, intsByReference: true, cancellationToken)) is { } other)
        {
            return Refuse(invocation, "'" + name + "' handed a floating-point value and '" + other.Expression + "' in a body that runs on the runtime tape",
                "it gets the number without its derivative and could keep it in what it is handed beside it; pass only numbers, bools and read-only spans, or leave out what sends this body to the tape (the info AD0011 names it)");
        }

        // The body's own numbers as a sequence (Values there) may go to a plain method only as a ReadOnlySpan<double>
        // it reads, which then gets their numbers (TapeSpans.Numbers); span, array and collection methods take the
        // Values themselves.
        if (!TypeClassifier.IsCollectionMethod(callee)
            && arguments.Select((a, i) => (a, i)).FirstOrDefault(p => HoldsBodyNumbers(model, p.a.Expression, cancellationToken)
                && !(ReadsNumbers(callee) && HoldsValues(model, p.a.Expression, cancellationToken) && IsReadOnlyDoubles(ParameterOf(callee, p.a, p.i)?.Type))).a is { } sequence)
        {
            return Refuse(invocation, "passing '" + sequence.Expression + "' to '" + name + "' in a body that runs on the runtime tape",
                "there it holds Values; a plain helper may take the body's numbers only as a ReadOnlySpan<double> it reads and return an int or a bool, or leave out what sends this body to the tape");
        }

        // The same for the receiver of an extension method (a.AllSame() on the body's array).
        if (callee.ReducedFrom is not null && receiver is not null && !TypeClassifier.IsCollectionMethod(callee)
            && HoldsBodyNumbers(model, receiver, cancellationToken))
        {
            return Refuse(invocation, "the extension method '" + name + "' on '" + receiver + "' in a body that runs on the runtime tape",
                "there it holds Values, which it would handle as objects; leave out what sends this body to the tape (the info AD0011 names it)");
        }

        // A plain method handed numbers (or the body's numbers as a span) must keep none of them (HelperEffects).
        if ((handedNumber || arguments.Any(a => HoldsValues(model, a.Expression, cancellationToken)))
            && !TypeClassifier.IsCollectionMethod(callee)
            && HelperEffects.WhyItCouldKeep(callee, model.Compilation, cancellationToken) is { } reason)
        {
            return Refuse(invocation, "'" + name + "' handed numbers in a body that runs on the runtime tape",
                reason + "; a helper may only compute from what it is handed");
        }

        var sequences = receiver is not null && TypeClassifier.FloatingSequence(model.GetTypeInfo(receiver, cancellationToken).Type) is not null
            || arguments.Any(a => TypeClassifier.FloatingSequence(model.GetTypeInfo(a.Expression, cancellationToken).Type) is not null);
        // Remove(key) of a dictionary keyed by ints moves; Remove(v) of a list of numbers searches for v.
        var moves = Moves.Contains(callee.Name) && !(callee.Name == "Remove" && callee.Parameters.FirstOrDefault() is { } removed && TypeClassifier.InvolvesFloating(removed.Type));
        if (TypeClassifier.IsCollectionMethod(callee) && !moves
            && (sequences || receiver is not null && TypeClassifier.InvolvesFloating(model.GetTypeInfo(receiver, cancellationToken).Type)
                || arguments.Any(a => TypeClassifier.InvolvesFloating(model.GetTypeInfo(a.Expression, cancellationToken).Type))))
        {
            return Refuse(invocation, "'" + name + "' over floating-point values in a body that runs on the runtime tape",
                "there the numbers are Values, objects it would compare by reference; only members that move, store or count elements (Add, Push, CopyTo, Fill, TryGetValue, …) run there; write the search or the comparison as a loop, or leave out what sends this body to the tape (the info AD0011 names it)");
        }

        if (sequences && TypeClassifier.IsArrayMethod(callee) && (callee.Name == "Resize" || callee.Name == "Clear" && arguments.Count > 1))
        {
            return Refuse(invocation, "'" + name + "' on an array of floating-point values in a body that runs on the runtime tape",
                "there the array holds Values, and the elements it adds or clears would be null; clear or grow the buffer with a loop, or leave out what sends this body to the tape");
        }

        if (callee.Name is "GetValueOrDefault" or "Find" or "FindLast" && TypeClassifier.IsFloating(callee.ReturnType) && !callee.Parameters.Any(p => p.Name == "defaultValue"))
        {
            return Refuse(invocation, "'" + name + "' with a floating-point result in a body that runs on the runtime tape",
                "there its default is a null Value, not 0; test with TryGetValue or Exists first, or leave out what sends this body to the tape");
        }

        // Array.Copy(table, buffer, n) and table.CopyTo(buffer, 0) cannot store numbers into the tape's arrays of Values.
        var copiedFrom = callee.Name == "Copy" && TypeClassifier.IsArrayMethod(callee) && arguments.Count > 0 ? arguments[0].Expression
            : callee.Name == "CopyTo" && arguments.Count == 2 && receiver is not null && model.GetTypeInfo(receiver, cancellationToken).Type is IArrayTypeSymbol ? receiver
            : null;
        if (copiedFrom is not null && IsNumbers(model, copiedFrom, cancellationToken))
        {
            return Refuse(invocation, "'" + name + "' from numbers into an array of Values in a body that runs on the runtime tape",
                "copy with span CopyTo (" + copiedFrom + ".AsSpan().CopyTo(buffer)), which makes a leaf of each number");
        }

        return null;
    }

    /// <summary>True for a floating sequence of the body that holds Values on the tape (not a table or a passive span).</summary>
    public static bool HoldsValues(SemanticModel model, ExpressionSyntax sequence, CancellationToken cancellationToken) =>
        TypeClassifier.FloatingSequence(model.GetTypeInfo(sequence, cancellationToken).Type) is not null && !IsNumbers(model, sequence, cancellationToken);

    /// <summary>
    /// True for something of the body's that holds numbers without being one (a span, an array, a list, a tuple of
    /// them), and which the tape holds as Values: not a table or a passive span.
    /// </summary>
    private static bool HoldsBodyNumbers(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        return TypeClassifier.Scalar(type) is null && TypeClassifier.InvolvesFloating(type) && !IsNumbers(model, expression, cancellationToken);
    }

    /// <summary>
    /// A plain method that only reads what it is handed: a helper returning an int or a bool
    /// (<see cref="Callees.ReturnsNoDerivative"/>), or a void method that is not differentiable (a guard such as
    /// <c>ArgumentOutOfRangeException.ThrowIfNegative(v)</c>), declared as a method: the tape passes it the numbers of
    /// its Values (<c>Bucket(v.Data)</c>). A local function's doubles become Values with the rest of the body, so it is
    /// not one.
    /// </summary>
    public static bool ReadsNumbers(IMethodSymbol callee) =>
        callee.MethodKind == MethodKind.Ordinary && (Callees.ReturnsNoDerivative(callee) || callee.ReturnsVoid && !Callees.IsDifferentiable(callee));

    /// <summary>True for <c>ReadOnlySpan&lt;double&gt;</c>.</summary>
    public static bool IsReadOnlyDoubles(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "ReadOnlySpan", ContainingNamespace.Name: "System" } && TypeClassifier.SequenceElement(type) == NumKind.Double;

    /// <summary>
    /// True for a floating sequence the tape's body leaves as numbers: a static table, a <c>[NoDerivative]</c> (passive)
    /// span parameter, or a view of one (<c>Table.AsSpan(0, 3)</c>, <c>passive.Slice(1)</c>, <c>passive[1..]</c>).
    /// </summary>
    public static bool IsNumbers(SemanticModel model, ExpressionSyntax sequence, CancellationToken cancellationToken) =>
        TypeClassifier.FloatingSequence(model.GetTypeInfo(sequence, cancellationToken).Type) is not null
        && sequence switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "AsSpan" or "Slice" or "ToArray", Expression: var viewed } } => IsNumbers(model, viewed, cancellationToken),
            ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } ranged when ranged.ArgumentList.Arguments[0].Expression is RangeExpressionSyntax => IsNumbers(model, ranged.Expression, cancellationToken),
            _ => model.GetSymbolInfo(sequence, cancellationToken).Symbol switch
            {
                IFieldSymbol => true,
                IParameterSymbol parameter => Callees.RoleOf(parameter) == ParamRole.Passive,
                _ => false,
            },
        };

    // Collections that hash or order their keys (the first type argument).
    private static readonly HashSet<string> Keyed =
    [
        "System.Collections.Generic.HashSet<T>", "System.Collections.Generic.SortedSet<T>",
        "System.Collections.Generic.Dictionary<TKey, TValue>", "System.Collections.Generic.SortedDictionary<TKey, TValue>",
        "System.Collections.Generic.SortedList<TKey, TValue>",
    ];

    /// <summary>
    /// Why the body, run on the tape, would compare its numbers as objects, or null: a number (or anything holding
    /// one: an array, a tuple, a record) converted to <c>object</c> or an interface, compared with <c>==</c> as a tuple
    /// or a record, asked for <c>Equals</c>, <c>GetHashCode</c> or <c>CompareTo</c>, or made the key of a set or a
    /// dictionary. On the tape each is a Value, an object compared by reference, so the comparison would decide
    /// differently from the source without a word.
    /// </summary>
    public static DiagnosticInfo? FlowProblem(SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        if (model.GetOperation(body, cancellationToken) is not { } root)
        {
            return null;
        }

        foreach (var operation in root.Descendants())
        {
            var problem = operation switch
            {
                // (Text takes the number itself: in a thrown exception's message, an interpolation or a string concatenation;
                // foreach enumerates a collection as one.)
                IConversionOperation { Operand.Type: var from, Type: var to } when TypeClassifier.InvolvesFloating(from) && !InThrow(operation) && !WrittenAsText(operation) && operation.Parent is not IForEachLoopOperation && !FillsCollection(operation)
                    && to is { SpecialType: SpecialType.System_Object or SpecialType.System_ValueType } or { TypeKind: TypeKind.Interface or TypeKind.Dynamic }
                    => "'" + operation.Syntax + "' used as " + (to.TypeKind == TypeKind.Interface ? "an interface" : "an object"),
                ITupleBinaryOperation { LeftOperand.Type: var left } when TypeClassifier.InvolvesFloating(left)
                    => "'" + operation.Syntax + "', tuples of numbers compared",
                IBinaryOperation { OperatorMethod: not null, LeftOperand.Type: var left } when TypeClassifier.InvolvesFloating(left) || TypeClassifier.HoldsFloatingFields(left)
                    => "'" + operation.Syntax + "', an operator of a type that holds numbers",
                IInvocationOperation { TargetMethod.Name: "Equals" or "GetHashCode" or "CompareTo", Instance.Type: var instance } when TypeClassifier.InvolvesFloating(instance) || TypeClassifier.HoldsFloatingFields(instance)
                    => "'" + operation.Syntax + "' on something that holds numbers",
                IObjectCreationOperation { Type: INamedTypeSymbol { TypeArguments.Length: > 0 } created } when Keyed.Contains(created.OriginalDefinition.ToDisplayString())
                    && (TypeClassifier.InvolvesFloating(created.TypeArguments[0]) || TypeClassifier.HoldsFloatingFields(created.TypeArguments[0]))
                    => "'" + created.Name + "' keyed by numbers",
                _ => null,
            };
            if (problem is not null)
            {
                return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(operation.Syntax), problem + " in a body that runs on the runtime tape",
                    "there numbers are Values, objects compared by reference; compare the numbers themselves with ==, < or >, or leave out what sends this body to the tape (the info AD0011 names it)");
            }
        }

        return null;
    }

    private static bool IsText(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_String
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte }
        || TypeClassifier.IsSpanType(type) && ((INamedTypeSymbol)type!).TypeArguments[0].SpecialType is SpecialType.System_Char or SpecialType.System_Byte;

    // new List<double>(a), list.AddRange(a): the collection takes the elements, Values, as they are.
    private static bool FillsCollection(IOperation conversion) =>
        conversion.Parent is IArgumentOperation { Parent: var call }
        && (call is IObjectCreationOperation { Constructor.ContainingType: var created } && TypeClassifier.IsCollectionType(created)
            || call is IInvocationOperation { TargetMethod: var method } && TypeClassifier.IsCollectionMethod(method) && method.Name is "AddRange" or "InsertRange");

    // "x = " + x and $"{x}": the tape writes the Value's number (TapeRewriter).
    private static bool WrittenAsText(IOperation operation) =>
        operation.Parent is IInterpolationOperation
        || operation.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };

    private static bool InThrow(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IThrowOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Why reading <paramref name="name"/> cannot run on the tape, or null: a floating-point static field that is
    /// not read-only, or a static property with a setter, which a call the tape allows may have set from a number
    /// that carried a derivative; the tape would read it as a constant.
    /// </summary>
    public static DiagnosticInfo? ReadProblem(SemanticModel model, SimpleNameSyntax name, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
        var mutable = symbol switch
        {
            IFieldSymbol { IsStatic: true, IsReadOnly: false, IsConst: false } field => TypeClassifier.IsFloating(field.Type),
            IPropertySymbol { IsStatic: true, SetMethod: not null } property => TypeClassifier.IsFloating(property.Type),
            _ => false,
        };
        return mutable
            ? DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(name), "reading the static '" + name.Identifier.Text + "' in a body that runs on the runtime tape",
                "a call may have set it from a number whose derivative the tape cannot follow; pass it in as a parameter, or make it readonly")
            : null;
    }

    /// <summary>The parameter <paramref name="argument"/>, the <paramref name="position"/>th, is passed to.</summary>
    public static IParameterSymbol? ParameterOf(IMethodSymbol callee, ArgumentSyntax argument, int position) =>
        argument.NameColon is { } named
            ? callee.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
            : callee.Parameters.Length == 0 ? null : callee.Parameters[System.Math.Min(position, callee.Parameters.Length - 1)];

    // A dictionary's key is hashed and compared, so only its values are stored as they are.
    private static bool IsStore(IMethodSymbol callee, IParameterSymbol parameter) =>
        callee.ContainingType?.OriginalDefinition.ToDisplayString() is { } type
        && Stores.TryGetValue(type, out var members)
        && members.Contains(callee.Name)
        && ((ITypeParameterSymbol)parameter.OriginalDefinition.Type).Name != "TKey";

    private static DiagnosticInfo Refuse(InvocationExpressionSyntax invocation, string construct, string fix) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(invocation), construct, fix);
}
