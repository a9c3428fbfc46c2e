using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// One training step of micrograd's moons demo (MLP 2-16-16-1, 100 points, hinge loss + L2, gradient and SGD
/// update) on each engine, all from the same initial weights. The generated gradient is the baseline.
/// </summary>
[MemoryDiagnoser]
public class MoonsTrainingStepBenchmarks
{
    // The learning rate decays over this many steps; long enough that it stays near micrograd's first rate
    // however many steps BenchmarkDotNet runs.
    private const int ScheduleLength = 100_000_000;

    private ITrainingEngine _generated = null!;
    private ITrainingEngine _tape = null!;
    private ITrainingEngine _tensor = null!;
    private int[] _sizes = null!;
    private double[] _data = null!;
    private double[] _initialWeights = null!;
    private double[] _initialGradient = null!;

    [GlobalSetup]
    public void Setup()
    {
        MoonsNetwork network = MoonsNetwork.Default;
        MoonsDataSet data = MoonsDataSet.Generate(100, noise: 0.1, seed: 1337);
        double[] weights = network.InitialWeights(seed: 1337);
        _generated = EngineFactory.Create(EngineKind.Generated, network, data, weights, ScheduleLength);
        _tape = EngineFactory.Create(EngineKind.Tape, network, data, weights, ScheduleLength);
        _tensor = EngineFactory.Create(EngineKind.Tensor, network, data, weights, ScheduleLength);
        _sizes = network.Sizes.ToArray();
        _data = data.ToInterleaved();
        _initialWeights = (double[])weights.Clone();
        _initialGradient = new double[weights.Length];
    }

    [Benchmark(Baseline = true, Description = "generated")]
    public double Generated() => _generated.Step();

    // The steps above keep training, and a trained network passes gradient back through fewer points and units
    // (the generated adjoint skips a statement whose gradient is zero). This is the gradient at the untrained
    // initial weights, recomputed every time: the generated code's cost before training has made anything sparse.
    [Benchmark(Description = "generated, gradient at the initial weights")]
    public double GeneratedAtInitialWeights() => MoonsLoss.LossWithGradient(_initialWeights, _sizes, _data, 100, _initialGradient);

    [Benchmark(Description = "tape (Value)")]
    public double Tape() => _tape.Step();

    [Benchmark(Description = "tensor")]
    public double Tensor() => _tensor.Step();
}
