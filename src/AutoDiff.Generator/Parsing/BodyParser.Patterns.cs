using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// <c>v is &gt; 0 and &lt; 1</c>, <c>k is 0 or 2</c>, <c>v is not &gt;= 0.5</c>, and the same patterns in <c>switch</c>
/// labels and arms: a pattern on a number is the comparisons it stands for (<c>v &gt; 0 &amp;&amp; v &lt; 1</c>), evaluated
/// in the same order with the same short circuits, the tested value read once per comparison (a differentiable
/// body's expressions have no side effects, so reading it again gives the same number). A constant pattern of NaN
/// is refused: <c>v is double.NaN</c> tests for NaN, which <c>v == double.NaN</c> never is; <c>double.IsNaN(v)</c> says it.
/// </summary>
internal sealed partial class BodyParser
{
    private Expr ParsePattern(ExpressionSyntax tested, PatternSyntax pattern) =>
        ParsePattern(ParseExpr(tested), PatternKind(tested, pattern), pattern);

    /// <summary>The kind of a value a pattern may test: a number or a bool (an enum is an int); anything else is refused.</summary>
    private NumKind PatternKind(ExpressionSyntax tested, SyntaxNode at) =>
        TypeClassifier.Scalar(_model.GetTypeInfo(tested, _cancellationToken).Type)
        ?? (_model.GetTypeInfo(tested, _cancellationToken).Type?.TypeKind == TypeKind.Enum ? NumKind.Int : (NumKind?)null)
        ?? throw NotSupported("a pattern on '" + OneLine(tested) + "'", "test numbers, bools or enums", at);

    /// <summary>The comparisons <paramref name="pattern"/> stands for, on <paramref name="tested"/> (of <paramref name="kind"/>).</summary>
    private Expr ParsePattern(Expr tested, NumKind kind, PatternSyntax pattern)
    {
        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return ParsePattern(tested, kind, parenthesized.Pattern);
            case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                return new UnaryExpr("!", ParsePattern(tested, kind, not.Pattern), NumKind.Bool);
            case BinaryPatternSyntax both:
                var op = both.IsKind(SyntaxKind.AndPattern) ? "&&" : "||";
                return new BinaryExpr(op, ParsePattern(tested, kind, both.Left), ParsePattern(tested, kind, both.Right), NumKind.Bool);
            case RelationalPatternSyntax relational when kind != NumKind.Bool && Comparand(relational.Expression, kind) is { } bound:
                return new BinaryExpr(relational.OperatorToken.Text, tested, bound, NumKind.Bool);
            case ConstantPatternSyntax constant when Comparand(constant.Expression, kind) is { } value:
                return new BinaryExpr("==", tested, value, NumKind.Bool);
            default:
                throw NotSupported("pattern '" + OneLine(pattern) + "'", "use relational (> 0), constant (0), and, or, not patterns on numbers, or comparisons", pattern);
        }
    }

    /// <summary>The constant a relational or constant pattern compares with (an enum member by its name), or null for NaN or a non-constant.</summary>
    private Expr? Comparand(ExpressionSyntax expression, NumKind kind)
    {
        var constant = _model.GetConstantValue(expression, _cancellationToken);
        if (!constant.HasValue)
        {
            return null;
        }

        if (_model.GetTypeInfo(expression, _cancellationToken).Type?.TypeKind == TypeKind.Enum)
        {
            return ParseExpr(expression);
        }

        var value = constant.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            bool b => b ? 1.0 : 0.0,
            _ => double.NaN,
        };
        return double.IsNaN(value) ? null : new ConstExpr(value, kind);
    }
}
