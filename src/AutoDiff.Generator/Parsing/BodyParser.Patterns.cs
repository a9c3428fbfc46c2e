using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// <c>v is &gt; 0 and &lt; 1</c>, <c>k is 0 or 2</c>, <c>v is not &gt;= 0.5</c>: a pattern on a number is the comparisons
/// it stands for (<c>v &gt; 0 &amp;&amp; v &lt; 1</c>), evaluated in the same order with the same short circuits, the
/// tested value read once per comparison (a differentiable body's expressions have no side effects, so reading it
/// again gives the same number). A constant pattern of NaN is refused: <c>v is double.NaN</c> tests for NaN, which
/// <c>v == double.NaN</c> never is; <c>double.IsNaN(v)</c> says it.
/// </summary>
internal sealed partial class BodyParser
{
    private Expr ParsePattern(ExpressionSyntax tested, PatternSyntax pattern)
    {
        if (TypeClassifier.Scalar(_model.GetTypeInfo(tested, _cancellationToken).Type) is not { } kind || kind == NumKind.Bool && pattern is RelationalPatternSyntax)
        {
            throw NotSupported("pattern '" + OneLine(pattern) + "'", "compare numbers with <, >, ==, && and ||", pattern);
        }

        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return ParsePattern(tested, parenthesized.Pattern);
            case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                return new UnaryExpr("!", ParsePattern(tested, not.Pattern), NumKind.Bool);
            case BinaryPatternSyntax both:
                var op = both.IsKind(SyntaxKind.AndPattern) ? "&&" : "||";
                return new BinaryExpr(op, ParsePattern(tested, both.Left), ParsePattern(tested, both.Right), NumKind.Bool);
            case RelationalPatternSyntax relational when Comparand(relational.Expression, kind) is { } bound:
                return new BinaryExpr(relational.OperatorToken.Text, ParseExpr(tested), bound, NumKind.Bool);
            case ConstantPatternSyntax constant when Comparand(constant.Expression, kind) is { } value:
                return new BinaryExpr("==", ParseExpr(tested), value, NumKind.Bool);
            default:
                throw NotSupported("pattern '" + OneLine(pattern) + "'", "use relational (> 0), constant (0), and, or, not patterns on numbers, or comparisons", pattern);
        }
    }

    /// <summary>The constant a relational or constant pattern compares with, or null for NaN or a non-number.</summary>
    private Expr? Comparand(ExpressionSyntax expression, NumKind kind)
    {
        var constant = _model.GetConstantValue(expression, _cancellationToken);
        var value = constant.HasValue ? constant.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            bool b => b ? 1.0 : 0.0,
            _ => double.NaN,
        } : double.NaN;
        return double.IsNaN(value) ? null : new ConstExpr(value, kind);
    }
}
