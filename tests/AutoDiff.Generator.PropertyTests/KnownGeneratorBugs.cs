namespace AutoDiff.PropertyTests;

/// <summary>
/// Generator bugs these tests found that the generator has not fixed yet. Each has a skipped regression test in
/// <see cref="KnownGeneratorBugTests"/> holding its minimal source; the random tests step around exactly that trigger
/// (and count it) so they keep checking everything else. When a bug is fixed: un-skip its test and remove it here.
/// </summary>
internal static class KnownGeneratorBugs
{
    /// <summary>
    /// <c>-(-x)</c> is emitted as <c>--x</c>, a pre-decrement: the generated primal computes x − 1.
    /// While set, random programs write a negation of a negative-looking operand as <c>(-1.0 * (-x))</c> (exactly equal).
    /// </summary>
    public static readonly bool DoubleNegationBecomesDecrement = true;

    /// <summary>
    /// The adjoint of <c>t = Math.Tanh(a)</c> (also Exp, Sqrt, Cbrt) reads <c>t</c> back instead of the value it had then,
    /// so a later <c>t -= x</c> corrupts the derivative. While set, random programs assign such calls as <c>call + 0.0</c>
    /// (exactly equal), which stores the call's output in a temporary instead of the local.
    /// </summary>
    public static readonly bool OverwrittenOutputIsReadBack = true;

    /// <summary>The right-hand side to write for a local's assignment or declaration, stepping around <see cref="OverwrittenOutputIsReadBack"/>.</summary>
    public static string AssignedValue(Programs.Expr value, string rendered) =>
        OverwrittenOutputIsReadBack && value is Programs.UnaryCall { Op: Programs.Unary.Tanh or Programs.Unary.Exp or Programs.Unary.Sqrt or Programs.Unary.Cbrt }
            ? rendered + " + 0.0"
            : rendered;

    /// <summary>A method in a malformed type (<c>static class partial T</c>) gets hint name <c>&lt;invalid-global-code&gt;…</c>: CS8785.</summary>
    public static bool IsInvalidHintName(string problem) =>
        problem.Contains("CS8785") || problem.Contains("generator threw")
            ? problem.Contains("hintName") && problem.Contains("invalid character")
            : false;

    /// <summary>A <c>const double</c> local in a method that falls back to the tape is emitted as <c>const Value</c>: CS0134.</summary>
    public static bool IsConstLocalOnTape(string problem) =>
        problem.Contains("CS0134") && problem.Contains("'Value'");

    /// <summary>
    /// The same double-negation bug where the decrement does not compile: on a constant (<c>--1.25</c>, CS1059) and on the
    /// tape fallback's <c>Value</c> (<c>--y</c>, CS0023).
    /// </summary>
    public static bool IsDoubleNegationThatDoesNotCompile(string problem) =>
        DoubleNegationBecomesDecrement &&
        (problem.Contains("CS1059") || (problem.Contains("CS0023") && problem.Contains("Operator '--' cannot be applied")));

    /// <summary>A float argument to a double [Differentiable] callee: the pullback call passes <c>ref float</c> as <c>ref double</c> (CS1503).</summary>
    public static bool IsFloatAdjointToDoubleCallee(string problem) =>
        problem.Contains("CS1503") && problem.Contains("'ref float' to 'ref double'");

    /// <summary>Unary plus in a body that falls back to the tape is emitted on Value, which has no unary + (CS0023).</summary>
    public static bool IsUnaryPlusOnTape(string problem) =>
        problem.Contains("CS0023") && problem.Contains("Operator '+' cannot be applied to operand of type 'Value'");

    public static bool Matches(string problem) =>
        IsInvalidHintName(problem) || IsConstLocalOnTape(problem) || IsDoubleNegationThatDoesNotCompile(problem) ||
        IsFloatAdjointToDoubleCallee(problem) || IsUnaryPlusOnTape(problem);
}
