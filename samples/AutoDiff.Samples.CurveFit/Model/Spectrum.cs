namespace AutoDiff.Samples.CurveFit.Model;

/// <summary>
/// The model: a linear baseline plus Gaussian peaks, and the least-squares objective of fitting it to a spectrum.
/// The generator writes <c>ModelWithGradient</c> (one row of the Jacobian, for the fit's covariance) and
/// <c>LeastSquaresWithGradient</c> (what the minimizers run on).
/// </summary>
public static partial class Spectrum
{
    /// <summary>Parameters before the peaks: baseline intercept and slope.</summary>
    public const int BaselineParameters = 2;

    /// <summary>Parameters per peak: amplitude, centre, width (standard deviation).</summary>
    public const int PeakParameters = 3;

    /// <summary>The model at one abscissa.</summary>
    /// <param name="p">Intercept, slope, then amplitude, centre and width of each peak.</param>
    /// <param name="x">The abscissa (e.g. a wavelength).</param>
    /// <returns>p₀ + p₁·x + Σₖ aₖ·exp(−(x − cₖ)² / (2wₖ²)).</returns>
    [Differentiable]
    public static double Model(ReadOnlySpan<double> p, [NoDerivative] double x)
    {
        double value = p[0] + p[1] * x;
        for (int k = 2; k < p.Length; k += 3)
        {
            double z = (x - p[k + 1]) / p[k + 2];
            value += p[k] * Math.Exp(-0.5 * z * z);
        }

        return value;
    }

    /// <summary>
    /// The same model with every width positive. The model reads a width only through (x − c)/w squared, so w and −w
    /// are the same fit and a minimizer may end at either; the truth has positive widths.
    /// </summary>
    /// <param name="p">Parameters as for <see cref="Model"/>.</param>
    /// <returns>A copy with each width replaced by its absolute value.</returns>
    public static double[] Canonical(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        double[] canonical = [.. p];
        for (int k = BaselineParameters + 2; k < canonical.Length; k += PeakParameters)
        {
            canonical[k] = Math.Abs(canonical[k]);
        }

        return canonical;
    }

    /// <summary>Half the sum of squared residuals of the model at <paramref name="p"/>.</summary>
    /// <param name="p">The parameters, as for <see cref="Model"/>.</param>
    /// <param name="x">The abscissae of the data.</param>
    /// <param name="y">The measured values.</param>
    /// <returns>½ Σᵢ (yᵢ − model(xᵢ))².</returns>
    [Differentiable]
    public static double LeastSquares(ReadOnlySpan<double> p, [NoDerivative] ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<double> y)
    {
        double total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double residual = y[i] - Model(p, x[i]);
            total += residual * residual;
        }

        return 0.5 * total;
    }
}
