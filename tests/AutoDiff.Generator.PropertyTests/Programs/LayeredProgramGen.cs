using CsCheck;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>The layered-buffer family: a network's forward pass over points in one buffer (see <see cref="LayeredLoop"/>).</summary>
internal static partial class ProgramGen
{
    private static Gen<RandomFunction> LayeredFunction()
    {
        // Mostly real widths; one in three is 0 or -1, which makes the next layer's outputs start at or below the last
        // layer's (its loop over units runs no iteration).
        var width = Gen.Frequency((1, Gen.Const(-1)), (1, Gen.Const(0)), (4, Gen.Int[1, 3]));
        var sizes = Gen.Select(Gen.Int[1, 3], width.Array[1, 3], (inputs, layers) => (int[])[inputs, .. layers]);
        var shape = Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 3], Gen.Frequency((3, true), (1, false)), (onStack, unitsFromSizes, points, clear) => (onStack, unitsFromSizes, points, clear));
        var layered = Gen.Select(
            sizes,
            shape,
            Gen.Frequency((3, true), (1, false)),
            Gen.Select(Gen.Enum<LayerWeights>(), Gen.Enum<LayerStride>(), (weights, stride) => (weights, stride)),
            Gen.Enum<LayerActivation>(),
            Gen.Enum<LayerLoss>(),
            Expression(2, conditionals: true),
            (widths, s, activeInputs, layout, activation, loss, input) => (Stmt)new LayeredLoop(
                widths, s.onStack, s.unitsFromSizes, s.points, s.clear, activeInputs, layout.weights, layout.stride, activation, loss, input));

        return ReadingAccumulator(layered);
    }

    /// <summary>
    /// A function around one loop statement that declares an accumulator: an optional local before it, and a result that
    /// always reads the accumulator (declared after the parameters and that local), so the loop is never dead code.
    /// </summary>
    private static Gen<RandomFunction> ReadingAccumulator(Gen<Stmt> loop) => Gen.Select(
        Gen.Int[1, 3],
        Expression(2, conditionals: true).Select(e => (Stmt)new Declare(e)).Array[0, 1],
        loop,
        Expression(MaxDepth - 1, conditionals: true),
        PointGen(1).Array[2],
        (scalars, head, statement, result, points) => new RandomFunction(
            scalars, true, [.. head, statement], new BinaryCall(BinaryOp.Add, new Variable(scalars + head.Length), result), points));
}
