namespace AutoDiff.PropertyTests.Programs;

/// <summary>An evaluation point: values for the scalar parameters (only the first ones are used) and the span.</summary>
internal sealed record Point(double[] Scalars, double[] Span);

/// <summary>
/// A random differentiable function: 1–3 scalar parameters <c>x, y, z</c>, optionally a span <c>w</c>,
/// a body of statements and a returned expression, plus the points it is checked at; with <see cref="Helpers"/>, its
/// class also declares the plain int helpers of <see cref="PlainHelpers"/>.
/// </summary>
internal sealed record RandomFunction(int ScalarCount, bool HasSpan, Stmt[] Body, Expr Result, Point[] Points, bool Helpers = false, Callee[]? Callees = null)
{
    private static readonly string[] ScalarNames = ["x", "y", "z"];

    public IReadOnlyList<string> Scalars => ScalarNames[..ScalarCount];

    /// <summary>The layer widths a <see cref="LayeredLoop"/> reads from the <c>sizes</c> parameter (the harness passes them), or null when the function has none.</summary>
    public int[]? Sizes => Body.OfType<LayeredLoop>().FirstOrDefault()?.Sizes;

    /// <summary>Size used to pick the smallest failing function: the length of its source.</summary>
    public int SourceLength => Render(0, Flavor.Double).Length;

    /// <summary>The class holding function <c>F{id}</c>: partial and [Differentiable] for doubles, plain for the tape.</summary>
    public string Render(int id, Flavor flavor)
    {
        var isDouble = flavor == Flavor.Double;
        var parameters = Scalars.Select(s => $"{flavor.Number} {s}").ToList();
        if (HasSpan)
        {
            parameters.Add($"{flavor.Span} w");
        }

        var sizes = Sizes;
        if (sizes is not null)
        {
            parameters.Add(isDouble ? "[NoDerivative] ReadOnlySpan<int> sizes" : "ReadOnlySpan<int> sizes");
        }

        var lines = new SourceLines(0);
        lines.Add(isDouble ? $"public static partial class P{id}" : $"public static class T{id}");
        lines.Open();
        if (Helpers)
        {
            foreach (var helper in PlainHelpers.Declarations)
            {
                lines.Add(helper);
            }
        }

        foreach (var (callee, index) in (Callees ?? []).Select((c, k) => (c, k)))
        {
            callee.Render(index, HasEveryKind(id), flavor, lines);
        }

        if (sizes is not null)
        {
            lines.Add($"// sizes: [{string.Join(", ", sizes)}]");
        }

        if (isDouble)
        {
            lines.Add(HasEveryKind(id) ? "[Differentiable(Derivatives.Hessian)]" : "[Differentiable]");
        }

        lines.Add($"public static {flavor.Number} F{id}({string.Join(", ", parameters)})");
        lines.Open();
        var scope = new Scope(Scalars, 0, HasSpan ? "w" : null) { Callees = Callees ?? [] };
        foreach (var statement in Body)
        {
            scope = statement.Render(scope, flavor, lines);
        }

        lines.Add($"return {Result.Render(scope, flavor)};");
        lines.Close();
        lines.Close();
        return lines.ToString();
    }

    /// <summary>
    /// Whether function <paramref name="id"/> of a batch asks for every derivative kind, so forward mode and second
    /// order meet the same programs as the gradient. One in four does: their code is about four times the gradient's
    /// to compile. The tape has neither kind.
    /// </summary>
    public bool HasEveryKind(int id) => !FallsBackToTape && id % 4 == 0;

    /// <summary>
    /// True when the docs say the generator runs this body on the runtime tape (AD0011): it opens with a lambda.
    /// A return from inside a loop no longer does (the generator lowers it to a flag and breaks), so those programs
    /// are checked statically, in every derivative kind.
    /// </summary>
    public bool FallsBackToTape => Body.Any(s => s is ForceTape);

    public override string ToString() => Render(0, Flavor.Double);
}
