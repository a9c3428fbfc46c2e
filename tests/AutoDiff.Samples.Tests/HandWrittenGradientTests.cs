using AutoDiff.Benchmarks;
using AutoDiff.Samples.Moons.Model;
using static AutoDiff.Samples.Tests.MoonsTestData;

namespace AutoDiff.Samples.Tests;

/// <summary>
/// The benchmarks' hand-written backward pass (<see cref="MlpHandWrittenGradient"/>) is the same function as the
/// generated gradient of <see cref="MoonsLoss.Loss"/> it is timed against, and agrees with finite differences.
/// </summary>
public class HandWrittenGradientTests
{
    [Theory]
    [InlineData(new[] { 16, 16 }, 1337)]
    [InlineData(new[] { 64, 64 }, 1337)]
    [InlineData(new[] { 8 }, 3)]
    [InlineData(new[] { 5, 7, 3 }, 4)]
    public void Hand_written_gradient_equals_the_generated_gradient(int[] hidden, int seed)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = RandomWeights(network, seed);
        double[] generated = GeneratedGradient(network, w, out double generatedLoss);

        double[] handWritten = HandWritten(network, w, out double handWrittenLoss);

        Assert.Equal(generatedLoss, handWrittenLoss, 1e-12 * generatedLoss);
        double worst = generated.Zip(handWritten, (g, h) => Math.Abs(g - h)).Max();
        Assert.True(worst <= 1e-12 * generated.Max(Math.Abs), $"worst difference {worst:G3}");
    }

    [Fact]
    public void Hand_written_gradient_matches_central_finite_differences_where_margins_are_met_too()
    {
        // Weights scaled up so that many points meet their margin: the skipped points must contribute nothing.
        var network = new MoonsNetwork([5, 7, 3]);
        double[] w = RandomWeights(network, seed: 8).Select(v => 3 * v).ToArray();

        GradCheckReport report = GradCheck.Check(x => Loss(network, x), w, HandWritten(network, w, out _));

        Assert.True(report.IsWithin(1e-7), report.ToString());
    }

    private static double[] HandWritten(MoonsNetwork network, double[] w, out double loss)
    {
        var gradient = new double[w.Length];
        loss = MlpHandWrittenGradient.LossWithGradient(w, network.Sizes, Interleaved, Data.Count, gradient);
        return gradient;
    }
}
