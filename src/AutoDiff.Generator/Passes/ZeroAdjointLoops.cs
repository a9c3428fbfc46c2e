using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Skips a reverse loop whose every statement adds some product with one adjoint the loop does not change, when
/// that adjoint is exactly zero: a ReLU unit that was off, a hinge margin that was met, pass no gradient back, and a
/// hand-written backward pass skips their inner loops the same way. Nothing else in the loop may be skipped, so only
/// loops that do nothing but accumulate (and compute temporaries for that) qualify. As with the statement-level
/// skip, zero times an infinite or NaN factor then adds nothing instead of NaN.
/// </summary>
internal static class ZeroAdjointLoops
{
    /// <summary>The adjoint sweep with such loops gated.</summary>
    public static Block Skip(Block block) => Skip(block, new HashSet<string>());

    /// <summary>
    /// <paramref name="tested"/> holds the adjoints an enclosing <c>if (g != 0)</c> already tested and nothing has
    /// written since: a loop gated on one of them needs no second test of its own.
    /// </summary>
    private static Block Skip(Block block, HashSet<string> tested)
    {
        tested = new HashSet<string>(tested);
        var result = new Block();
        for (var i = 0; i < block.Count; i++)
        {
            result.Add(block[i] switch
            {
                LoopNode loop when Gate(loop.Body) is { } gradient && !tested.Contains(gradient) && !KnownNonZero(gradient, block, i) => new IfNode(
                    NonZero(gradient),
                    new Block([loop with { Body = Skip(loop.Body, Unchanged(tested, loop)) }]),
                    new Block(),
                    gradient),
                LoopNode loop => loop with { Body = Skip(loop.Body, Unchanged(tested, loop)) },
                IfNode branch => branch with { Then = Skip(branch.Then, Tests(branch.Condition) is { } g ? new HashSet<string>(tested) { g } : tested), Else = Skip(branch.Else, tested) },
                var node => node,
            });
            tested.ExceptWith(NodeWalk.Writes(block[i], elements: false));
        }

        return result;
    }

    // What a loop's body may assume at the start of every iteration, not only the first.
    private static HashSet<string> Unchanged(HashSet<string> tested, LoopNode loop)
    {
        var unchanged = new HashSet<string>(tested);
        unchanged.ExceptWith(NodeWalk.Writes(loop, elements: false));
        return unchanged;
    }

    private static Code NonZero(string gradient) => Code.Binary(Code.Atom(gradient), "!=", Code.Number(0, NumKind.Int), Code.Equality);

    /// <summary>The adjoint <paramref name="condition"/> tests for nonzero when it is exactly <c>g != 0</c>, else null.</summary>
    private static string? Tests(Code condition) =>
        condition.Form == Code.Shape.Binary && condition.Op == "!=" && condition.Parts[0].Form == Code.Shape.Name
        && condition.SameAs(NonZero(condition.Parts[0].Op)) ? condition.Parts[0].Op : null;

    /// <summary>
    /// True when everything written to <paramref name="gradient"/> before the loop at <paramref name="index"/> in
    /// its block is a nonzero literal (the seed 1 of a gradient): testing it would be noise.
    /// </summary>
    private static bool KnownNonZero(string gradient, Block block, int index)
    {
        var written = false;
        for (var i = 0; i < index; i++)
        {
            if (!block[i].Names.Contains(gradient))
            {
                continue;
            }

            var value = block[i] switch
            {
                AccumulateNode a when a.Adjoint.SameAs(Code.Atom(gradient)) => a.Contribution,
                DeclareNode d when d.Name == gradient => d.Value,
                _ => null,
            };
            if (value is null || !value.IsNonZeroLiteral)
            {
                return false;
            }

            written = true;
        }

        return written;
    }

    /// <summary>The adjoint every accumulation of <paramref name="body"/> is a multiple of, when the body only accumulates; else null.</summary>
    private static string? Gate(Block body)
    {
        var accumulations = new List<AccumulateNode>();
        var written = new HashSet<string>();
        if (!OnlyAccumulates(body, accumulations, written) || accumulations.Count == 0)
        {
            return null;
        }

        var candidates = accumulations[0].Contribution.Names.Distinct()
            .Where(name => !written.Contains(name) && accumulations.All(a => a.Contribution.HasFactor(name)));
        return candidates.FirstOrDefault();
    }

    private static bool OnlyAccumulates(Block body, List<AccumulateNode> accumulations, HashSet<string> written)
    {
        foreach (var node in body)
        {
            switch (node)
            {
                case CommentNode:
                    break;
                case AccumulateNode accumulate when !accumulate.Contribution.HasEffect:
                    accumulations.Add(accumulate);
                    written.UnionWith(accumulate.Adjoint.Names.Take(1));
                    break;
                case DeclareNode declare when !declare.Value.HasEffect:
                    // A temporary for the products below; declared, so it is gone after the loop. One that pops a
                    // recorded value is not: skipping the pop would hand its value to the statements before.
                    written.Add(declare.Name);
                    break;
                case LoopNode { Form: LoopForm.For } loop when loop.Init is DeclareNode index:
                    written.Add(index.Name);
                    if (!OnlyAccumulates(loop.Body, accumulations, written))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
