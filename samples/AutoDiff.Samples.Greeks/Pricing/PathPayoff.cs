namespace AutoDiff.Samples.Greeks.Pricing;

/// <summary>
/// One Monte Carlo path of a call under geometric Brownian motion, discounted — written the way a quant writes
/// it, and differentiated by the generator: <c>DiscountedCallWithGradient</c> returns the path's price and its
/// pathwise derivatives with respect to spot, volatility, rate and maturity in one adjoint sweep.
/// </summary>
public static partial class PathPayoff
{
    /// <summary>The discounted payoff of one path.</summary>
    /// <param name="spot">Today's price of the underlying, S(0).</param>
    /// <param name="volatility">Black–Scholes volatility σ (per year).</param>
    /// <param name="rate">Continuously compounded risk-free rate r (per year).</param>
    /// <param name="maturity">Time to expiry T in years.</param>
    /// <param name="strike">Strike K; a contract term, not a risk factor.</param>
    /// <param name="normals">One standard normal number per time step: the path's randomness, fixed outside.</param>
    /// <param name="asian">True for the arithmetic-average call, false for the European call.</param>
    /// <returns>e^(−rT) · max(A − K, 0) with A the average (Asian) or final (European) spot.</returns>
    // The log-Euler step is exact for GBM, so the European price converges to Black–Scholes with no time bias.
    // The style is a bool because the generator rejects `style == OptionStyle.Asian` on an enum parameter (AD0004,
    // reported with a reproducer for the generator rewrite); OptionStyle stays the sample's public vocabulary.
    [Differentiable]
    public static double DiscountedCall(
        double spot,
        double volatility,
        double rate,
        double maturity,
        [NoDerivative] double strike,
        [NoDerivative] ReadOnlySpan<double> normals,
        bool asian)
    {
        int steps = normals.Length;
        double dt = maturity / steps;
        double drift = (rate - 0.5 * volatility * volatility) * dt;
        double diffusion = volatility * Math.Sqrt(dt);
        double s = spot;
        double sum = 0.0;
        for (int i = 0; i < steps; i++)
        {
            s *= Math.Exp(drift + diffusion * normals[i]);
            sum += s;
        }

        double underlying = asian ? sum / steps : s;
        return Math.Exp(-rate * maturity) * Math.Max(underlying - strike, 0.0);
    }
}
