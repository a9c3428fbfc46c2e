using AutoDiff.Samples.CurveFit.Model;
using MathNet.Numerics.LinearAlgebra;

namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>
/// How far a fitted parameter may sit from the truth. For least squares with independent Gaussian noise the
/// estimate is approximately normal around the truth with covariance σ̂²·(JᵀJ)⁻¹, J the model's Jacobian at the
/// fit (each row from the generated <c>ModelWithGradient</c>) and σ̂² = Σ residual² / (points − parameters).
/// </summary>
public static class FitUncertainty
{
    /// <summary>A parameter further than this many standard errors from the truth is a failed fit (for a normal: probability 6·10⁻⁵ each).</summary>
    public const double MaxStandardErrors = 4.0;

    /// <summary>The standard error of each parameter at the fit.</summary>
    /// <param name="data">The spectrum.</param>
    /// <param name="fitted">The fitted parameters.</param>
    /// <returns>One standard error per parameter.</returns>
    public static double[] StandardErrors(SyntheticSpectrum data, IReadOnlyList<double> fitted)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fitted);
        double[] p = [.. fitted];
        int n = data.X.Length, k = p.Length;
        var jacobian = Matrix<double>.Build.Dense(n, k);
        var row = new double[k];
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            double residual = data.Y[i] - Spectrum.ModelWithGradient(p, data.X[i], row);
            squares += residual * residual;
            jacobian.SetRow(i, row);
        }

        double noiseVariance = squares / (n - k);
        Matrix<double> covariance = jacobian.TransposeThisAndMultiply(jacobian).Inverse() * noiseVariance;
        return [.. covariance.Diagonal().Select(Math.Sqrt)];
    }

    /// <summary>Each parameter's distance from the truth in standard errors.</summary>
    /// <param name="data">The spectrum, with its truth.</param>
    /// <param name="fitted">The fitted parameters.</param>
    /// <returns>|fitted − true| / standard error, per parameter.</returns>
    public static double[] ErrorsInStandardErrors(SyntheticSpectrum data, IReadOnlyList<double> fitted)
    {
        double[] errors = StandardErrors(data, fitted);
        return [.. errors.Select((error, j) => Math.Abs(fitted[j] - data.TrueParameters[j]) / error)];
    }
}
