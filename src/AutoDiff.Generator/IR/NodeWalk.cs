using System;
using System.Collections.Generic;
using System.Linq;

namespace AutoDiff.Generator.IR;

/// <summary>What the loop passes ask of a statement: the expressions it holds, what it may change, and the same statement rewritten.</summary>
internal static class NodeWalk
{
    /// <summary>Every expression a statement holds, not those of its nested blocks (a loop's header is its own).</summary>
    public static IEnumerable<Code> Codes(Node node) => node switch
    {
        DeclareNode d => [d.Value],
        AssignNode a => a.Value is null ? [a.Target] : [a.Target, a.Value],
        AccumulateNode a => [a.Adjoint, a.Contribution],
        PushNode p => [p.Value],
        ReserveNode r => [r.Count],
        RecordAllNode r => [r.Buffer],
        RestoreAllNode r => [r.Buffer],
        ExpressionNode e => [e.Expression],
        ReturnNode r => [r.Value],
        IfNode i => [i.Condition],
        LoopNode l => new[] { l.Condition }.Concat(l.Init is { } init ? Codes(init) : []).Concat(l.Step is { } step ? Codes(step) : []),
        _ => [],
    };

    /// <summary>Every expression a statement holds, nested blocks included.</summary>
    public static IEnumerable<Code> AllCodes(Node node) => node switch
    {
        IfNode i => Codes(i).Concat(i.Then.Concat(i.Else).SelectMany(AllCodes)),
        LoopNode l => Codes(l).Concat(l.Body.SelectMany(AllCodes)),
        _ => Codes(node),
    };

    /// <summary>
    /// The expressions a statement evaluates whenever it runs: all of a simple statement's, a branch's condition, a
    /// for loop's initializer (a while loop's condition may never be reached again, but its first test is).
    /// </summary>
    public static IEnumerable<Code> Unconditional(Node node) => node switch
    {
        IfNode branch => [branch.Condition],
        LoopNode loop => loop.Init is { } init ? Codes(init) : [],
        _ => Codes(node),
    };

    /// <summary>
    /// Every name a statement may change: declared, assigned or added to, and everything a call statement mentions;
    /// with <paramref name="elements"/>, also the arrays it stores elements into.
    /// </summary>
    public static IEnumerable<string> Writes(Node node, bool elements) => node switch
    {
        DeclareNode d => [d.Name],
        AssignNode { Target.Form: Code.Shape.Index } a => elements ? [a.Target.Op] : [],
        AssignNode a => a.Target.Names.Take(1),
        AccumulateNode { Adjoint.Form: Code.Shape.Index } a => elements ? [a.Adjoint.Op] : [],
        AccumulateNode a => a.Adjoint.Names.Take(1),
        RestoreAllNode r => elements ? r.Buffer.Names : [],
        ExpressionNode e => e.Expression.Names,
        IfNode i => i.Then.Concat(i.Else).SelectMany(n => Writes(n, elements)),
        LoopNode l => (l.Init is { } init ? Writes(init, elements) : [])
            .Concat(l.Step is { } step ? Writes(step, elements) : [])
            .Concat(l.Body.SelectMany(n => Writes(n, elements))),
        _ => [],
    };

    /// <summary>Every name a statement may change, the arrays it stores into included.</summary>
    public static IEnumerable<string> Changed(Node node) => Writes(node, elements: true);

    /// <summary>The function's name when <paramref name="callee"/> is one of <c>Math</c>'s or <c>MathF</c>'s (<c>Math.Exp</c>), else null.</summary>
    public static string? MathFunction(string callee)
    {
        var dot = callee.IndexOf('.');
        return dot > 0 && callee.Substring(0, dot) is "Math" or "MathF" ? callee.Substring(dot + 1) : null;
    }

    /// <summary>True for a stack's <c>Pop</c>, which reads only the stack.</summary>
    public static bool IsPop(string callee) => callee.EndsWith(".Pop", StringComparison.Ordinal);

    /// <summary><paramref name="node"/> with <paramref name="rewrite"/> applied to every expression in it, nested blocks included.</summary>
    public static Node RewriteNode(Node node, Func<Code, Code?> rewrite)
    {
        Code R(Code code) => RewriteCode(code, rewrite);
        Block B(Block block) => new(block.Select(n => RewriteNode(n, rewrite)));
        return node switch
        {
            DeclareNode d => d with { Value = R(d.Value) },
            AssignNode a => a with { Target = R(a.Target), Value = a.Value is null ? null : R(a.Value) },
            AccumulateNode a => a with { Adjoint = R(a.Adjoint), Contribution = R(a.Contribution) },
            PushNode p => p with { Value = R(p.Value) },
            ReserveNode r => r with { Count = R(r.Count) },
            ExpressionNode e => e with { Expression = R(e.Expression) },
            ReturnNode r => r with { Value = R(r.Value) },
            IfNode i => i with { Condition = R(i.Condition), Then = B(i.Then), Else = B(i.Else) },
            LoopNode l => l with
            {
                Init = l.Init is null ? null : RewriteNode(l.Init, rewrite),
                Condition = R(l.Condition),
                Step = l.Step is null ? null : RewriteNode(l.Step, rewrite),
                Body = B(l.Body),
                Trips = l.Trips is null ? null : R(l.Trips),
            },
            _ => node,
        };
    }

    /// <summary><paramref name="code"/> with each subtree <paramref name="rewrite"/> replaces (outermost first) replaced.</summary>
    public static Code RewriteCode(Code code, Func<Code, Code?> rewrite) =>
        rewrite(code) ?? code.With(code.Parts.Select(p => RewriteCode(p, rewrite)).ToList());

    /// <summary>
    /// The block with every loop in it (nested ones first, inside branches too) replaced by what
    /// <paramref name="rewrite"/> writes for it into the output block: the loop passes' walk.
    /// </summary>
    public static Block RewriteLoops(Block block, Action<LoopNode, Block> rewrite)
    {
        var result = new Block();
        foreach (var node in block)
        {
            switch (node)
            {
                case LoopNode loop:
                    rewrite(loop with { Body = RewriteLoops(loop.Body, rewrite) }, result);
                    break;
                case IfNode branch:
                    result.Add(branch with { Then = RewriteLoops(branch.Then, rewrite), Else = RewriteLoops(branch.Else, rewrite) });
                    break;
                default:
                    result.Add(node);
                    break;
            }
        }

        return result;
    }
}
