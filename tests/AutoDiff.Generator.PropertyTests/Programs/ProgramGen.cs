using CsCheck;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>CsCheck generators of random differentiable functions (composed from CsCheck primitives, so they shrink).</summary>
internal static partial class ProgramGen
{
    private const int MaxDepth = 4;

    private static readonly double[] Constants = [0.5, 1.5, 2.0, 3.0, 0.25, 1.0, -1.25, -0.75];

    /// <summary>
    /// Points on a 0.001 grid in [-2, 2], each coordinate shifted by its own irrational offset (π·10⁻⁴·k for scalar k,
    /// e·10⁻⁴·k for span element k). Raw doubles shrink to 0 and to 1e-300-sized values, which put inputs exactly on
    /// ties (max(a, b) with a = b, where AD returns a subgradient and differences the true slope) or put kinks far
    /// closer together than any finite-difference step can resolve.
    /// </summary>
    private static Gen<Point> PointGen(int minSpan) => Gen.Select(
        Gen.Int[-2000, 2000].Array[3],
        Gen.Int[-2000, 2000].Array[minSpan, 4],
        (scalars, span) => new Point(
            [.. scalars.Select((n, k) => n / 1000.0 + Math.PI * 1e-4 * (k + 1))],
            [.. span.Select((n, k) => n / 1000.0 + Math.E * 1e-4 * (k + 1))]));

    public static Gen<RandomFunction> Function(Features features)
    {
        switch (features)
        {
            case Features.ScratchBuffers:
                return ScratchFunction();
            case Features.LayeredBuffers:
                return LayeredFunction();
            case Features.DifferentiableCalls:
                return CallingFunction();
            case Features.PackedTriangles:
                return TriangleFunction();
            case var _ when features.HasIntLocals():
                return IntFunction(features);
        }

        var conditionals = features != Features.StraightLine;
        var expression = Expression(MaxDepth, conditionals);
        var statement = Statement(features, Expression(MaxDepth - 1, conditionals));
        return Gen.Select(
            Gen.Int[1, 3],
            statement.Array[0, 6],
            expression,
            PointGen(0).Array[2],
            (scalars, body, result, points) => new RandomFunction(
                scalars,
                features == Features.SpanLoops,
                features == Features.TapeFallback ? [new ForceTape(), .. body] : body,
                result,
                points));
    }

    /// <summary>A batch of functions compiled together (one compilation per batch keeps the suite fast).</summary>
    public static Gen<RandomFunction[]> Batch(Features features, int size) => Function(features).Array[size];

    /// <summary>
    /// A random expression tree; with <paramref name="ints"/>, its leaves also read span elements at int positions, plain
    /// helpers of ints, and ints; with <paramref name="calls"/>, its nodes also call the function's [Differentiable] methods.
    /// </summary>
    private static Gen<Expr> Expression(int depth, bool conditionals, Gen<IntExpr>? ints = null, bool calls = false)
    {
        var leaves = new List<(int, IGen<Expr>)>
        {
            (6, Gen.Int[0, 5].Select(i => (Expr)new Variable(i))),
            (2, Gen.OneOf(Constants).Select(c => (Expr)new Constant(c))),
            (3, Gen.Int[0, 5].Select(i => (Expr)new SpanElement(i))),
            (1, Gen.Const((Expr)new LoopIndex())),
        };
        if (ints is not null)
        {
            leaves.Add((3, Gen.Select(ints, Gen.Int[0, 5], (position, fallback) => (Expr)new ElementAt(position, fallback))));
            leaves.Add((3, Gen.Select(Gen.Bool, ints, ints, (mix, a, b) => (Expr)new HelperValue(mix, a, b))));
            leaves.Add((1, ints.Select(a => (Expr)new IntAsDouble(a))));
        }

        var leaf = Gen.Frequency([.. leaves]);
        if (depth == 0)
        {
            return leaf;
        }

        var sub = Expression(depth - 1, conditionals, ints, calls);
        var options = new List<(int, IGen<Expr>)>
        {
            (3, leaf),
            (1, sub.Select(a => (Expr)new Negate(a))),
            (4, Gen.Select(Gen.Enum<Unary>(), sub, (op, a) => (Expr)new UnaryCall(op, a))),
            (5, Gen.Select(Gen.Enum<BinaryOp>(), sub, sub, (op, a, b) => (Expr)new BinaryCall(op, a, b))),
        };
        if (conditionals)
        {
            options.Add((1, Gen.Select(Condition(sub, ints), sub, sub, (c, a, b) => (Expr)new Choice(c, a, b))));
        }

        if (ints is not null)
        {
            // A plain helper's result as a factor of an active value: the reverse sweep must see the ints it was called with.
            var helper = Gen.Select(Gen.Bool, ints, ints, (mix, a, b) => (Expr)new HelperValue(mix, a, b));
            options.Add((3, Gen.Select(helper, sub, (h, e) => (Expr)new BinaryCall(BinaryOp.Multiply, h, e))));
        }

        if (calls)
        {
            options.Add((3, Gen.Select(Gen.Int[0, 2], sub, sub, (callee, a, b) => (Expr)new CalleeCall(callee, a, b))));
        }

        return Gen.Frequency([.. options]);
    }

    /// <summary>A branch condition; with <paramref name="ints"/>, also a flag (or its negation) and an int parity test.</summary>
    private static Gen<Condition> Condition(Gen<Expr> operand, Gen<IntExpr>? ints = null)
    {
        var compare = Gen.Select(Gen.Bool, operand, Gen.Int[0, 5], (less, left, right) => new Compare(less, left, right));
        var options = new List<(int, IGen<Condition>)>
        {
            (4, compare.Select(c => (Condition)c)),
            (1, Gen.Select(Gen.Int[0, 3], operand, Gen.Int[0, 5], (bound, other, variable) => (Condition)new LengthAbove(bound, other, variable))),
        };
        if (ints is not null)
        {
            options.Add((2, Gen.Select(Gen.Int[0, 3], Gen.Bool, compare, (flag, negated, otherwise) => (Condition)new FlagIs(flag, negated, otherwise))));
            options.Add((1, ints.Select(a => (Condition)new IntIsEven(a))));
        }

        return Gen.Frequency([.. options]);
    }

    private static Gen<Stmt> Statement(Features features, Gen<Expr> expression)
    {
        var assign = Gen.Select(Gen.Int[0, 5], Gen.Enum<AssignOp>(), expression, (target, op, value) => new Assign(target, op, value));
        var options = new List<(int, IGen<Stmt>)>
        {
            (3, expression.Select(e => (Stmt)new Declare(e))),
            (3, assign.Select(a => (Stmt)a)),
        };
        if (features != Features.StraightLine)
        {
            var condition = Condition(expression);
            options.Add((2, Gen.Select(condition, assign.Array[1, 2], assign.Array[0, 2], (c, t, e) => (Stmt)new Branch(c, t, e))));
            options.Add((1, Gen.Select(condition, expression, (c, e) => (Stmt)new EarlyReturn(c, e))));
        }

        if (features == Features.SpanLoops)
        {
            options.Add((3, Gen.Select(Gen.Enum<LoopForm>(), expression, expression, (form, init, body) => (Stmt)new Loop(form, init, body))));
        }

        return Gen.Frequency([.. options]);
    }
}
