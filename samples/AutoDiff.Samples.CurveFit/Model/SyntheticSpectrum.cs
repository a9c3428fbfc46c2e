using MathNet.Numerics.Distributions;

namespace AutoDiff.Samples.CurveFit.Model;

/// <summary>A noisy spectrum drawn from known parameters: the data to fit and the truth to judge the fit by.</summary>
/// <param name="X">Abscissae, evenly spaced over [0, 10].</param>
/// <param name="Y">Model at the true parameters plus Gaussian noise.</param>
/// <param name="TrueParameters">The parameters the data were drawn from.</param>
/// <param name="Noise">The noise's standard deviation.</param>
public sealed record SyntheticSpectrum(double[] X, double[] Y, double[] TrueParameters, double Noise)
{
    /// <summary>The sample's truth: baseline 0.3 + 0.02·x under four peaks of different heights and widths, two of them overlapping.</summary>
    public static IReadOnlyList<double> DefaultTruth { get; } =
    [
        0.3, 0.02,
        1.0, 2.0, 0.35,
        0.6, 4.2, 0.6,
        1.4, 5.4, 0.3,
        0.8, 7.8, 0.5,
    ];

    /// <summary>Draws the data.</summary>
    /// <param name="truth">The parameters, as <see cref="Spectrum.Model"/> reads them.</param>
    /// <param name="points">Number of points, at least one more than the parameters.</param>
    /// <param name="noise">Standard deviation of the noise, positive.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <returns>The spectrum.</returns>
    /// <exception cref="ArgumentException">Fewer points than parameters + 1, no peak, or a non-positive noise.</exception>
    public static SyntheticSpectrum Generate(IReadOnlyList<double> truth, int points, double noise, int seed)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Count < Spectrum.BaselineParameters + Spectrum.PeakParameters || (truth.Count - Spectrum.BaselineParameters) % Spectrum.PeakParameters != 0)
        {
            throw new ArgumentException($"The truth needs 2 baseline parameters and 3 per peak, at least one peak; {truth.Count} parameters given.", nameof(truth));
        }

        if (points <= truth.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, $"Fitting {truth.Count} parameters needs more than {truth.Count} points.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(noise);
        double[] p = [.. truth];
        var x = new double[points];
        var y = new double[points];
        var normal = new Normal(0.0, noise, new Random(seed));
        for (int i = 0; i < points; i++)
        {
            x[i] = 10.0 * i / (points - 1);
            y[i] = Spectrum.Model(p, x[i]) + normal.Sample();
        }

        return new SyntheticSpectrum(x, y, p, noise);
    }
}
