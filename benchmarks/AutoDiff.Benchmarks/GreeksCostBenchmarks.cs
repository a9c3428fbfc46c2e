using AutoDiff.Samples.Greeks.Greeks;
using AutoDiff.Samples.Greeks.MonteCarlo;
using AutoDiff.Samples.Greeks.Pricing;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// What the Greeks sample's runs cost, in pricings: the same 2,000 paths of 52 steps, on one thread, through the
/// same Monte Carlo loop. The plain pricing is the baseline, so each ratio is the cost in pricings. The adjoint run
/// gives the price and four Greeks (delta, vega, rho, theta) from one call of the generated
/// <c>DiscountedCallWithGradient</c> per path; bump-and-revalue prices eight times per path for the same four.
/// </summary>
public class GreeksCostBenchmarks
{
    private NormalNumbers _normals = null!;
    private PathEstimator _price = null!;
    private PathEstimator _adjoint = null!;
    private PathEstimator _bump = null!;
    private PathEstimator _adjointGamma = null!;
    private PathEstimator _bumpGamma = null!;

    /// <summary>European or Asian call.</summary>
    [Params(OptionStyle.European, OptionStyle.Asian)]
    public OptionStyle Style { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _normals = NormalNumbers.Draw(2_000, 52, seed: 2026);
        _price = PathEstimators.Price(Market.Default, Style);
        _adjoint = PathEstimators.AdjointGreeks(Market.Default, Style);
        _bump = PathEstimators.BumpGreeks(Market.Default, Style);
        _adjointGamma = PathEstimators.AdjointGamma(Market.Default, Style);
        _bumpGamma = PathEstimators.BumpGamma(Market.Default, Style);
    }

    [Benchmark(Baseline = true, Description = "one pricing")]
    public double Pricing() => MonteCarloEngine.RunSerial(_normals, 1, _price)[0].Mean;

    [Benchmark(Description = "generated: price + 4 Greeks")]
    public double AdjointGreeks() => MonteCarloEngine.RunSerial(_normals, 5, _adjoint)[1].Mean;

    [Benchmark(Description = "bump: 4 Greeks (8 pricings)")]
    public double BumpGreeks() => MonteCarloEngine.RunSerial(_normals, 4, _bump)[0].Mean;

    [Benchmark(Description = "gamma: bumped generated delta")]
    public double AdjointGamma() => MonteCarloEngine.RunSerial(_normals, 1, _adjointGamma)[0].Mean;

    [Benchmark(Description = "gamma: second difference")]
    public double BumpGamma() => MonteCarloEngine.RunSerial(_normals, 1, _bumpGamma)[0].Mean;
}
