using AutoDiff.Samples.Greeks.Greeks;
using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Jobs.Tests.Greeks;

/// <summary>The closed form the Monte Carlo Greeks are judged by, checked itself: a textbook value and its own derivatives.</summary>
public class BlackScholesTests
{
    [Fact]
    public void Price_of_the_textbook_at_the_money_call()
    {
        // S = K = 100, σ = 0.2, r = 0.05, T = 1: d1 = 0.35, d2 = 0.15, C = 100 N(0.35) − 100 e^−0.05 N(0.15) = 10.4506 (Hull).
        Assert.Equal(10.450583572185565, BlackScholes.Call(Market.Default, Greek.Price), 12);
        Assert.Equal(0.6368306511756191, BlackScholes.Call(Market.Default, Greek.Delta), 12);
    }

    [Theory]
    [InlineData(100.0, 0.2, 0.05, 1.0, 100.0)]
    [InlineData(90.0, 0.35, 0.01, 0.5, 100.0)]
    [InlineData(120.0, 0.15, 0.08, 2.0, 100.0)]
    public void Greeks_are_the_derivatives_of_the_closed_form_price(double spot, double vol, double rate, double maturity, double strike)
    {
        var m = new Market(spot, vol, rate, maturity, strike);
        double Price(Market market) => BlackScholes.Call(market, Greek.Price);
        const double h = 1e-4;

        // Central differences with h = 1e-4 are exact to O(h²): about 1e-8 relative for these smooth functions.
        AssertClose((Price(m with { Spot = spot + h }) - Price(m with { Spot = spot - h })) / (2 * h), BlackScholes.Call(m, Greek.Delta));
        AssertClose((Price(m with { Volatility = vol + h }) - Price(m with { Volatility = vol - h })) / (2 * h), BlackScholes.Call(m, Greek.Vega));
        AssertClose((Price(m with { Rate = rate + h }) - Price(m with { Rate = rate - h })) / (2 * h), BlackScholes.Call(m, Greek.Rho));
        AssertClose(-(Price(m with { Maturity = maturity + h }) - Price(m with { Maturity = maturity - h })) / (2 * h), BlackScholes.Call(m, Greek.Theta));
        AssertClose((Price(m with { Spot = spot + 1e-2 }) - 2 * Price(m) + Price(m with { Spot = spot - 1e-2 })) / 1e-4, BlackScholes.Call(m, Greek.Gamma));
    }

    private static void AssertClose(double numeric, double closedForm) =>
        Assert.True(Math.Abs(numeric - closedForm) <= 1e-7 * Math.Abs(closedForm), $"finite differences {numeric}, closed form {closedForm}");
}
