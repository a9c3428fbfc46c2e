namespace AutoDiff.Samples.CurveFit.Model;

/// <summary>
/// Where the fits start: what one reads off a plot of the data — each centre a little off, heights low, widths too
/// wide, no baseline. Fixed offsets from the truth, so every seed starts from the same kind of guess.
/// </summary>
public static class InitialGuess
{
    /// <summary>The starting point for <paramref name="truth"/>.</summary>
    /// <param name="truth">The true parameters.</param>
    /// <returns>Intercept 0 and slope 0; each peak at 0.7× its height, its centre moved by +0.15, 1.4× its width.</returns>
    public static double[] Near(IReadOnlyList<double> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var guess = new double[truth.Count];
        for (int k = Spectrum.BaselineParameters; k + 2 < truth.Count; k += Spectrum.PeakParameters)
        {
            guess[k] = 0.7 * truth[k];
            guess[k + 1] = truth[k + 1] + 0.15;
            guess[k + 2] = 1.4 * truth[k + 2];
        }

        return guess;
    }
}
