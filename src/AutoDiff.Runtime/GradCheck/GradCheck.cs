namespace AutoDiff;

/// <summary>
/// Checks a gradient against central finite differences, as <c>torch.autograd.gradcheck</c> and JAX's
/// <c>check_grads</c> do. The step for input i is <c>h = RelativeStep · max(1, |xᵢ|)</c> and the numeric
/// derivative is <c>(f(x + h·eᵢ) - f(x - h·eᵢ)) / 2h</c>. Each input's error is
/// <c>|analytic - numeric| / max(1, |analytic|, |numeric|)</c>: an absolute error for derivatives below 1
/// (where a relative error would blow up near 0) and a relative error above.
/// </summary>
public static class GradCheck
{
    /// <summary>The default relative step: small enough for an O(h²) truncation error of about 1e-12,
    /// large enough that rounding (about 1e-16 / h) stays near 1e-10.</summary>
    public const double DefaultRelativeStep = 1e-6;

    /// <summary>Central finite differences of <paramref name="f"/> at <paramref name="x"/>.</summary>
    /// <param name="f">The function; it receives a copy of the point and may keep or change it.</param>
    /// <param name="x">The point.</param>
    /// <param name="relativeStep">Step relative to <c>max(1, |xᵢ|)</c>.</param>
    /// <returns>One partial derivative per input.</returns>
    public static double[] NumericGradient(Func<double[], double> f, double[] x, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        if (!(relativeStep > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeStep), relativeStep, "The step must be positive.");
        }

        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double h = relativeStep * Math.Max(1.0, Math.Abs(x[i]));
            double[] forward = (double[])x.Clone();
            double[] backward = (double[])x.Clone();
            forward[i] += h;
            backward[i] -= h;
            // Divide by the steps actually representable, not by the nominal 2h.
            gradient[i] = (f(forward) - f(backward)) / (forward[i] - backward[i]);
        }

        return gradient;
    }

    /// <summary>Compares an analytic gradient with finite differences.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <param name="analytic">The gradient to check, one entry per input.</param>
    /// <param name="relativeStep">Step relative to <c>max(1, |xᵢ|)</c>.</param>
    /// <returns>The per-input comparison and the worst error.</returns>
    /// <exception cref="ArgumentException">The gradient's length differs from the point's.</exception>
    public static GradCheckReport Check(Func<double[], double> f, double[] x, double[] analytic, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(analytic);
        ArgumentNullException.ThrowIfNull(x);
        if (analytic.Length != x.Length)
        {
            throw new ArgumentException(
                $"The point has {x.Length} inputs but the analytic gradient has {analytic.Length} entries.", nameof(analytic));
        }

        double[] numeric = NumericGradient(f, x, relativeStep);
        var entries = new GradCheckEntry[x.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = new GradCheckEntry(i, analytic[i], numeric[i], Error(analytic[i], numeric[i]));
        }

        return new GradCheckReport(entries);
    }

    /// <summary>Compares a gradient function with finite differences.</summary>
    /// <param name="f">The function.</param>
    /// <param name="gradient">Its claimed gradient.</param>
    /// <param name="x">The point.</param>
    /// <param name="relativeStep">Step relative to <c>max(1, |xᵢ|)</c>.</param>
    /// <returns>The per-input comparison and the worst error.</returns>
    public static GradCheckReport Check(Func<double[], double> f, Func<double[], double[]> gradient, double[] x, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        return Check(f, x, gradient((double[])x.Clone()), relativeStep);
    }

    /// <summary>
    /// Checks the tape: builds the graph from fresh leaves holding <paramref name="x"/>, runs
    /// <see cref="Value.Backward"/>, and compares the leaves' gradients with finite differences of the same
    /// builder evaluated forward only.
    /// </summary>
    /// <param name="build">Builds the output from the inputs.</param>
    /// <param name="x">The point.</param>
    /// <param name="relativeStep">Step relative to <c>max(1, |xᵢ|)</c>.</param>
    /// <returns>The per-input comparison and the worst error.</returns>
    public static GradCheckReport Check(Func<IReadOnlyList<Value>, Value> build, double[] x, double relativeStep = DefaultRelativeStep)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(x);
        Value[] inputs = Leaves(x);
        build(inputs).Backward();
        double[] analytic = inputs.Select(v => v.Grad).ToArray();
        return Check(point => build(Leaves(point)).Data, x, analytic, relativeStep);
    }

    /// <summary>The error measure of this class: <c>|a - n| / max(1, |a|, |n|)</c>; 0 when both are the same
    /// non-finite number, +Infinity when only one is NaN or they are different infinities.</summary>
    /// <param name="analytic">The analytic derivative.</param>
    /// <param name="numeric">The numeric derivative.</param>
    /// <returns>The error.</returns>
    public static double Error(double analytic, double numeric)
    {
        if (analytic.Equals(numeric))
        {
            return 0.0; // also NaN against NaN, and equal infinities
        }

        if (!double.IsFinite(analytic) || !double.IsFinite(numeric))
        {
            return double.PositiveInfinity;
        }

        return Math.Abs(analytic - numeric) / Math.Max(1.0, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
    }

    private static Value[] Leaves(double[] x)
    {
        var leaves = new Value[x.Length];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Value(x[i], $"x{i}");
        }

        return leaves;
    }
}
