using CsCheck;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>The calls family: span-loop programs that call [Differentiable] methods of their class (see <see cref="Callee"/>).</summary>
internal static partial class ProgramGen
{
    private static Gen<RandomFunction> CallingFunction()
    {
        // A callee's body is a span-loop program of its own (a loop statement becomes a declaration when it has no span).
        var callee = Gen.Select(
            Gen.Int[1, 2],
            Gen.Bool,
            Statement(Features.SpanLoops, Expression(2, conditionals: true)).Array[0, 3],
            Expression(3, conditionals: true),
            (arity, span, body, result) => new Callee(arity, span, body, result));

        // The caller's statements call them anywhere an expression stands: in declarations, branches, loop bodies (where
        // the arguments change from iteration to iteration) and early returns; its result always calls the first.
        var expression = Expression(MaxDepth - 1, conditionals: true, calls: true);
        return Gen.Select(
            Gen.Int[1, 3],
            callee.Array[1, 3],
            Statement(Features.SpanLoops, expression).Array[1, 5],
            Gen.Select(expression, expression, (a, b) => (Expr)new CalleeCall(0, a, b)),
            PointGen(1).Array[2],
            (scalars, callees, body, result, points) => new RandomFunction(scalars, true, body, result, points, Callees: callees));
    }
}
