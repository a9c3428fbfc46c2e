using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Transform;

/// <summary>
/// Room on the value stacks reserved before a counted loop, so that the pushes inside need no capacity check.
/// A capacity check calls out when the stack is full; a loop holding a call, however rarely taken, keeps its
/// floating-point values in memory rather than registers (every vector register is caller-saved), and that costs
/// more than the push. The generated gradient of an MLP loss ran a third faster this way.
/// </summary>
internal sealed partial class AdjointWriter
{
    private int _valuePushes;
    private int _intPushes;

    /// <summary>At most this many values pushed per loop iteration, on each stack.</summary>
    private readonly record struct PushBound(long Values, long Ints)
    {
        public static PushBound operator +(PushBound a, PushBound b) => new(a.Values + b.Values, a.Ints + b.Ints);

        public bool IsZero => Values == 0 && Ints == 0;
    }

    /// <summary>Reservations larger than this are not worth the memory they could waste; such loops push with checks.</summary>
    private const long LargestReservation = 1 << 20;

    /// <summary>
    /// An upper bound on what one run of <paramref name="body"/> pushes, counting every statement that might
    /// record something (over-counting only reserves more room); null when a loop inside has no fixed trip count.
    /// </summary>
    private PushBound? Bound(IEnumerable<Stmt> body)
    {
        var total = new PushBound(0, 0);
        foreach (var statement in body)
        {
            PushBound? bound = statement switch
            {
                DeclareStmt d => Stored(d.Name, d.Kind, d.Value, "="),
                AssignStmt a when IsConstantIntegerStep(a) => new PushBound(0, 0), // undone, not recorded
                AssignStmt a => Stored(a.Target is VarExpr v ? v.Name : ((IndexExpr)a.Target).Array, a.Target.Kind, a.Value, a.Op),
                IfStmt i => Bound(i.Then) + Bound(i.Else) + new PushBound(0, 1),
                WhileStmt w => Bound(w.Body) is { IsZero: true } ? new PushBound(0, 1) : null,
                CountedForStmt c => Repeated(c),
                _ => new PushBound(0, 0),
            };
            if (bound is null)
            {
                return null;
            }

            total += bound.Value;
        }

        return total.Values > LargestReservation || total.Ints > LargestReservation ? null : total;
    }

    /// <summary>A store records the old value when the adjoint reads it, and the outputs of exp/tanh/cbrt calls (see RecordOutputs).</summary>
    private PushBound Stored(string target, NumKind kind, Expr? value, string op)
    {
        var old = _needed.Contains(target) ? 1 : 0;
        var outputs = value is not null && kind.IsFloating()
            ? RecordedCalls(value, op == "=" && Activity.StoresReadableOutput(value, kind)).Count
            : 0;
        return kind.IsFloating() ? new PushBound(old + outputs, 0) : new PushBound(0, old);
    }

    private PushBound? Repeated(CountedForStmt loop)
    {
        if (Bound(loop.Body) is not { } perIteration)
        {
            return null;
        }

        if (perIteration.IsZero)
        {
            return perIteration;
        }

        return ConstantTrips(loop) is { } trips ? new PushBound(trips * perIteration.Values, trips * perIteration.Ints) : null;
    }

    private static long? ConstantTrips(CountedForStmt loop) =>
        loop is { Start: ConstExpr start, End: ConstExpr end }
            ? System.Math.Max(0, (long)(loop.Descending ? start.Value - end.Value : end.Value - start.Value) + (loop.Inclusive ? 1 : 0))
            : null;

    /// <summary>How many times the loop runs, as code evaluated just before it.</summary>
    private static Code Trips(CountedForStmt loop)
    {
        var (from, to) = loop.Descending ? (loop.End, loop.Start) : (loop.Start, loop.End);
        var inclusive = loop.Inclusive;
        if (inclusive && to is BinaryExpr { Op: "-", Right: ConstExpr { Value: 1 } } last)
        {
            // i = n - 1 down to 0 runs n times
            (to, inclusive) = (last.Left, false);
        }

        var span = from is ConstExpr { Value: 0 } ? ExpressionRenderer.Render(to) : Code.Sub(ExpressionRenderer.Render(to), ExpressionRenderer.Render(from));
        return inclusive ? Code.Add(span, Code.Number(1, NumKind.Int)) : span;
    }

    /// <summary>What one iteration of the loop pushes at most, when that can be reserved before it (none of its pushes then checks capacity); null otherwise.</summary>
    private PushBound? Reservation(CountedForStmt loop, Context context) =>
        !context.Reserved && Bound(loop.Body) is { IsZero: false } bound ? bound : null;

    /// <summary>Writes the reservations for a loop whose body pushed <paramref name="valuePushes"/>/<paramref name="intPushes"/> at some site.</summary>
    private void Reserve(CountedForStmt loop, PushBound bound, bool valuePushes, bool intPushes, Fragment forward)
    {
        Code Total(long perIteration) => ConstantTrips(loop) is { } trips
            ? Code.Number(trips * perIteration, NumKind.Int)
            : Code.Mul(Trips(loop), Code.Number(perIteration, NumKind.Int));
        if (valuePushes)
        {
            forward.Add("_values.Reserve(" + Total(bound.Values) + ");");
        }

        if (intPushes)
        {
            forward.Add("_ints.Reserve(" + Total(bound.Ints) + ");");
        }
    }

    /// <summary>A push onto a value stack; without a capacity check where an enclosing loop reserved room.</summary>
    private string Push(bool ints, string value, Context context)
    {
        if (ints)
        {
            _usesIntStack = true;
            _intPushes++;
        }
        else
        {
            _usesValueStack = true;
            _valuePushes++;
        }

        return (ints ? "_ints" : "_values") + (context.Reserved ? ".PushReserved(" : ".Push(") + value + ");";
    }
}
