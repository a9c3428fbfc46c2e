using CsCheck;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>The int-and-loop families: int locals, plain helpers, while/do loops with jumps, nested and reused-index loops, flags.</summary>
internal static partial class ProgramGen
{
    private static Gen<RandomFunction> IntFunction(Features features)
    {
        // Shallower trees than the other families: loops multiply the work per statement, and the shape of the control
        // flow and the ints, not the size of the arithmetic, is what these families test.
        var ints = IntExpression(2);
        var leafInts = IntExpression(1);
        var expression = Expression(MaxDepth - 2, conditionals: true, leafInts);
        var condition = Condition(Expression(1, conditionals: false, leafInts), leafInts);

        // What statements add or assign is squashed by tanh: nested loops run a body up to 16 times, and an update such
        // as a = Pow(1 + a*a, sin b) squares a each time, until values of 1e16 leave finite differences nothing to measure.
        var bounded = expression.Select(e => (Expr)new UnaryCall(Unary.Tanh, e));
        var flags = features == Features.BoolFlags;

        var simple = Gen.Frequency(Weighted(
            (3, Gen.Select(Gen.Int[0, 5], Gen.Enum<AssignOp>(), bounded, (target, op, value) => (Stmt)new Assign(target, op, value))),
            (3, IntUpdate(ints, condition)),
            (flags ? 3 : 0, Gen.Select(Gen.Int[0, 3], Gen.Bool, condition, (target, toggle, value) => (Stmt)new FlagUpdate(target, toggle, value))),
            (1, leafInts.Select(value => (Stmt)new Guard(value)))));
        var jumps = features == Features.WhileLoops
            ? Gen.Frequency((3, Jump.None), (3, Jump.Continue), (2, Jump.Break), (1, Jump.Return))
            : Gen.Frequency((4, Jump.None), (1, Jump.Continue), (1, Jump.Break));
        var branch = Gen.Select(condition, simple.Array[0, 2], simple.Array[0, 2], jumps, expression, (c, then, otherwise, jump, value) => (Stmt)new IfBlock(c, then, otherwise, jump, value));

        // A jump on some paths only: a branch that may jump, then more statements, inside a branch that does not
        // (the generator sets a flag for it; see Parsing/JumpFlags.cs).
        var partialJump = Gen.Select(condition, branch, simple.Array[1, 2], simple.Array[0, 2], expression,
            (c, inner, after, otherwise, value) => (Stmt)new IfBlock(c, [inner, .. after], otherwise, Jump.None, value));
        var stepThenRead = StepThenRead(IntStepAmount(ints, condition), condition, expression, simple);
        var innerStatement = Gen.Frequency((4, simple), (3, branch), (2, stepThenRead), (1, partialJump));
        var inner = Gen.Select(
            Gen.OneOf(ForBounds.BelowOuter, ForBounds.UpToOuter, ForBounds.FromOuter, ForBounds.Full, ForBounds.Constant),
            Gen.Int[1, 4], expression, Gen.Enum<LoopForm>(), bounded, innerStatement.Array[0, 3],
            (bounds, count, init, form, update, body) => (Stmt)new ForLoop(bounds, count, init, form, update, body));
        var loopStatement = Gen.Frequency(Weighted((4, simple), (3, branch), (2, stepThenRead), (2, partialJump), (features == Features.NestedLoops ? 3 : 0, inner)));

        var topBounds = Gen.OneOf(ForBounds.Full, ForBounds.Full, ForBounds.Down, ForBounds.Constant);
        var forLoop = Gen.Select(topBounds, Gen.Int[1, 5], expression, Gen.Enum<LoopForm>(), bounded, loopStatement.Array[0, 3],
            (bounds, count, init, form, update, body) => (Stmt)new ForLoop(bounds, count, init, form, update, body));
        // Where the counter steps: 0 last in the body, 1 first in it, 2 in a while loop's condition (first for a do loop).
        var whileLoop = Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.Int[0, 5], Gen.Bool, expression, Gen.Enum<LoopForm>(), bounded, loopStatement.Array[1, 4],
            (isDo, step, bound, dataExit, init, form, update, body) => (Stmt)new WhileLoop(isDo, step >= 1, bound, dataExit, init, form, update, body, StepInCondition: step == 2));
        var loop = features == Features.WhileLoops ? Gen.Frequency((2, forLoop), (3, whileLoop)) : forLoop;

        var topReturn = Gen.Frequency((4, Jump.None), (1, Jump.Return));
        var statement = Gen.Frequency(Weighted(
            (2, expression.Select(e => (Stmt)new Declare(e))),
            (2, simple),
            (2, Gen.Select(condition, simple.Array[0, 2], simple.Array[0, 2], topReturn, expression, (c, then, otherwise, jump, value) => (Stmt)new IfBlock(c, then, otherwise, jump, value))),
            (4, loop)));
        var prelude = Gen.Select(
            ints.Select(i => (Stmt)new IntDeclare(i)).Array[1, 2],
            Gen.Int[0, 2].Select(v => (Stmt)new IntDeclare(new IntConstant(v), Private: true)).Array[0, 1],
            condition.Select(c => (Stmt)new FlagDeclare(c)).Array[flags ? 1 : 0, flags ? 2 : 0],
            expression.Select(e => (Stmt)new Declare(e)).Array[0, 1],
            (a, p, b, c) => (Stmt[])[.. a, .. p, .. b, .. c]);

        // Each family opens with the loops it is about, then random statements.
        var nesting = Gen.Select(topBounds, Gen.Int[1, 5], expression, Gen.Enum<LoopForm>(), bounded, inner, loopStatement.Array[0, 2],
            (bounds, count, init, form, update, first, rest) => (Stmt)new ForLoop(bounds, count, init, form, update, [first, .. rest]));
        var loops = features switch
        {
            Features.NestedLoops => nesting.Array[1, 2],
            Features.ReusedIndices => forLoop.Array[2],
            Features.WhileLoops => whileLoop.Array[1, 2],
            _ => loop.Array[1, 2],
        };
        return Gen.Select(
            Gen.Int[1, 3],
            prelude,
            loops,
            statement.Array[0, 3],
            Expression(MaxDepth - 1, conditionals: true, leafInts),
            PointGen(1).Array[2],
            (scalars, head, main, tail, result, points) => new RandomFunction(scalars, true, [.. head, .. main, .. tail], result, points, Helpers: true));
    }

    /// <summary>Int expressions up to <paramref name="depth"/>: every form is ≥ 0 when every int in scope is (see <see cref="IntExpr"/>).</summary>
    private static Gen<IntExpr> IntExpression(int depth)
    {
        var leaf = Gen.Frequency(
            (3, Gen.Int[0, 3].Select(v => (IntExpr)new IntConstant(v))),
            (6, Gen.Int[0, 7].Select(i => (IntExpr)new IntVariable(i))));
        if (depth == 0)
        {
            return leaf;
        }

        var sub = IntExpression(depth - 1);
        return Gen.Frequency(
            (4, leaf),
            (2, Gen.Select(sub, sub, (a, b) => (IntExpr)new IntSum(a, b))),
            (2, Gen.Select(sub, Gen.Int[2, 5], (a, m) => (IntExpr)new IntRemainder(a, m))),
            (2, Gen.Select(IntCondition(sub), sub, sub, (c, a, b) => (IntExpr)new IntChoice(c, a, b))),
            (2, Gen.Select(Gen.Bool, sub, Gen.Int[2, 5], (wrap, a, m) => (IntExpr)new IntHelperCall(wrap, a, m))));
    }

    /// <summary>What an int <c>?:</c> tests: a span element (at an int position) against a parameter, a flag, or a parity.</summary>
    private static Gen<Condition> IntCondition(Gen<IntExpr> ints)
    {
        var data = Gen.Frequency(
            (2, Gen.Int[0, 5].Select(i => (Expr)new SpanElement(i))),
            (2, Gen.Select(ints, Gen.Int[0, 5], (position, fallback) => (Expr)new ElementAt(position, fallback))),
            (1, Gen.Int[0, 5].Select(i => (Expr)new Variable(i))));
        var compare = Gen.Select(Gen.Bool, data, Gen.Int[0, 5], (less, left, right) => new Compare(less, left, right));
        return Gen.Frequency(
            (4, compare.Select(c => (Condition)c)),
            (1, Gen.Select(Gen.Int[0, 3], Gen.Bool, compare, (flag, negated, otherwise) => (Condition)new FlagIs(flag, negated, otherwise))),
            (1, ints.Select(a => (Condition)new IntIsEven(a))));
    }

    /// <summary>
    /// <c>if (c) { p += a; t += w[p % w.Length] * tanh(e); } else { … }</c> in a loop, on a private int p that nothing else
    /// reads (when the function declares one): stepped in a branch and read only right after it, the shape whose step the
    /// reverse sweep must undo on its own; without a private int, the same on an ordinary one.
    /// </summary>
    private static Gen<Stmt> StepThenRead(Gen<IntExpr> amount, Gen<Condition> condition, Gen<Expr> expression, Gen<Stmt> simple) =>
        Gen.Select(condition, Gen.Int[0, 3], amount, Gen.Int[0, 5], expression, simple.Array[0, 1], (c, k, step, target, e, otherwise) => (Stmt)new IfBlock(
            c,
            [
                new IntUpdate(k, IntChange.Step, step, 2, 5, Private: true),
                new Assign(target, AssignOp.Add, new BinaryCall(BinaryOp.Multiply, new ElementAt(new IntLocalRef(k, Private: true), 0), new UnaryCall(Unary.Tanh, e))),
            ],
            otherwise,
            Jump.None,
            e));

    /// <summary>A bounded step: a constant, <c>e % 3</c>, a data-dependent <c>c ? 2 : 1</c>, or <c>Bump(e)</c> (at most 3).</summary>
    private static Gen<IntExpr> IntStepAmount(Gen<IntExpr> ints, Gen<Condition> condition) => Gen.Frequency(
        (3, Gen.Int[1, 3].Select(v => (IntExpr)new IntConstant(v))),
        (2, ints.Select(a => (IntExpr)new IntRemainder(a, 3))),
        (2, Gen.Select(condition, Gen.Int[1, 3], Gen.Int[1, 3], (c, a, b) => (IntExpr)new IntChoice(c, new IntConstant(a), new IntConstant(b)))),
        (1, ints.Select(a => (IntExpr)new IntHelperCall(false, a, 3))));

    /// <summary>A change of an int local: a step by a bounded amount, a scaling modulo a bound, or a reassignment modulo a bound.</summary>
    private static Gen<Stmt> IntUpdate(Gen<IntExpr> ints, Gen<Condition> condition)
    {
        var small = IntStepAmount(ints, condition);
        return Gen.Select(Gen.Int[0, 3], Gen.Frequency((4, IntChange.Step), (2, IntChange.Scale), (2, IntChange.Set)), small, ints, Gen.Int[2, 3], Gen.Int[3, 7],
            (target, change, step, value, factor, modulus) => (Stmt)new IntUpdate(target, change, change == IntChange.Step ? step : value, factor, modulus));
    }

    /// <summary>Frequency options with zero-weight ones left out (CsCheck rejects a zero weight).</summary>
    private static (int, IGen<T>)[] Weighted<T>(params (int Weight, IGen<T> Gen)[] options) =>
        [.. options.Where(o => o.Weight > 0)];
}
