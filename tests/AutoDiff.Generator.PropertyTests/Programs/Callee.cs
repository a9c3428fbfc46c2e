namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// A <c>[Differentiable]</c> method of the function's class that the function calls, <c>G{k}(u[, v][, w])</c>: one or two
/// scalars and optionally the function's span, with a random body (locals, branches, early returns, loops over the span).
/// The generator differentiates a call through the callee's generated pullback (and, for every derivative kind, its
/// pushforward and second-order members), so its arguments must reach the reverse sweep at their values at the call.
/// </summary>
internal sealed record Callee(int Arity, bool HasSpan, Stmt[] Body, Expr Result)
{
    private static readonly string[] ScalarNames = ["u", "v"];

    /// <summary>Appends the method; <paramref name="everyKind"/> when the caller asks for every kind (a callee must offer what its callers need).</summary>
    public void Render(int index, bool everyKind, Flavor flavor, SourceLines lines)
    {
        var parameters = ScalarNames[..Arity].Select(n => $"{flavor.Number} {n}").ToList();
        if (HasSpan)
        {
            parameters.Add($"{flavor.Span} w");
        }

        if (flavor == Flavor.Double)
        {
            lines.Add(everyKind ? "[Differentiable(Derivatives.Hessian)]" : "[Differentiable]");
        }

        lines.Add($"public static {flavor.Number} G{index}({string.Join(", ", parameters)})");
        lines.Open();
        var scope = new Scope(ScalarNames[..Arity], 0, HasSpan ? "w" : null);
        foreach (var statement in Body)
        {
            scope = statement.Render(scope, flavor, lines);
        }

        lines.Add($"return {Result.Render(scope, flavor)};");
        lines.Close();
    }
}

/// <summary>
/// <c>G{k}(first[, second][, w])</c>: a call of one of the function's <see cref="Callee"/>s, the one
/// <see cref="Callee"/> modulo their number; where the scope has none (a callee's own body), <c>(first + second)</c>.
/// </summary>
internal sealed record CalleeCall(int Callee, Expr First, Expr Second) : Expr
{
    public override string Render(Scope scope, Flavor flavor)
    {
        if (scope.Callees.Count == 0 || scope.SpanName is null)
        {
            return new BinaryCall(BinaryOp.Add, First, Second).Render(scope, flavor);
        }

        var index = Callee % scope.Callees.Count;
        var callee = scope.Callees[index];
        var arguments = new List<string> { First.Render(scope, flavor) };
        if (callee.Arity > 1)
        {
            arguments.Add(Second.Render(scope, flavor));
        }

        if (callee.HasSpan)
        {
            arguments.Add(scope.SpanName);
        }

        return $"G{index}({string.Join(", ", arguments)})";
    }
}
