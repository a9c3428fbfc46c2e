using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Analysis;

/// <summary>The shape of model expressions: what an expression is made of, and how big it is.</summary>
internal static class ExprTree
{
    public static IEnumerable<Expr> Children(Expr expression) => expression switch
    {
        IndexExpr i => [i.Index],
        UnaryExpr u => [u.Operand],
        BinaryExpr b => [b.Left, b.Right],
        ConditionalExpr c => [c.Condition, c.WhenTrue, c.WhenFalse],
        CastExpr c => [c.Operand],
        MathCallExpr m => m.Args,
        DifferentiableCallExpr d => d.Args,
        PlainCallExpr p => p.Args,
        ViewArgExpr v => [v.Start, v.Length],
        TupleExpr t => t.Elements,
        TupleElementExpr e => [e.Call],
        _ => [],
    };

    /// <summary>The expression and every expression inside it.</summary>
    public static IEnumerable<Expr> Walk(Expr expression) => Children(expression).SelectMany(Walk).Prepend(expression);

    /// <summary>The expressions a statement holds directly (not those of nested statements).</summary>
    public static IEnumerable<Expr> OfStatement(Stmt statement) => statement switch
    {
        DeclareStmt { Value: { } value } => [value],
        AssignStmt a => [a.Target, a.Value],
        ReturnStmt r => [r.Value],
        IfStmt i => [i.Condition],
        WhileStmt w => [w.Condition],
        ForStmt { Condition: { } condition } => [condition],
        BufferStmt { StackWhen: { } small } b => [b.Length, small],
        BufferStmt b => [b.Length],
        CountedForStmt c => [c.Start, c.End],
        _ => [],
    };

    /// <summary>Every name a statement or a statement inside it reads or writes through an expression (bounds included).</summary>
    public static IEnumerable<string> NamesIn(Stmt statement) => Normalizer.Walk(statement).SelectMany(OfStatement).SelectMany(Activity.Names);

    /// <summary>The differentiable methods a body calls, each call once.</summary>
    public static IEnumerable<DifferentiableCallExpr> Callees(IEnumerable<Stmt> body) =>
        Normalizer.Walk(body).SelectMany(OfStatement).SelectMany(Walk).OfType<DifferentiableCallExpr>();

    public static int Size(Expr expression) => 1 + Children(expression).Sum(Size);

    /// <summary>Constants, int locals and lengths under <c>+</c>, <c>-</c> and <c>*</c>: the same value each time it is evaluated with the same locals.</summary>
    public static bool IsIntArithmetic(Expr expression) =>
        Walk(expression).All(e => e is ConstExpr or VarExpr { Kind: NumKind.Int } or LengthExpr or BinaryExpr { Op: "+" or "-" or "*" } or UnaryExpr { Op: "-" });
}
