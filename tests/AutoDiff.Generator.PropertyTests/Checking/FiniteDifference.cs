namespace AutoDiff.PropertyTests.Checking;

/// <summary>
/// A partial derivative by central differences with Richardson extrapolation, plus an honest error bar.
/// <para>
/// D(k) = (f(x+k) − f(x−k)) / 2k has error c₂k² + c₄k⁴ + rounding. From h, h/2, h/4:
/// R₁ = (4D(h/2) − D(h)) / 3 and R₂ = (4D(h/4) − D(h/2)) / 3 cancel the k² term, leaving O(h⁴);
/// |R₂ − R₁| bounds R₂'s truncation error (R₁'s is 16× R₂'s).
/// </para>
/// <para>
/// Central differences cannot see a kink exactly at x (|x| at 0, max(a, b) at a = b): they return the mean of the two
/// slopes. So the one-sided estimates are extrapolated too: forward 2F(h/2) − F(h) and backward 2B(h/2) − B(h) agree to
/// O(h³) for a smooth function and differ by the jump in slope at a kink.
/// </para>
/// <para>
/// When either disagreement is large the point is within h of a kink or a branch switch, the derivative there is not
/// what differences measure, and the estimate is reported as not smooth instead of being compared.
/// </para>
/// </summary>
internal readonly record struct FiniteDifference(double Estimate, double ErrorBar, bool Smooth)
{
    /// <summary>Relative step: the first of h, h/2, h/4; 1e-3 balances h⁴ truncation against rounding of order ε/h.</summary>
    public const double RelativeStep = 1e-3;

    /// <summary>A disagreement above this fraction of (1 + |R₂|) means the function is not smooth within h of the point.</summary>
    public const double SmoothnessLimit = 1e-4;

    /// <summary>Rounding in one evaluation of a random program, in units of |f|·ε (a generous bound for ~100 operations).</summary>
    private const double EvaluationUlps = 1000;

    private const double MachineEpsilon = 2.220446049250313e-16; // 2⁻⁵²

    /// <summary>A second look at a contradiction is taken this many times closer to the point.</summary>
    public const double ConfirmationStepRatio = 100;

    /// <summary>
    /// Compares <paramref name="derivative"/> with finite differences of <paramref name="f"/> at <paramref name="x"/>.
    /// Differences that contradict it are taken again with a step <see cref="ConfirmationStepRatio"/> times smaller,
    /// and the contradiction stands only when that estimate is smooth and contradicts it too. A function that
    /// oscillates faster than the step (sin of a large argument) passes the smoothness test by aliasing: every
    /// step averages the oscillation away alike, so R₁ and R₂ agree on a wrong slope. Its differences at two
    /// scales disagree with each other, which says the differences, not the gradient, are wrong there.
    /// </summary>
    /// <remarks>
    /// A function can also oscillate faster than even the smaller step while its value barely moves: a chaotic
    /// intermediate (a value of 1e3 fed to sin, its sensitivity 1e11) that the result depends on only through a
    /// term of 1e-13. Both steps then average the oscillation to the same wrong slope. What tells it apart from a
    /// wrong gradient is the derivative itself: given <paramref name="derivativeAt"/>, the derivative by an engine
    /// independent of the one checked, a contradiction stands only when that derivative bends across the smaller
    /// step's stencil by less than half the contradiction. The derivative of a smooth function is nearly linear
    /// within the step, so a wrong gradient of it still contradicts the differences.
    /// </remarks>
    /// <returns>Whether the point counted as smooth, and the estimate that contradicts the derivative, if any.</returns>
    public static (bool Smooth, FiniteDifference? Contradiction) Compare(Func<double, double> f, double x, double derivative, Func<double, double>? derivativeAt = null)
    {
        var coarse = Of(f, x);
        if (!coarse.Smooth || Tolerances.MatchesFiniteDifference(derivative, coarse))
        {
            return (coarse.Smooth, null);
        }

        var fine = Of(f, x, RelativeStep / ConfirmationStepRatio);
        if (!fine.Smooth)
        {
            return (false, null);
        }

        if (Tolerances.MatchesFiniteDifference(derivative, fine))
        {
            return (true, null);
        }

        return derivativeAt is not null && CurvatureWithinStep(derivativeAt, x) >= Math.Abs(derivative - fine.Estimate) / 2
            ? (false, null)
            : (true, fine);
    }

    // How far the derivative bends within the smaller step: |d(x + o) + d(x - o) - 2 d(x)|, largest over offsets o
    // up to h spaced by the golden ratio, so that no one oscillation period aliases them all to a full turn (h, h/2
    // and h/4 did, in the self-test modelled on the false alarm). Central differences cancel a derivative that
    // changes linearly, so the linear part (f'' o, large for a steep smooth function) says nothing about them; what
    // they cannot follow is what this measures.
    private static double CurvatureWithinStep(Func<double, double> derivativeAt, double x)
    {
        var h = RelativeStep / ConfirmationStepRatio * Math.Max(1.0, Math.Abs(x));
        var atX = derivativeAt(x);
        return new[] { 1.0, 0.618, 0.382, 0.236, 0.146 }.Max(fraction =>
            Math.Abs(derivativeAt(x + (fraction * h)) + derivativeAt(x - (fraction * h)) - (2 * atX)));
    }

    public static FiniteDifference Of(Func<double, double> f, double x, double relativeStep = RelativeStep)
    {
        var h = relativeStep * Math.Max(1.0, Math.Abs(x));
        var f0 = f(x);
        var (plus1, minus1) = (f(x + h), f(x - h));
        var (plus2, minus2) = (f(x + h / 2), f(x - h / 2));
        var (plus4, minus4) = (f(x + h / 4), f(x - h / 4));
        var scale = new[] { f0, plus1, minus1, plus2, minus2, plus4, minus4 }.Max(Math.Abs);

        // Divide by the step the arithmetic actually took, not the one asked for.
        var d1 = (plus1 - minus1) / ((x + h) - (x - h));
        var d2 = (plus2 - minus2) / ((x + h / 2) - (x - h / 2));
        var d4 = (plus4 - minus4) / ((x + h / 4) - (x - h / 4));
        var r1 = (4 * d2 - d1) / 3;
        var r2 = (4 * d4 - d2) / 3;

        var forward = 2 * (plus2 - f0) / ((x + h / 2) - x) - (plus1 - f0) / ((x + h) - x);
        var backward = 2 * (f0 - minus2) / (x - (x - h / 2)) - (f0 - minus1) / (x - (x - h));

        var truncation = Math.Abs(r2 - r1);
        var asymmetry = Math.Abs(forward - backward);
        var rounding = RoundingBound(scale, h);
        var limit = SmoothnessLimit * (1 + Math.Abs(r2));
        var smooth = double.IsFinite(r2) && double.IsFinite(asymmetry)
            && truncation <= limit + rounding
            && asymmetry <= limit + OneSidedRoundingBound(scale, h);
        return new FiniteDifference(r2, truncation + asymmetry + rounding, smooth);
    }

    /// <summary>
    /// Worst rounding in R₂ = (4D(h/4) − D(h/2)) / 3: each D(k) carries at most 2U|f| / 2k = U|f|/k with U = EvaluationUlps·ε,
    /// so R₂ carries at most (4·U|f|/(h/4) + U|f|/(h/2)) / 3 = 6·U·|f|/h.
    /// </summary>
    private static double RoundingBound(double scale, double h) => 6 * EvaluationUlps * MachineEpsilon * scale / h;

    /// <summary>Each one-sided 2F(h/2) − F(h) carries at most 2·4U|f|/h + 2U|f|/h = 10U|f|/h; their difference twice that.</summary>
    private static double OneSidedRoundingBound(double scale, double h) => 20 * EvaluationUlps * MachineEpsilon * scale / h;
}
