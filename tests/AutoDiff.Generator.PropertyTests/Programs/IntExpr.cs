namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// A random int expression. Every int a program holds is ≥ 0 (locals start ≥ 0 and only grow by ≥ 0 steps or are
/// reduced modulo a positive constant), so every form here is ≥ 0 too, and <c>e % w.Length</c> is always a valid index
/// (the int families always have a non-empty span).
/// </summary>
internal abstract record IntExpr
{
    public abstract string Render(Scope scope, Flavor flavor);
}

internal sealed record IntConstant(int Value) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An int in scope (local, counter or loop index); 1 when there is none.</summary>
internal sealed record IntVariable(int Index) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) => scope.Int(Index) ?? "1";
}

/// <summary>An int local by the same index <see cref="IntUpdate"/> resolves its target with (so a statement can step k and then read it); 1 when there is none.</summary>
internal sealed record IntLocalRef(int Index, bool Private) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) => scope.IntLocal(Index, Private) ?? "1";
}

internal sealed record IntSum(IntExpr Left, IntExpr Right) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) => $"({Left.Render(scope, flavor)} + {Right.Render(scope, flavor)})";
}

/// <summary><c>(a % m)</c> with a constant m ≥ 2: bounded and ≥ 0.</summary>
internal sealed record IntRemainder(IntExpr Operand, int Modulus) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) => $"({Operand.Render(scope, flavor)} % {Modulus})";
}

/// <summary><c>(c ? a : b)</c>: an int chosen by a data comparison or a flag.</summary>
internal sealed record IntChoice(Condition Condition, IntExpr Then, IntExpr Else) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) =>
        $"({Condition.Render(scope, flavor)} ? {Then.Render(scope, flavor)} : {Else.Render(scope, flavor)})";
}

/// <summary>A call of a plain (not [Differentiable]) int helper of the generated class: <c>Wrap(a, n)</c> or <c>Bump(a)</c>.</summary>
internal sealed record IntHelperCall(bool Wrap, IntExpr Operand, int Modulus) : IntExpr
{
    public override string Render(Scope scope, Flavor flavor) =>
        Wrap ? $"Wrap({Operand.Render(scope.ForPlainCall(), flavor)}, {Modulus})" : $"Bump({Operand.Render(scope.ForPlainCall(), flavor)})";
}

/// <summary>The span element at an int position, <c>w[e % w.Length]</c>; a scalar variable when there is no span.</summary>
internal sealed record ElementAt(IntExpr Position, int Fallback) : Expr
{
    public override string Render(Scope scope, Flavor flavor) =>
        scope.SpanName is { } span ? $"{span}[{Position.Render(scope, flavor)} % {span}.Length]" : scope.Scalar(Fallback);
}

/// <summary>A plain double helper of ints: <c>Weight(a)</c> or <c>Mix(a, b)</c> (their results multiply active values).</summary>
internal sealed record HelperValue(bool Mix, IntExpr First, IntExpr Second) : Expr
{
    public override string Render(Scope scope, Flavor flavor) =>
        Mix ? $"Mix({First.Render(scope.ForPlainCall(), flavor)}, {Second.Render(scope.ForPlainCall(), flavor)})" : $"Weight({First.Render(scope.ForPlainCall(), flavor)})";
}

/// <summary>An int as a double factor, <c>(0.25 * k)</c>.</summary>
internal sealed record IntAsDouble(IntExpr Operand) : Expr
{
    public override string Render(Scope scope, Flavor flavor) => $"(0.25 * {Operand.Render(scope, flavor)})";
}

/// <summary>A bool flag in scope, or its negation; a data comparison when no flag is declared.</summary>
internal sealed record FlagIs(int Flag, bool Negated, Compare Otherwise) : Condition
{
    public override string Render(Scope scope, Flavor flavor) =>
        scope.Flag(Flag) is { } flag ? (Negated ? "!" : "") + flag : Otherwise.Render(scope, flavor);
}

/// <summary><c>a % 2 == 0</c>: a condition on ints only.</summary>
internal sealed record IntIsEven(IntExpr Operand) : Condition
{
    public override string Render(Scope scope, Flavor flavor) => $"{Operand.Render(scope, flavor)} % 2 == 0";
}

/// <summary>The plain helper methods the int families call; the same text in the [Differentiable] class and its tape twin.</summary>
internal static class PlainHelpers
{
    public static readonly string[] Declarations =
    [
        "static double Weight(int k) => 1.0 / (k + 1);",
        "static double Mix(int a, int b) => 0.5 + 0.25 * ((a + 2 * b) % 3);",
        "static int Wrap(int k, int n) => k % n;",
        "static int Bump(int k) => k % 3 + 1;",
    ];
}
