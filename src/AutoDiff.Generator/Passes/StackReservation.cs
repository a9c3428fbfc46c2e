using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Lowering;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Reserves room on the stacks before a counted loop, so that the pushes inside need no capacity check. A capacity
/// check calls out when the stack is full; a loop holding a call, however rarely taken, keeps its floating-point
/// values in memory rather than registers (every vector register is caller-saved), and that costs more than the
/// push. The reservation is a count of the push nodes the lowering wrote, so it cannot disagree with them.
/// </summary>
internal static class StackReservation
{
    /// <summary>Reservations larger than this are not worth the memory they could waste; such loops push with checks.</summary>
    private const long LargestReservation = 1 << 20;

    /// <summary>At most this many pushes, on each stack.</summary>
    private readonly record struct PushCount(long Values, long Ints)
    {
        public static PushCount operator +(PushCount a, PushCount b) => new(a.Values + b.Values, a.Ints + b.Ints);

        public PushCount Times(long trips) => new(trips * Values, trips * Ints);

        public bool IsZero => Values == 0 && Ints == 0;

        public long this[Stack stack] => stack == Stack.Values ? Values : Ints;
    }

    /// <summary>The primal sweep with a reservation before each outermost counted loop whose pushes can be counted.</summary>
    public static Block Reserve(Block forward)
    {
        var result = new Block();
        foreach (var node in forward)
        {
            switch (node)
            {
                case LoopNode { WithAdjoint: true } loop:
                    // Each iteration pops what it pushed: room for one iteration, reserved at its start.
                    result.Add(loop with { Body = ReserveIteration(loop.Body) });
                    break;
                case LoopNode { Trips: { } trips } loop when Count(loop.Body) is { IsZero: false } perIteration
                                                            && perIteration.Values <= LargestReservation && perIteration.Ints <= LargestReservation:
                    foreach (var stack in new[] { Stack.Values, Stack.Ints })
                    {
                        if (perIteration[stack] > 0)
                        {
                            var total = loop.ConstantTrips is { } constant
                                ? Code.Number(constant * perIteration[stack], NumKind.Int)
                                : Code.Mul(trips, Code.Number(perIteration[stack], NumKind.Int));
                            result.Add(new ReserveNode(stack, total));
                        }
                    }

                    result.Add(loop with { Body = MarkReserved(loop.Body) });
                    break;
                case LoopNode loop:
                    result.Add(loop with { Body = Reserve(loop.Body) });
                    break;
                case IfNode branch:
                    result.Add(branch with { Then = Reserve(branch.Then), Else = Reserve(branch.Else) });
                    break;
                default:
                    result.Add(node);
                    break;
            }
        }

        return result;
    }

    /// <summary>A body that pops what it pushes: one reservation in front when its pushes can be counted, else those of its loops.</summary>
    private static Block ReserveIteration(Block body)
    {
        if (Count(body) is not { IsZero: false } pushes || pushes.Values > LargestReservation || pushes.Ints > LargestReservation)
        {
            return Reserve(body);
        }

        var result = new Block();
        foreach (var stack in new[] { Stack.Values, Stack.Ints })
        {
            if (pushes[stack] > 0)
            {
                result.Add(new ReserveNode(stack, Code.Number(pushes[stack], NumKind.Int)));
            }
        }

        result.Add(MarkReserved(body));
        return result;
    }

    /// <summary>True when some statement of <paramref name="block"/> pushes on <paramref name="stack"/>.</summary>
    public static bool Pushes(Block block, Stack stack) => block.Any(node => node switch
    {
        PushNode push => push.Stack == stack,
        RecordAllNode record => record.Stack == stack,
        IfNode branch => Pushes(branch.Then, stack) || Pushes(branch.Else, stack),
        LoopNode loop => Pushes(loop.Body, stack),
        _ => false,
    });

    /// <summary>An upper bound on the pushes one run of <paramref name="block"/> makes; null when a loop inside has no fixed trip count.</summary>
    private static PushCount? Count(Block block)
    {
        var total = new PushCount(0, 0);
        foreach (var node in block)
        {
            PushCount? count = node switch
            {
                PushNode { Stack: Stack.Values } => new PushCount(1, 0),
                PushNode => new PushCount(0, 1),
                RecordAllNode => null, // a buffer's length: known only at run time, and the record grows the stack itself
                IfNode branch => Count(branch.Then) + Count(branch.Else),
                LoopNode loop => Count(loop.Body) is { } body
                    ? body.IsZero ? body : loop.ConstantTrips is { } trips ? body.Times(trips) : null
                    : null,
                _ => new PushCount(0, 0),
            };
            if (count is null)
            {
                return null;
            }

            total += count.Value;
        }

        return total;
    }

    private static Block MarkReserved(Block block) => new(block.Select(node => node switch
    {
        PushNode push => push with { Reserved = true },
        IfNode branch => branch with { Then = MarkReserved(branch.Then), Else = MarkReserved(branch.Else) },
        LoopNode loop => loop with { Body = MarkReserved(loop.Body) },
        _ => node,
    }));
}
