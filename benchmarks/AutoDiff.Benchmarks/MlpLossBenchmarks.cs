using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// The moons sample's loss as users write it (<see cref="MoonsLoss.Loss"/>: loops over layer sizes), on 100 points of
/// the two-moons set: its primal, the gradient the generator writes for it, and a gradient written by hand over the
/// same loops (<see cref="MlpHandWrittenGradient"/>, the baseline), for micrograd's 2-16-16-1 and a wider 2-64-64-1,
/// at the untrained initial weights and after the sample's 100 training steps (when most points meet their margin
/// and pass no gradient back).
/// </summary>
[MemoryDiagnoser]
public class MlpLossBenchmarks
{
    private const int Points = 100;

    private int[] _sizes = null!;
    private double[] _data = null!;
    private double[] _weights = null!;
    private double[] _gradient = null!;

    /// <summary>The hidden layer widths.</summary>
    [Params("16,16", "64,64")]
    public string Hidden { get; set; } = "16,16";

    /// <summary>Where the weights are.</summary>
    [Params(WeightsState.Initial, WeightsState.Trained)]
    public WeightsState Weights { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var network = new MoonsNetwork(Hidden.Split(',').Select(int.Parse).ToArray());
        MoonsDataSet data = MoonsDataSet.Generate(Points, noise: 0.1, seed: 1337);
        _sizes = network.Sizes.ToArray();
        _data = data.ToInterleaved();
        _weights = network.InitialWeights(seed: 1337);
        if (Weights == WeightsState.Trained)
        {
            ITrainingEngine engine = EngineFactory.Create(EngineKind.Generated, network, data, _weights, steps: 100);
            _weights = MoonsTrainer.Train(engine, data, steps: 100).FinalWeights;
        }

        _gradient = new double[_weights.Length];
        RequireSameGradient();
    }

    [Benchmark(Description = "primal")]
    public double Primal() => MoonsLoss.Loss(_weights, _sizes, _data, Points);

    [Benchmark(Description = "generated")]
    public double Generated() => MoonsLoss.LossWithGradient(_weights, _sizes, _data, Points, _gradient);

    [Benchmark(Baseline = true, Description = "hand-written")]
    public double HandWritten() => MlpHandWrittenGradient.LossWithGradient(_weights, _sizes, _data, Points, _gradient);

    // The two gradients must be the same function, or comparing their speed means nothing.
    private void RequireSameGradient()
    {
        var generated = new double[_weights.Length];
        var handWritten = new double[_weights.Length];
        double generatedLoss = MoonsLoss.LossWithGradient(_weights, _sizes, _data, Points, generated);
        double handWrittenLoss = MlpHandWrittenGradient.LossWithGradient(_weights, _sizes, _data, Points, handWritten);
        double scale = generated.Max(Math.Abs);
        double worst = generated.Zip(handWritten, (g, h) => Math.Abs(g - h)).Max();
        if (worst > 1e-12 * scale || Math.Abs(generatedLoss - handWrittenLoss) > 1e-12 * Math.Abs(generatedLoss))
        {
            throw new InvalidOperationException(
                $"The hand-written gradient differs from the generated one by {worst:G3} (scale {scale:G3}), the loss by {Math.Abs(generatedLoss - handWrittenLoss):G3}.");
        }
    }

    /// <summary>Where the benchmark's weights come from.</summary>
    public enum WeightsState
    {
        /// <summary>micrograd's initialisation with seed 1337.</summary>
        Initial,

        /// <summary>After the sample's 100 SGD steps from there.</summary>
        Trained,
    }
}
