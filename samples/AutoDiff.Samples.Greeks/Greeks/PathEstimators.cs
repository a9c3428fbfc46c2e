using AutoDiff.Samples.Greeks.MonteCarlo;
using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>
/// The per-path computations behind each column of the table. Each path's estimates are averaged by
/// <see cref="MonteCarloEngine"/>; their spread over paths gives the standard errors.
/// </summary>
public static class PathEstimators
{
    /// <summary>Columns of <see cref="AdjointGreeks"/> and <see cref="BumpGreeks"/>' first four: the first-order Greeks.</summary>
    public static readonly Greek[] FirstOrder = [Greek.Delta, Greek.Vega, Greek.Rho, Greek.Theta];

    /// <summary>One pricing: the discounted payoff.</summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="style">European or Asian.</param>
    /// <returns>An estimator with one column.</returns>
    public static PathEstimator Price(Market market, OptionStyle style) =>
        (normals, estimates) => estimates[0] = Payoff(market, style, normals);

    /// <summary>
    /// The generated gradient: price, delta, vega, rho and theta of the path from one call of
    /// <c>DiscountedCallWithGradient</c> (one primal and one adjoint sweep, whatever the number of Greeks).
    /// </summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="style">European or Asian.</param>
    /// <returns>An estimator with five columns: price, then <see cref="FirstOrder"/>.</returns>
    public static PathEstimator AdjointGreeks(Market market, OptionStyle style) =>
        (normals, estimates) =>
        {
            estimates[0] = PathPayoff.DiscountedCallWithGradient(
                market.Spot, market.Volatility, market.Rate, market.Maturity, market.Strike, normals, style == OptionStyle.Asian,
                out double delta, out double vega, out double rho, out double dMaturity);
            estimates[1] = delta;
            estimates[2] = vega;
            estimates[3] = rho;
            estimates[4] = -dMaturity;
        };

    /// <summary>Bump-and-revalue: each first-order Greek by a central difference, two pricings per Greek.</summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="style">European or Asian.</param>
    /// <returns>An estimator with four columns, <see cref="FirstOrder"/>.</returns>
    public static PathEstimator BumpGreeks(Market market, OptionStyle style)
    {
        double h = BumpSizes.RelativeSpot * market.Spot;
        Market[] up =
        [
            market with { Spot = market.Spot + h },
            market with { Volatility = market.Volatility + BumpSizes.Volatility },
            market with { Rate = market.Rate + BumpSizes.Rate },
            market with { Maturity = market.Maturity - BumpSizes.Maturity },
        ];
        Market[] down =
        [
            market with { Spot = market.Spot - h },
            market with { Volatility = market.Volatility - BumpSizes.Volatility },
            market with { Rate = market.Rate - BumpSizes.Rate },
            market with { Maturity = market.Maturity + BumpSizes.Maturity },
        ];
        // Theta is −∂V/∂T, so its "up" scenario is the shorter maturity.
        double[] widths = [2 * h, 2 * BumpSizes.Volatility, 2 * BumpSizes.Rate, 2 * BumpSizes.Maturity];
        return (normals, estimates) =>
        {
            for (int k = 0; k < widths.Length; k++)
            {
                estimates[k] = (Payoff(up[k], style, normals) - Payoff(down[k], style, normals)) / widths[k];
            }
        };
    }

    /// <summary>Gamma as the central difference of the generated (adjoint) delta: two adjoint sweeps.</summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="style">European or Asian.</param>
    /// <returns>An estimator with one column.</returns>
    public static PathEstimator AdjointGamma(Market market, OptionStyle style)
    {
        double h = BumpSizes.RelativeGammaSpot * market.Spot;
        Market up = market.WithSpot(market.Spot + h), down = market.WithSpot(market.Spot - h);
        return (normals, estimates) => estimates[0] = (AdjointDelta(up, style, normals) - AdjointDelta(down, style, normals)) / (2 * h);
    }

    /// <summary>Gamma by bump-and-revalue: the second difference of the price, three pricings.</summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="style">European or Asian.</param>
    /// <returns>An estimator with one column.</returns>
    public static PathEstimator BumpGamma(Market market, OptionStyle style)
    {
        double h = BumpSizes.RelativeGammaSpot * market.Spot;
        Market up = market.WithSpot(market.Spot + h), down = market.WithSpot(market.Spot - h);
        return (normals, estimates) =>
            estimates[0] = (Payoff(up, style, normals) - 2 * Payoff(market, style, normals) + Payoff(down, style, normals)) / (h * h);
    }

    private static double Payoff(Market market, OptionStyle style, ReadOnlySpan<double> normals) =>
        PathPayoff.DiscountedCall(market.Spot, market.Volatility, market.Rate, market.Maturity, market.Strike, normals, style == OptionStyle.Asian);

    private static double AdjointDelta(Market market, OptionStyle style, ReadOnlySpan<double> normals)
    {
        PathPayoff.DiscountedCallWithGradient(
            market.Spot, market.Volatility, market.Rate, market.Maturity, market.Strike, normals, style == OptionStyle.Asian,
            out double delta, out _, out _, out _);
        return delta;
    }
}
