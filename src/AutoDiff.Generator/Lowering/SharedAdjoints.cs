using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Subexpressions a statement uses more than once: their adjoint contributions are summed before being pushed
/// further, so the derivative of <c>(y - x * x) * (100 * (y - x * x))</c> flows through <c>y - x * x</c> once
/// with one summed gradient, not once per use.
/// </summary>
internal sealed partial class AdjointWriter
{
    private Dictionary<Expr, int> _occurrences = new();
    private readonly Stack<List<PendingAdjoint>> _pending = new();

    /// <summary>A repeated subexpression's gradient contributions, collected until every use has contributed.</summary>
    private sealed record PendingAdjoint(Expr Expression, int Size, List<Code> Contributions);

    /// <summary>Differentiates a whole statement's expression (its temporaries scoped by <see cref="ResetScopes"/>).</summary>
    private void BackpropStatement(Expr expression, Code gradient, NumKind gradientKind, Block output)
    {
        _occurrences = new Dictionary<Expr, int>();
        CountOccurrences(expression, _occurrences);
        BackpropCollected(expression, gradient, gradientKind, output);
    }

    /// <summary>Statements whose derivative is at least this many statements long skip it when their gradient is zero.</summary>
    private const int SkippableStatements = 6;

    /// <summary>
    /// Differentiates a statement whose gradient was taken into the local <paramref name="gradient"/>; a long
    /// derivative runs only when that gradient is not zero. Every line adds the gradient times some factor, so
    /// skipping changes nothing, except that a zero gradient times an infinite or NaN factor then contributes 0
    /// rather than NaN. In a ReLU network trained on a hinge loss most points and units pass no gradient back, and
    /// this is where the sweep saves their work (a hand-written backward pass skips them the same way).
    /// </summary>
    private void BackpropUnlessZero(Expr expression, string gradient, NumKind kind, Block output)
    {
        var derivative = new Block();
        BackpropStatement(expression, Code.Atom(gradient), kind, derivative);
        if (StatementCount(derivative) < SkippableStatements)
        {
            output.Add(derivative);
            return;
        }

        output.Add(new IfNode(Code.Binary(Code.Atom(gradient), "!=", Code.Number(0, kind), Code.Equality), derivative, new Block(), gradient));
    }

    /// <summary>Simple statements in a block, counting those inside its branches.</summary>
    private static int StatementCount(Block block) => block.Sum(node => node switch
    {
        IfNode branch => StatementCount(branch.Then) + StatementCount(branch.Else),
        LoopNode loop => StatementCount(loop.Body),
        CommentNode => 0,
        _ => 1,
    });

    /// <summary>Differentiates an expression inside a branch of the adjoint (an if/else arm), with its own temporaries.</summary>
    private void BackpropInScope(Expr expression, Code gradient, NumKind gradientKind, Block output)
    {
        _valueScopes.Push(new Dictionary<Expr, Code>());
        try
        {
            BackpropCollected(expression, gradient, gradientKind, output);
        }
        finally
        {
            _valueScopes.Pop();
        }
    }

    private void BackpropCollected(Expr expression, Code gradient, NumKind gradientKind, Block output)
    {
        var pending = new List<PendingAdjoint>();
        _pending.Push(pending);
        try
        {
            Backprop(expression, gradient, gradientKind, output);

            // Only larger expressions contribute to a repeated one, so taking the largest pending first means all of
            // its contributions are in; its own derivative may add to smaller ones.
            while (pending.Count > 0)
            {
                var next = pending[0];
                foreach (var candidate in pending.Skip(1))
                {
                    if (candidate.Size > next.Size)
                    {
                        next = candidate;
                    }
                }

                pending.Remove(next);
                BackpropNode(next.Expression, Sum(next.Contributions), output);
            }
        }
        finally
        {
            _pending.Pop();
        }
    }

    /// <summary>Holds <paramref name="gradient"/> back when <paramref name="expression"/> occurs again in the statement.</summary>
    private bool Defer(Expr expression, Code gradient)
    {
        if (_pending.Count == 0 || Activity.IsLeaf(expression) || !_occurrences.TryGetValue(expression, out var count) || count < 2)
        {
            return false;
        }

        var pending = _pending.Peek();
        var entry = pending.FirstOrDefault(p => p.Expression.Equals(expression));
        if (entry is null)
        {
            entry = new PendingAdjoint(expression, ExprTree.Size(expression), new List<Code>());
            pending.Add(entry);
        }

        entry.Contributions.Add(gradient);
        return true;
    }

    private static Code Sum(List<Code> contributions)
    {
        var first = contributions[0];
        if (contributions.All(c => c.SameAs(first)))
        {
            return contributions.Count == 1 ? first : Code.Mul(Code.Number(contributions.Count, NumKind.Int), first);
        }

        var sum = first;
        foreach (var contribution in contributions.Skip(1))
        {
            sum = contribution.NegatesToSimpler ? Code.Sub(sum, Code.Neg(contribution)) : Code.Add(sum, contribution);
        }

        return sum;
    }

    /// <summary>Counts every non-leaf subexpression by value; equal subexpressions are one value computed twice.</summary>
    private static void CountOccurrences(Expr expression, Dictionary<Expr, int> counts)
    {
        if (Activity.IsLeaf(expression))
        {
            return;
        }

        counts.TryGetValue(expression, out var count);
        counts[expression] = count + 1;
        foreach (var child in ExprTree.Children(expression))
        {
            CountOccurrences(child, counts);
        }
    }


}
