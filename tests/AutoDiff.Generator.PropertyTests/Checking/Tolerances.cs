namespace AutoDiff.PropertyTests.Checking;

/// <summary>How close two derivatives must be, per kind of comparison (docs/testing.md explains each).</summary>
internal static class Tolerances
{
    /// <summary>
    /// Two exact engines (generated code, the tape, the pullback) compute the same sum of products in different orders;
    /// the difference is rounding, a few ε per operation relative to the magnitudes involved.
    /// 1e-9 leaves room for ~10⁶ ε of cancellation while a wrong rule is off by O(1).
    /// </summary>
    public const double BetweenEngines = 1e-9;

    /// <summary>The finite-difference error bar is an estimate; it is widened 4× and a 1e-7 relative floor is added.</summary>
    public const double ErrorBarSafety = 4;

    public const double FiniteDifferenceFloor = 1e-7;

    public static bool EnginesAgree(double a, double b) =>
        a == b || Math.Abs(a - b) <= BetweenEngines * (1 + Math.Abs(a) + Math.Abs(b));

    public static bool MatchesFiniteDifference(double gradient, FiniteDifference fd) =>
        Math.Abs(gradient - fd.Estimate) <= ErrorBarSafety * fd.ErrorBar + FiniteDifferenceFloor * (1 + Math.Abs(fd.Estimate));
}
