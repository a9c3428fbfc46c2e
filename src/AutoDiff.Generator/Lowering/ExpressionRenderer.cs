using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.IR;

namespace AutoDiff.Generator.Lowering;

/// <summary>Writes a model expression back as C# (the primal computation).</summary>
internal static class ExpressionRenderer
{
    public static Code Render(Expr expression) => Render(expression, null);

    /// <summary>Renders <paramref name="expression"/>, writing any subexpression found in <paramref name="known"/> as its temporary.</summary>
    public static Code Render(Expr expression, IReadOnlyDictionary<Expr, Code>? known) =>
        known is not null && known.TryGetValue(expression, out var temporary) ? temporary : RenderNode(expression, known);

    private static Code RenderNode(Expr expression, IReadOnlyDictionary<Expr, Code>? known) => expression switch
    {
        ConstExpr c => Code.Number(c.Value, c.Kind),
        VarExpr v => Code.Atom(v.Name),
        IndexExpr i => Code.Index(i.Array, Render(i.Index, known)),
        LengthExpr l => Code.Member(Code.Atom(l.Array), "Length"),
        UnaryExpr { Op: "+" } u => Render(u.Operand, known),
        UnaryExpr u => Code.Prefix(u.Op, Render(u.Operand, known)),
        BinaryExpr b => Code.Binary(Render(b.Left, known), b.Op, Render(b.Right, known), PrecedenceOf(b.Op)),
        ConditionalExpr c => Code.Choose(Render(c.Condition, known), Render(c.WhenTrue, known), Render(c.WhenFalse, known)),
        CastExpr c => Code.Cast(c.Kind, Render(c.Operand, known)),
        MathCallExpr m => Code.PlainCall(m.Class + "." + m.Function, m.Kind, m.Args.Select(a => Render(a, known)).ToArray()),
        DifferentiableCallExpr d => Code.Call(d.Target, d.Args.Select(a => Render(a, known)).ToArray()),
        PlainCallExpr p => Code.PlainCall(p.Target, p.Kind, p.Args.Select(a => Render(a, known)).ToArray()),
        OpaqueExpr o => Code.Atom(o.Text),
        ViewArgExpr v => Window(v.Base, v, known),
        TupleExpr t => Code.Call(string.Empty, t.Elements.Select(e => Render(e, known)).ToArray()),
        TupleElementExpr e => Code.Member(Render(e.Call, known), e.Element),
        _ => throw new System.InvalidOperationException("Unknown expression " + expression.GetType().Name),
    };

    /// <summary><c>LoopWindow.Of(sequence, start, length)</c>: the view's window of <paramref name="sequence"/> (the viewed sequence, or its adjoint or tangent).</summary>
    public static Code Window(string sequence, ViewArgExpr view, IReadOnlyDictionary<Expr, Code>? known = null) =>
        Code.Call(WindowOf, Code.Atom(sequence), Render(view.Start, known), Render(view.Length, known));

    /// <summary>
    /// The span that goes with a span argument into a callee's pullback or pushforward: <paramref name="companion"/>
    /// (the adjoint or tangent of the sequence passed), windowed as the argument is when it is a view; or, when the
    /// sequence has none, a zero array of the argument's length.
    /// </summary>
    public static Code Companion(Expr argument, string? companion, NumKind kind)
    {
        var length = argument switch
        {
            OpaqueExpr { Text: var sequence } => Code.Member(Code.Atom(sequence), "Length"),
            ViewArgExpr view => Render(view.Length),
            _ => throw new System.InvalidOperationException("A span argument must be a sequence or a view: " + argument),
        };
        return companion is null
            ? Code.NewArray(false, kind.Keyword(), length)
            : argument is ViewArgExpr window ? Window(companion, window) : Code.Atom(companion);
    }

    /// <summary>The runtime method that takes a checked window of a span or an array.</summary>
    public const string WindowOf = "global::AutoDiff.CompilerServices.LoopWindow.Of";

    public static int PrecedenceOf(string op) => op switch
    {
        "*" or "/" or "%" => Code.Multiplicative,
        "+" or "-" => Code.Additive,
        "<<" or ">>" or ">>>" => Code.Shift,
        "<" or ">" or "<=" or ">=" => Code.Relational,
        "==" or "!=" => Code.Equality,
        "&" => Code.BitwiseAnd,
        "^" => Code.BitwiseXor,
        "|" => Code.BitwiseOr,
        "&&" => Code.And,
        "||" => Code.Or,
        _ => throw new System.InvalidOperationException("Unknown operator " + op),
    };

}
