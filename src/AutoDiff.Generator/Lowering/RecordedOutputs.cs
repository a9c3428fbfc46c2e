using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Inside loops, the outputs of exp, tanh and cbrt calls whose derivative needs them are pushed on the value stack
/// by the primal sweep and popped by the adjoint sweep: <c>total += Math.Exp(mains[k] - top)</c> then costs one
/// exponential per iteration, not two. (sqrt is a single instruction, cheaper to compute again than to record.)
/// </summary>
internal sealed partial class AdjointWriter
{
    /// <summary>
    /// Writes the primal sweep's recording of the calls in <paramref name="value"/> worth recording; returns the map
    /// that renders the statement in terms of them, and the calls in the order they were pushed.
    /// </summary>
    private (Dictionary<Expr, Code>? Rendering, List<MathCallExpr> Calls) RecordOutputs(Expr value, bool storedReadBack, Context context, Block forward)
    {
        if (context.Depth == 0)
        {
            return (null, new List<MathCallExpr>());
        }

        var calls = RecordedCalls(value, storedReadBack);
        var rendering = new Dictionary<Expr, Code>();
        foreach (var call in calls)
        {
            var output = Temp("_t", call.Kind, ExpressionRenderer.Render(call, rendering), forward);
            forward.Add(Push(Stack.Values, output));
            rendering[call] = output;
        }

        return (calls.Count == 0 ? null : rendering, calls);
    }

    /// <summary>
    /// The calls whose outputs a loop statement storing <paramref name="value"/> records, each once: the active
    /// exp/tanh/cbrt calls the derivative reads (not inside a conditional arm, which may not run), and the value
    /// itself unless the target keeps it (<paramref name="storedReadBack"/>). Stack reservations count these too.
    /// </summary>
    private List<MathCallExpr> RecordedCalls(Expr value, bool storedReadBack)
    {
        IEnumerable<MathCallExpr> candidates = OutputCallsInside(value);
        if (!storedReadBack && value is MathCallExpr call && Activity.DerivativeReadsOutput(call) && Activity.IsActive(call, _varied))
        {
            candidates = candidates.Prepend(call);
        }

        return candidates.Where(c => !Activity.RuleOf(c).CheapToRecompute).Distinct().ToList();
    }

    /// <summary>Pops the recorded outputs (last pushed first) and lets this statement's derivative read them.</summary>
    private void PopOutputs(List<MathCallExpr> calls, Block adjoint)
    {
        for (var i = calls.Count - 1; i >= 0; i--)
        {
            var call = calls[i];
            var pop = PopValue;
            _valueScopes.Peek()[call] = Temp("_t", call.Kind, call.Kind == NumKind.Double ? pop : Code.Cast(NumKind.Float, pop), adjoint);
        }
    }
}
