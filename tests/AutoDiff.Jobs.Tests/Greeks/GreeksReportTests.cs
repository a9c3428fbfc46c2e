using AutoDiff.Samples.Greeks.Greeks;
using AutoDiff.Samples.Greeks.MonteCarlo;
using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Jobs.Tests.Greeks;

/// <summary>The sample's numbers on fewer paths: against Black–Scholes, against bump-and-revalue, and the checks that fail the run.</summary>
public class GreeksReportTests
{
    private static readonly NormalNumbers Normals = NormalNumbers.Draw(40_000, 12, seed: 2026);
    private static readonly Lazy<GreeksReport> European = new(() => GreeksCalculator.Compute(Market.Default, OptionStyle.European, Normals));
    private static readonly Lazy<GreeksReport> Asian = new(() => GreeksCalculator.Compute(Market.Default, OptionStyle.Asian, Normals));

    [Theory]
    [InlineData(Greek.Price)]
    [InlineData(Greek.Delta)]
    [InlineData(Greek.Vega)]
    [InlineData(Greek.Rho)]
    [InlineData(Greek.Theta)]
    [InlineData(Greek.Gamma)]
    public void European_greeks_of_both_methods_are_within_four_standard_errors_of_black_scholes(Greek greek)
    {
        GreekRow row = European.Value[greek];
        double exact = BlackScholes.Call(Market.Default, greek);

        Assert.Equal(exact, row.ClosedForm);
        Assert.True(row.Adjoint.StandardErrorsFrom(exact) <= 4, $"generated {row.Adjoint} vs {exact}");
        Assert.True(row.Bump.StandardErrorsFrom(exact) <= 4, $"bumped {row.Bump} vs {exact}");
        // The standard error is a fraction of the value: the estimate says something.
        Assert.InRange(row.Adjoint.StandardError, 1e-6 * Math.Abs(exact), 0.05 * Math.Abs(exact));
    }

    [Theory]
    [InlineData(OptionStyle.European)]
    [InlineData(OptionStyle.Asian)]
    public void First_order_greeks_agree_with_bump_and_revalue_on_the_same_paths(OptionStyle style)
    {
        GreeksReport report = style == OptionStyle.European ? European.Value : Asian.Value;

        foreach (GreekRow row in report.Rows.Where(row => row.Greek != Greek.Gamma))
        {
            Assert.True(
                Math.Abs(row.Adjoint.Mean - row.Bump.Mean) <= 0.05 * row.Adjoint.StandardError,
                $"{style} {row.Greek}: generated {row.Adjoint.Mean}, bumped {row.Bump.Mean}, standard error {row.Adjoint.StandardError}");
        }

        Assert.Empty(GreekChecks.Failures(report));
        Assert.Null(Asian.Value.Rows[0].ClosedForm);
    }

    [Fact]
    public void An_asian_averaging_one_date_is_the_european()
    {
        NormalNumbers oneStep = NormalNumbers.Draw(5_000, 1, seed: 3);

        Estimate[] european = MonteCarloEngine.RunSerial(oneStep, 5, PathEstimators.AdjointGreeks(Market.Default, OptionStyle.European));
        Estimate[] asian = MonteCarloEngine.RunSerial(oneStep, 5, PathEstimators.AdjointGreeks(Market.Default, OptionStyle.Asian));

        Assert.Equal(european, asian);
    }

    [Fact]
    public void A_greek_off_the_closed_form_or_off_the_bump_fails_the_checks()
    {
        GreeksReport report = European.Value;
        GreekRow delta = report[Greek.Delta];
        var shifted = delta with { Adjoint = delta.Adjoint with { Mean = delta.Adjoint.Mean + 10 * delta.Adjoint.StandardError } };
        var bumpOff = delta with { Bump = delta.Bump with { Mean = delta.Bump.Mean + 0.2 * delta.Adjoint.StandardError } };

        IReadOnlyList<string> closedFormFailures = GreekChecks.Failures(report with { Rows = [.. report.Rows.Select(r => r.Greek == Greek.Delta ? shifted : r)] });
        IReadOnlyList<string> bumpFailures = GreekChecks.Failures(report with { Rows = [.. report.Rows.Select(r => r.Greek == Greek.Delta ? bumpOff : r)] });

        Assert.Contains(closedFormFailures, f => f.Contains("European delta (generated gradient)", StringComparison.Ordinal) && f.Contains("Black–Scholes", StringComparison.Ordinal));
        Assert.Contains(bumpFailures, f => f.Contains("European delta: generated", StringComparison.Ordinal) && f.Contains("bump-and-revalue", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_run_is_timed()
    {
        GreekTimings t = European.Value.Timings;

        Assert.All(new[] { t.Pricing, t.AdjointGreeks, t.BumpGreeks, t.AdjointGamma, t.BumpGamma }, time => Assert.True(time > TimeSpan.Zero));
        Assert.Equal(1.0, t.InPricings(t.Pricing));
    }
}
