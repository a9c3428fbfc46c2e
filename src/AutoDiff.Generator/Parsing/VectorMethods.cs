using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Recognises vector-valued methods: a <c>void</c> method whose last parameter is <c>Span&lt;double&gt;</c> (or float)
/// writes its outputs there; a method returning a tuple of doubles (or of floats) returns them.
/// </summary>
internal static class VectorMethods
{
    /// <summary>What the method's outputs look like: the output span's name or the tuple's element names, their kind, or why they cannot be differentiated.</summary>
    public sealed record Shape(NumKind Kind, string? Span, EquatableArray<string> Elements, string ReturnTypeText, string? Problem);

    /// <summary>The vector shape of <paramref name="method"/>, or null when it is not vector-valued (a scalar method, or a plain error).</summary>
    public static Shape? ShapeOf(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            var last = method.Parameters.LastOrDefault();
            if (last is { RefKind: RefKind.None, Type: INamedTypeSymbol { Name: "Span" } span }
                && span.ContainingNamespace?.ToDisplayString() == "System"
                && TypeClassifier.FloatingSequence(span) is { } kind)
            {
                return new Shape(kind, last.Name, EquatableArray<string>.Empty, "void", null);
            }

            return null;
        }

        if (method.ReturnType is not INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return null;
        }

        var elements = tuple.TupleElements;
        var text = method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var first = TypeClassifier.Scalar(elements[0].Type);
        foreach (var element in elements)
        {
            var elementKind = TypeClassifier.Scalar(element.Type);
            if (elementKind is not { } k || !k.IsFloating() || k != first)
            {
                return new Shape(NumKind.Double, null, EquatableArray<string>.Empty, text, "its tuple element '" + element.Name + "' is '" + element.Type.ToDisplayString()
                    + "'; every element of a differentiable tuple must be double (or every one float); return the other values from a method of their own");
            }
        }

        return new Shape(first!.Value, null, elements.Select(e => e.Name).ToEquatableArray(), text, null);
    }

    /// <summary>The outputs' description for the model, choosing the generated parameters' names so they clash with no parameter.</summary>
    public static VectorOutput Describe(Shape shape, HashSet<string> taken) =>
        new(
            shape.Span,
            shape.Elements,
            shape.Elements.Select(e => AdjointNames.Unique("seed" + e, taken)).ToEquatableArray(),
            shape.Elements.Select(e => AdjointNames.Unique("tangent" + e, taken)).ToEquatableArray(),
            AdjointNames.Unique("cotangent", taken),
            AdjointNames.Unique("jacobian", taken),
            shape.ReturnTypeText,
            Forward: false,
            PublicPushforward: false);

    /// <summary>The members a vector-valued method gets (its pushforward always: the Jacobian may run it, privately).</summary>
    public static readonly string[] Suffixes = ["Pullback", "Jacobian", "Pushforward"];

    /// <summary>Why the body's outputs cannot be differentiated, or null: the output span read before anything is written to it.</summary>
    public static string? BodyProblem(Shape shape, EquatableArray<Stmt> body)
    {
        if (shape.Span is not { } output)
        {
            return null;
        }

        foreach (var statement in Normalizer.Walk(body))
        {
            // The element an assignment writes is not read (unless by a compound assignment, below); its index is.
            var written = (statement as AssignStmt)?.Target;
            var reads = ExprTree.OfStatement(statement).SelectMany(ExprTree.Walk).OfType<IndexExpr>().Any(i => i.Array == output && !ReferenceEquals(i, written))
                || statement is AssignStmt { Target: IndexExpr { Array: var target }, Op: not "=" } && target == output;
            if (reads)
            {
                return "reads the output span '" + output + "' before writing it ('" + statement.Source + "'); its elements hold whatever the caller passed, "
                    + "so write each element before reading it, or compute into a local buffer and copy into '" + output + "' at the end";
            }

            if (written is IndexExpr { Array: var array } && array == output)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True when some output depends on a differentiable parameter (else AD0007: every derivative is zero).</summary>
    public static bool OutputsDependOnInputs(Shape shape, EquatableArray<Stmt> body, IEnumerable<ParameterModel> parameters) =>
        shape.Span is { } output
            ? Activity.Varied(body, parameters).Contains(output)
            : Activity.ResultDependsOnInputs(body, parameters);
}
