using System.Diagnostics;
using AutoDiff.Samples.Greeks.MonteCarlo;
using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Samples.Greeks.Greeks;

/// <summary>Prices an option and computes its Greeks both ways on the same normals, timing each run.</summary>
public static class GreeksCalculator
{
    /// <summary>
    /// Every run is repeated this many times, in rounds that visit each kind once, and the fastest time of each
    /// kind is kept: the machine may be shared, and interleaving exposes every kind to the same load.
    /// </summary>
    public const int Rounds = 5;

    /// <summary>The kinds of run: pricing, adjoint Greeks, bumped Greeks, adjoint gamma, bumped gamma.</summary>
    public const int RunKinds = 5;

    /// <summary>Runs over all paths per option.</summary>
    public const int RunsPerOption = RunKinds * Rounds;

    /// <summary>Computes the report of one option.</summary>
    /// <param name="market">The market and strike.</param>
    /// <param name="style">European or Asian.</param>
    /// <param name="normals">The shared normal numbers.</param>
    /// <param name="onPathsDone">Progress: called with a number of paths each time a block of them is done, in any of the runs.</param>
    /// <returns>The rows and the timings.</returns>
    public static GreeksReport Compute(Market market, OptionStyle style, NormalNumbers normals, Action<int>? onPathsDone = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(normals);
        (int Columns, PathEstimator Estimator)[] runs =
        [
            (1, PathEstimators.Price(market, style)),
            (5, PathEstimators.AdjointGreeks(market, style)),
            (4, PathEstimators.BumpGreeks(market, style)),
            (1, PathEstimators.AdjointGamma(market, style)),
            (1, PathEstimators.BumpGamma(market, style)),
        ];
        var results = new Estimate[RunKinds][];
        var fastest = Enumerable.Repeat(TimeSpan.MaxValue, RunKinds).ToArray();
        for (int round = 0; round < Rounds; round++)
        {
            for (int kind = 0; kind < RunKinds; kind++)
            {
                var clock = Stopwatch.StartNew();
                results[kind] = MonteCarloEngine.Run(normals, runs[kind].Columns, runs[kind].Estimator, onPathsDone);
                fastest[kind] = clock.Elapsed < fastest[kind] ? clock.Elapsed : fastest[kind];
            }
        }

        (Estimate[] price, Estimate[] adjoint, Estimate[] bump, Estimate[] adjointGamma, Estimate[] bumpGamma) =
            (results[0], results[1], results[2], results[3], results[4]);
        double? Reference(Greek greek) => style == OptionStyle.European ? BlackScholes.Call(market, greek) : null;
        var rows = new List<GreekRow> { new(Greek.Price, adjoint[0], price[0], Reference(Greek.Price)) };
        for (int k = 0; k < PathEstimators.FirstOrder.Length; k++)
        {
            Greek greek = PathEstimators.FirstOrder[k];
            rows.Add(new GreekRow(greek, adjoint[k + 1], bump[k], Reference(greek)));
        }

        rows.Add(new GreekRow(Greek.Gamma, adjointGamma[0], bumpGamma[0], Reference(Greek.Gamma)));
        return new GreeksReport(style, rows, new GreekTimings(fastest[0], fastest[1], fastest[2], fastest[3], fastest[4]));
    }
}
