using AutoDiff.Samples.Greeks.Pricing;
using MathNet.Numerics.Distributions;

namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>The European call's closed form and its Greeks (Black–Scholes, no dividends): the independent reference.</summary>
public static class BlackScholes
{
    /// <summary>The closed-form value of <paramref name="greek"/> for a European call.</summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="greek">Which number.</param>
    /// <returns>The value.</returns>
    public static double Call(Market market, Greek greek)
    {
        ArgumentNullException.ThrowIfNull(market);
        (double s, double sigma, double r, double t, double k) = (market.Spot, market.Volatility, market.Rate, market.Maturity, market.Strike);
        double sqrtT = Math.Sqrt(t);
        double d1 = (Math.Log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        double discountedStrike = k * Math.Exp(-r * t);
        double density = Normal.PDF(0.0, 1.0, d1);
        return greek switch
        {
            Greek.Price => s * Normal.CDF(0.0, 1.0, d1) - discountedStrike * Normal.CDF(0.0, 1.0, d2),
            Greek.Delta => Normal.CDF(0.0, 1.0, d1),
            Greek.Vega => s * density * sqrtT,
            Greek.Rho => t * discountedStrike * Normal.CDF(0.0, 1.0, d2),
            Greek.Theta => -s * density * sigma / (2 * sqrtT) - r * discountedStrike * Normal.CDF(0.0, 1.0, d2),
            Greek.Gamma => density / (s * sigma * sqrtT),
            _ => throw new ArgumentOutOfRangeException(nameof(greek), greek, "Not a Greek of this table."),
        };
    }
}
