using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Loop-body locals the reverse sweep recomputes instead of recording: <c>double x = data[3 * p];</c> or
/// <c>int o = 3 * j;</c> read only loop indices and values nothing writes, so each reverse iteration can compute
/// them again, before its first statement, for less than a push and a pop cost.
/// </summary>
internal sealed partial class AdjointWriter
{
    private Dictionary<string, int>? _writes;

    /// <summary>The innermost loop being written: the recomputations its reverse body starts with, and what they may read.</summary>
    private sealed record LoopScope(Block Recomputed, HashSet<string> Readable, bool Exits);

    /// <summary>Starts a loop body: it may recompute from what the enclosing loops recompute, and from names nothing writes (parameters, counted-loop indices).</summary>
    private static LoopScope OpenLoop(Context context, EquatableArray<Stmt> body)
    {
        // An iteration that leaves early would recompute values its forward run never reached (maybe out of range).
        var exits = Normalizer.Walk(body, intoLoops: false).Any(s => s is BreakStmt or ContinueStmt);
        return new LoopScope(new Block(), new HashSet<string>(context.Loop?.Readable ?? []), exits);
    }

    /// <summary>Puts the loop's recomputations in front of its reverse body.</summary>
    private static Block StartWithRecomputed(LoopScope scope, Block bodyReverse)
    {
        if (scope.Recomputed.IsEmpty || bodyReverse.IsEmpty)
        {
            return bodyReverse;
        }

        var start = new Block();
        start.Add(scope.Recomputed);
        start.Add(bodyReverse);
        return start;
    }

    /// <summary>
    /// True when <paramref name="declare"/>, directly in a loop body, is the only write of its local and its value
    /// is a cheap expression of loop indices, never-written names and locals recomputed before it: the reverse
    /// iteration then recomputes it (registered here) rather than restoring it from the stack.
    /// </summary>
    private bool TryRecompute(DeclareStmt declare, Context context)
    {
        if (context.Loop is not { Exits: false } loop
            || !context.Frames[context.Frames.Count - 1].LoopBody
            || declare.Value is not { } value
            || Writes[declare.Name] != 1
            || !IsCheap(value)
            || !Activity.Names(value).All(n => loop.Readable.Contains(n) || !Writes.ContainsKey(n)))
        {
            return false;
        }

        loop.Recomputed.Assign(Code.Atom(declare.Name), "=", ExpressionRenderer.Render(value));
        loop.Readable.Add(declare.Name);
        return true;
    }

    /// <summary>Arithmetic and element reads of at most a few operations; calls cost more than the push they would save.</summary>
    private static bool IsCheap(Expr value) =>
        Size(value) <= 7 && !Walk(value).Any(e => e is MathCallExpr or DifferentiableCallExpr or PlainCallExpr or ConditionalExpr or OpaqueExpr);

    private static IEnumerable<Expr> Walk(Expr expression) => Children(expression).SelectMany(Walk).Prepend(expression);

    /// <summary>How many statements write each local, buffer or parameter (loop indices count none).</summary>
    private Dictionary<string, int> Writes => _writes ??= CountWrites();

    private Dictionary<string, int> CountWrites()
    {
        var writes = new Dictionary<string, int>();
        foreach (var statement in Normalizer.Walk(_body))
        {
            var name = statement switch
            {
                DeclareStmt d => d.Name,
                BufferStmt b => b.Name,
                AssignStmt { Target: VarExpr v } => v.Name,
                AssignStmt { Target: IndexExpr i } => i.Array,
                _ => null,
            };
            if (name is not null)
            {
                writes.TryGetValue(name, out var count);
                writes[name] = count + 1;
            }
        }

        return writes;
    }
}
