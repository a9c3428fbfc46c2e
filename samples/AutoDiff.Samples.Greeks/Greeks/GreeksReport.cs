using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>Everything measured for one option.</summary>
/// <param name="Style">European or Asian.</param>
/// <param name="Rows">Price, delta, vega, rho, theta, gamma.</param>
/// <param name="Timings">How long each kind of run took.</param>
public sealed record GreeksReport(OptionStyle Style, IReadOnlyList<GreekRow> Rows, GreekTimings Timings)
{
    /// <summary>The row of <paramref name="greek"/>.</summary>
    /// <param name="greek">Which number.</param>
    /// <returns>Its row.</returns>
    public GreekRow this[Greek greek] => Rows.Single(row => row.Greek == greek);
}
