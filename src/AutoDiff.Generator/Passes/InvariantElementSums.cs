using System;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Sums an adjoint element that a loop adds into at an index the loop does not change in a local, and adds the
/// local into the element once after the loop: <c>_dx[i] += _dq[j] * l[k];</c> inside a loop over j becomes
/// <c>_s += _dq[j] * l[k];</c>, then <c>_dx[i] += _s;</c>. Through memory, each iteration would load the element
/// its predecessor just stored (a store-to-load chain of several cycles per iteration); in a register the chain is
/// one addition. The sum is reassociated, which moves the result by rounding only. A loop that adds nothing (or
/// runs no iteration) leaves the element alone, so an index that is out of range only when the loop does not run
/// still is never read.
/// </summary>
internal static class InvariantElementSums
{
    /// <summary>The block with every such element sum moved into a local.</summary>
    /// <param name="block">A sweep of generated code.</param>
    /// <param name="doubleArrays">The adjoint spans whose elements are doubles (a float's sum stays in floats).</param>
    /// <param name="fresh">Reserves a name no other local of the body uses.</param>
    public static Block Hoist(Block block, IReadOnlyCollection<string> doubleArrays, Func<string, string> fresh)
        => NodeWalk.RewriteLoops(block, (loop, output) => HoistFromLoop(loop, doubleArrays, fresh, output));

    private static void HoistFromLoop(LoopNode loop, IReadOnlyCollection<string> doubleArrays, Func<string, string> fresh, Block output)
    {
        if (loop.Body.Any(n => n is VerbatimNode))
        {
            output.Add(loop);
            return;
        }

        var written = new HashSet<string>(NodeWalk.Changed(loop));
        var mentions = loop.Names.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var before = new Block();
        var after = new Block();
        var body = new Block();
        foreach (var node in loop.Body)
        {
            if (node is AccumulateNode { Adjoint: { Form: Code.Shape.Index } element } accumulate
                && element.Parts[0].Text is var array
                && doubleArrays.Contains(array)
                && mentions[array] == 1
                && !element.Parts[1].HasEffect
                && !element.Parts[1].Names.Any(written.Contains))
            {
                var sum = fresh("_sum");
                before.Declare("double", sum, Code.Number(0, NumKind.Double));
                body.Accumulate(Code.Atom(sum), accumulate.Contribution);
                after.Add(new IfNode(
                    Code.Binary(Code.Atom(sum), "!=", Code.Number(0, NumKind.Int), Code.Equality),
                    new Block([new AccumulateNode(element, Code.Atom(sum))]),
                    new Block(),
                    sum));
            }
            else
            {
                body.Add(node);
            }
        }

        output.Add(before);
        output.Add(loop with { Body = body });
        output.Add(after);
    }
}
