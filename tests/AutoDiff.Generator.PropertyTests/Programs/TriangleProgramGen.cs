using CsCheck;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>The packed-triangle family: triangular products read at a stepped int counter (see <see cref="TriangleLoop"/>).</summary>
internal static partial class ProgramGen
{
    private static Gen<RandomFunction> TriangleFunction()
    {
        var layout = Gen.Select(Gen.Int[2, 4], Gen.Int[0, 3], Gen.Enum<TriangleShape>(), Gen.Enum<CounterStep>(), (dimension, components, shape, step) => (dimension, components, shape, step));
        var triangle = Gen.Select(
            layout,
            Gen.Bool,
            Gen.Bool,
            Gen.Frequency((3, true), (1, false)),
            Expression(2, conditionals: true),
            Expression(2, conditionals: true),
            (shape, perComponent, inPlace, fromSpan, fill, read) => (Stmt)new TriangleLoop(
                shape.dimension, shape.components, shape.shape, shape.step, perComponent, inPlace, fromSpan, fill, read));

        return ReadingAccumulator(triangle);
    }
}
