using AutoDiff.Samples.CurveFit.Model;
using MathNet.Numerics.LinearAlgebra;

namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>
/// How far a fitted parameter may sit from the truth. For least squares with independent Gaussian noise of
/// standard deviation σ, the estimate is approximately normal around the truth with covariance σ²·(JᵀJ)⁻¹, J the
/// model's Jacobian (each row from the generated <c>ModelWithGradient</c>). The check uses the noise the data were
/// drawn with and J at the true parameters, so a fit that stopped far away cannot widen its own allowance through
/// large residuals; the table also shows what a user without the truth would quote, σ̂ = √(Σ residual² /
/// (points − parameters)) with J at the fit.
/// </summary>
public static class FitUncertainty
{
    /// <summary>A parameter further than this many standard errors from the truth is a failed fit (for a normal: probability 6·10⁻⁵ each).</summary>
    public const double MaxStandardErrors = 4.0;

    /// <summary>The standard errors the noise allows: σ·√diag((JᵀJ)⁻¹) with J at the truth.</summary>
    /// <param name="data">The spectrum, with its truth and noise.</param>
    /// <returns>One standard error per parameter.</returns>
    public static double[] NoiseStandardErrors(SyntheticSpectrum data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return StandardErrors(Jacobian(data, data.TrueParameters, out _), data.Noise);
    }

    /// <summary>The standard errors estimated from the fit alone: σ̂·√diag((JᵀJ)⁻¹) with J and the residuals at the fit.</summary>
    /// <param name="data">The spectrum.</param>
    /// <param name="fitted">The fitted parameters.</param>
    /// <returns>One standard error per parameter.</returns>
    public static double[] EstimatedStandardErrors(SyntheticSpectrum data, IReadOnlyList<double> fitted)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fitted);
        Matrix<double> jacobian = Jacobian(data, fitted, out double squares);
        return StandardErrors(jacobian, EstimatedNoise(data, squares, fitted.Count));
    }

    /// <summary>σ̂: the noise level the fit's residuals suggest.</summary>
    /// <param name="data">The spectrum.</param>
    /// <param name="fitted">The fitted parameters.</param>
    /// <returns>√(Σ residual² / (points − parameters)).</returns>
    public static double EstimatedNoise(SyntheticSpectrum data, IReadOnlyList<double> fitted)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fitted);
        double[] p = [.. fitted];
        return EstimatedNoise(data, 2 * Spectrum.LeastSquares(p, data.X, data.Y), p.Length);
    }

    /// <summary>Each parameter's distance from the truth in the standard errors the noise allows.</summary>
    /// <param name="data">The spectrum, with its truth.</param>
    /// <param name="fitted">The fitted parameters.</param>
    /// <returns>|fitted − true| / standard error, per parameter.</returns>
    public static double[] ErrorsInStandardErrors(SyntheticSpectrum data, IReadOnlyList<double> fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        double[] errors = NoiseStandardErrors(data);
        return [.. errors.Select((error, j) => Math.Abs(fitted[j] - data.TrueParameters[j]) / error)];
    }

    private static double EstimatedNoise(SyntheticSpectrum data, double squares, int parameters) =>
        Math.Sqrt(squares / (data.X.Length - parameters));

    private static Matrix<double> Jacobian(SyntheticSpectrum data, IReadOnlyList<double> at, out double squares)
    {
        double[] p = [.. at];
        var jacobian = Matrix<double>.Build.Dense(data.X.Length, p.Length);
        var row = new double[p.Length];
        squares = 0.0;
        for (int i = 0; i < data.X.Length; i++)
        {
            double residual = data.Y[i] - Spectrum.ModelWithGradient(p, data.X[i], row);
            squares += residual * residual;
            jacobian.SetRow(i, row);
        }

        return jacobian;
    }

    private static double[] StandardErrors(Matrix<double> jacobian, double noise) =>
        [.. jacobian.TransposeThisAndMultiply(jacobian).Inverse().Diagonal().Select(v => noise * Math.Sqrt(v))];
}
