namespace AutoDiff.PropertyTests.Checking;

/// <summary>
/// A partial derivative by central differences with Richardson extrapolation, plus an honest error bar.
/// D(h) = (f(x+h) − f(x−h)) / 2h has error c₂h² + c₄h⁴ + rounding. From h, h/2, h/4:
/// R₁ = (4D(h/2) − D(h)) / 3 and R₂ = (4D(h/4) − D(h/2)) / 3 cancel the h² term, leaving O(h⁴).
/// |R₂ − R₁| bounds R₂'s truncation error (R₁'s is 16× R₂'s), and rounding is bounded by
/// <see cref="RoundingBound"/>. When |R₂ − R₁| is large the three estimates disagree: a kink or a branch switch lies
/// within h of the point (|x|, max, a conditional), the derivative there is not what differences measure, and the
/// estimate is reported as not smooth instead of being compared.
/// </summary>
internal readonly record struct FiniteDifference(double Estimate, double ErrorBar, bool Smooth)
{
    /// <summary>Relative step: the first of h, h/2, h/4; 1e-3 balances h⁴ truncation against rounding of order ε/h.</summary>
    public const double RelativeStep = 1e-3;

    /// <summary>|R₂ − R₁| above this fraction of (1 + |R₂|) means the function is not smooth within h of the point.</summary>
    public const double SmoothnessLimit = 1e-4;

    /// <summary>Rounding in one evaluation of a random program, in units of |f|·ε (a generous bound for ~100 operations).</summary>
    private const double EvaluationUlps = 1000;

    public static FiniteDifference Of(Func<double, double> f, double x)
    {
        var h = RelativeStep * Math.Max(1.0, Math.Abs(x));
        var d1 = Central(f, x, h, out var scale);
        var d2 = Central(f, x, h / 2, out _);
        var d4 = Central(f, x, h / 4, out _);
        var r1 = (4 * d2 - d1) / 3;
        var r2 = (4 * d4 - d2) / 3;
        var truncation = Math.Abs(r2 - r1);
        var rounding = RoundingBound(scale, h);
        var smooth = double.IsFinite(r2) && truncation <= SmoothnessLimit * (1 + Math.Abs(r2)) + rounding;
        return new FiniteDifference(r2, truncation + rounding, smooth);
    }

    /// <summary>
    /// Worst rounding in R₂ = (4D(h/4) − D(h/2)) / 3: each D(k) carries at most 2U|f| / 2k = U|f|/k with U = EvaluationUlps·ε,
    /// so R₂ carries at most (4·U|f|/(h/4) + U|f|/(h/2)) / 3 = 6·U·|f|/h with h the first step.
    /// </summary>
    private static double RoundingBound(double scale, double h) => 6 * EvaluationUlps * MachineEpsilon * scale / h;

    private const double MachineEpsilon = 2.220446049250313e-16; // 2⁻⁵²

    private static double Central(Func<double, double> f, double x, double h, out double scale)
    {
        // Use the step the arithmetic actually takes, not the one asked for.
        var plus = x + h;
        var minus = x - h;
        var fPlus = f(plus);
        var fMinus = f(minus);
        scale = Math.Max(Math.Abs(fPlus), Math.Abs(fMinus));
        return (fPlus - fMinus) / (plus - minus);
    }
}
