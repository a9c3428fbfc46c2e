namespace AutoDiff.Samples.Greeks.Pricing;

/// <summary>The inputs a Greek is a derivative with respect to, and the contract's strike.</summary>
/// <param name="Spot">Today's price of the underlying, S(0).</param>
/// <param name="Volatility">Black–Scholes volatility σ per year.</param>
/// <param name="Rate">Continuously compounded risk-free rate r per year.</param>
/// <param name="Maturity">Time to expiry T in years.</param>
/// <param name="Strike">The call's strike K.</param>
public sealed record Market(double Spot, double Volatility, double Rate, double Maturity, double Strike)
{
    /// <summary>An at-the-money one-year call: S = K = 100, σ = 20%, r = 5%.</summary>
    public static Market Default { get; } = new(100.0, 0.2, 0.05, 1.0, 100.0);

    /// <summary>This market with the spot replaced.</summary>
    /// <param name="spot">The new spot.</param>
    /// <returns>The bumped market.</returns>
    public Market WithSpot(double spot) => this with { Spot = spot };
}
