using AutoDiff.Samples.Moons.Cli;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Tests;

/// <summary>The README's training set (100 points, noise 0.1, the default seed) and the loss on it, shared by the gradient tests.</summary>
internal static class MoonsTestData
{
    public static readonly MoonsDataSet Data = MoonsDataSet.Generate(100, noise: 0.1, seed: MoonsOptions.DefaultSeed);

    /// <summary>The same points as the (x, y, label) triples the loss reads.</summary>
    public static readonly double[] Interleaved = Data.ToInterleaved();

    /// <summary>The sample's loss on the set.</summary>
    public static double Loss(MoonsNetwork network, double[] w) => MoonsLoss.Loss(w, network.Sizes, Interleaved, Data.Count);

    /// <summary>The generated gradient of <see cref="Loss"/>.</summary>
    public static double[] GeneratedGradient(MoonsNetwork network, double[] w, out double loss)
    {
        var gradient = new double[w.Length];
        loss = MoonsLoss.LossWithGradient(w, network.Sizes, Interleaved, Data.Count, gradient);
        return gradient;
    }

    /// <summary>Weights and biases uniform in [-1, 1): non-zero biases too, so that the bias slots of the layout are exercised.</summary>
    public static double[] RandomWeights(MoonsNetwork network, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, network.ParameterCount).Select(_ => 2.0 * random.NextDouble() - 1.0).ToArray();
    }
}
