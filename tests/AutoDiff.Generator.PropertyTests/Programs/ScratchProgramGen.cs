using CsCheck;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>The scratch-buffer family: loops that work in local buffers declared before them (see <see cref="ScratchLoop"/>).</summary>
internal static partial class ProgramGen
{
    private static Gen<RandomFunction> ScratchFunction()
    {
        // Shallow trees: a step's expression runs once per element per iteration, and the buffers' shapes are the point.
        var expression = Expression(2, conditionals: true);
        var step = Gen.Frequency(
            (3, Gen.Select(Gen.Int[0, 1], expression, Gen.Int[-1, 1], (target, value, other) => (BufferStep)new Fill(target, value, other))),
            (2, Gen.Select(Gen.Int[0, 1], expression, (target, value) => (BufferStep)new Recur(target, value))),
            (2, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], expression, (target, source, value) => (BufferStep)new Triangle(target, source, value))),
            (1, Gen.Select(Gen.Int[0, 1], expression, (target, value) => (BufferStep)new Scale(target, value))),
            (1, Gen.Select(Gen.Int[0, 1], expression, (target, value) => (BufferStep)new Poke(target, value))),
            (3, Gen.Select(Gen.Int[0, 1], expression, Gen.Bool, (source, value, recurrence) => (BufferStep)new Accumulate(source, value, recurrence))));

        // Most loops open by overwriting each buffer whole, the shape a slice per iteration serves; the rest put the
        // first fill later (the first iteration then reads the zeros the buffer started with, later ones the last
        // iteration's values).
        var fills = Gen.Select(expression, expression, Gen.Int[-1, 1], (first, second, other) => new BufferStep[] { new Fill(0, first, -1), new Fill(1, second, other) });
        var reads = Gen.Select(expression, Gen.Bool, Gen.Bool, (read, first, second) => new BufferStep[] { new Accumulate(0, read, first), new Accumulate(1, read, second) });
        var steps = Gen.Select(fills, step.Array[0, 3], reads, Gen.Frequency((4, 0), (1, 1), (1, 2)),
            (opening, middle, closing, rotation) =>
            {
                BufferStep[] all = [.. opening, .. middle, .. closing];
                return (BufferStep[])[.. all[rotation..], .. all[..rotation]];
            });
        var buffer = Gen.Select(Gen.Bool, Gen.Frequency((3, 0), (1, 2), (1, 3)), (onStack, size) => new ScratchBuffer(onStack, size));
        var loop = Gen.Select(
            buffer.Array[1, 2],
            Gen.Select(Gen.Enum<ScratchTrips>(), Gen.Int[1, 3], Gen.Enum<ScratchDirection>(), (trips, count, direction) => (trips, count, direction)),
            Gen.Frequency((4, ScratchExit.None), (1, ScratchExit.Break), (1, ScratchExit.Continue)),
            Gen.Select(Gen.Frequency((3, false), (1, true)), Gen.Bool, Gen.Frequency((4, false), (1, true)), (repeated, tripsAfter, readAfter) => (repeated, tripsAfter, readAfter)),
            expression,
            steps,
            (buffers, bounds, exit, flags, init, body) => (Stmt)new ScratchLoop(
                buffers, bounds.trips, bounds.count, bounds.direction, exit, flags.repeated, flags.tripsAfter, init, body, flags.readAfter));

        var bounded = expression.Select(e => (Expr)new UnaryCall(Unary.Tanh, e));
        var simple = Gen.Select(Gen.Int[0, 5], Gen.Enum<AssignOp>(), bounded, (target, op, value) => (Stmt)new Assign(target, op, value));
        return Gen.Select(
            Gen.Int[1, 3],
            expression.Select(e => (Stmt)new Declare(e)).Array[0, 1],
            loop.Array[1, 2],
            simple.Array[0, 1],
            Expression(MaxDepth - 1, conditionals: true),
            PointGen(1).Array[2],
            (scalars, head, loops, tail, result, points) => new RandomFunction(scalars, true, [.. head, .. loops, .. tail], result, points));
    }
}
