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
    /// <summary>The innermost loop being written: the recomputations (decided by the plan) its reverse body starts with.</summary>
    private sealed record LoopScope(Block Recomputed);

    private static LoopScope OpenLoop() => new(new Block());

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
}
