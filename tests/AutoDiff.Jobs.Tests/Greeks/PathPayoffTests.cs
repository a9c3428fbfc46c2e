using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Jobs.Tests.Greeks;

/// <summary>The generated gradient of one path against central finite differences, and the payoff against its definition.</summary>
public class PathPayoffTests
{
    private static readonly double[] Normals = [0.3, -1.1, 0.8, 1.4, -0.2, 0.5];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generated_path_gradient_matches_finite_differences(bool asian)
    {
        // Spot 110 keeps this path's payoff in the money, away from the kink, where the derivative is smooth.
        double[] x = [110.0, 0.25, 0.03, 1.5];
        double Price(double[] p) => PathPayoff.DiscountedCall(p[0], p[1], p[2], p[3], 100.0, Normals, asian);
        double price = PathPayoff.DiscountedCallWithGradient(x[0], x[1], x[2], x[3], 100.0, Normals, asian, out double ds, out double dv, out double dr, out double dt);

        GradCheckReport report = GradCheck.Check(Price, x, [ds, dv, dr, dt]);

        Assert.Equal(Price(x), price, 12);
        Assert.True(report.IsWithin(1e-6), report.ToString());
    }

    [Fact]
    public void Payoff_follows_its_definition_step_by_step()
    {
        (double s0, double vol, double r, double t, double k) = (100.0, 0.2, 0.05, 1.0, 95.0);
        double dt = t / Normals.Length, s = s0, sum = 0.0;
        foreach (double z in Normals)
        {
            s *= Math.Exp((r - 0.5 * vol * vol) * dt + vol * Math.Sqrt(dt) * z);
            sum += s;
        }

        Assert.Equal(Math.Exp(-r * t) * Math.Max(s - k, 0.0), PathPayoff.DiscountedCall(s0, vol, r, t, k, Normals, asian: false), 12);
        Assert.Equal(Math.Exp(-r * t) * Math.Max(sum / Normals.Length - k, 0.0), PathPayoff.DiscountedCall(s0, vol, r, t, k, Normals, asian: true), 12);
    }

    [Fact]
    public void Out_of_the_money_path_has_zero_delta_vega_rho_and_theta()
    {
        double price = PathPayoff.DiscountedCallWithGradient(50.0, 0.2, 0.05, 1.0, 100.0, Normals, false, out double ds, out double dv, out double dr, out double dt);

        Assert.Equal(0.0, price);
        Assert.Equal([0.0, 0.0, 0.0, 0.0], [ds, dv, dr, dt]);
    }
}
