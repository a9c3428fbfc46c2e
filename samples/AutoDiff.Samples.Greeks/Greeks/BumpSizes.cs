namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>
/// The finite-difference steps of bump-and-revalue. First-order Greeks use central differences with small
/// steps: on common random numbers each path's difference quotient is then its pathwise derivative up to
/// O(h²), except on the few paths whose payoff kink falls inside the bump. Gamma needs a wider step: a second
/// difference of a kinked payoff is non-zero only on paths within h of the strike, so its variance grows like 1/h.
/// </summary>
public static class BumpSizes
{
    /// <summary>Spot step for delta, relative to the spot.</summary>
    public const double RelativeSpot = 1e-4;

    /// <summary>Absolute volatility step for vega.</summary>
    public const double Volatility = 1e-4;

    /// <summary>Absolute rate step for rho.</summary>
    public const double Rate = 1e-4;

    /// <summary>Maturity step for theta, in years.</summary>
    public const double Maturity = 1e-4;

    /// <summary>Spot step for gamma (both methods), relative to the spot.</summary>
    public const double RelativeGammaSpot = 1e-2;
}
