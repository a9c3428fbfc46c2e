namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>Wall-clock time of each run over all paths (on all cores).</summary>
/// <param name="Pricing">One pricing.</param>
/// <param name="AdjointGreeks">Price and the four first-order Greeks from the generated gradient.</param>
/// <param name="BumpGreeks">The four first-order Greeks by bump-and-revalue (eight pricings).</param>
/// <param name="AdjointGamma">Gamma from two adjoint deltas.</param>
/// <param name="BumpGamma">Gamma from three pricings.</param>
public sealed record GreekTimings(TimeSpan Pricing, TimeSpan AdjointGreeks, TimeSpan BumpGreeks, TimeSpan AdjointGamma, TimeSpan BumpGamma)
{
    /// <summary>A time in units of one pricing.</summary>
    /// <param name="time">The time.</param>
    /// <returns>time / pricing time.</returns>
    public double InPricings(TimeSpan time) => time / Pricing;
}
