namespace AutoDiff.Samples.Greeks.MonteCarlo;

/// <summary>A Monte Carlo mean and its standard error.</summary>
/// <param name="Mean">The average over paths.</param>
/// <param name="StandardError">The sample standard deviation over paths divided by √paths.</param>
public readonly record struct Estimate(double Mean, double StandardError)
{
    /// <summary>How many standard errors <paramref name="reference"/> lies from the mean (0 when both are exactly equal).</summary>
    /// <param name="reference">An independent value of the same quantity.</param>
    /// <returns>|mean − reference| / standard error.</returns>
    public double StandardErrorsFrom(double reference) =>
        Mean == reference ? 0.0 : Math.Abs(Mean - reference) / StandardError;
}
