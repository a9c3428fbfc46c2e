using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;
using AutoDiff.Optim;
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
    private double[] _data = null!;
    private ParameterVector _loopFormWeights = null!;
    private double[] _initialWeights = null!;
    private double[] _initialGradient = null!;
    private Sgd _loopFormOptimizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        MoonsDataSet data = MoonsDataSet.Generate(100, noise: 0.1, seed: 1337);
        double[] weights = MoonsNetwork.InitialWeights(seed: 1337);
        _generated = EngineFactory.Create(EngineKind.Generated, data, weights, ScheduleLength);
        _tape = EngineFactory.Create(EngineKind.Tape, data, weights, ScheduleLength);
        _tensor = EngineFactory.Create(EngineKind.Tensor, data, weights, ScheduleLength);
        _data = data.ToInterleaved();
        _loopFormWeights = new ParameterVector((double[])weights.Clone());
        _loopFormOptimizer = new Sgd([_loopFormWeights], 1.0) { Schedule = LearningRateSchedule.For(ScheduleLength) };
        _initialWeights = (double[])weights.Clone();
        _initialGradient = new double[weights.Length];
        RequireSameGradient(weights);
    }

    [Benchmark(Baseline = true, Description = "generated")]
    public double Generated() => _generated.Step();

    // The same step with the loss written as += loops (MoonsLoopFormLoss): what saving every overwritten sum costs.
    [Benchmark(Description = "generated, += loop form")]
    public double GeneratedLoopForm()
    {
        double loss = MoonsLoopFormLoss.LossWithGradient(_loopFormWeights.Data, _data, 100, _loopFormWeights.Grad);
        _loopFormOptimizer.Step();
        return loss;
    }

    // The steps above keep training, and a trained network passes gradient back through fewer points and units
    // (the generated adjoint skips a statement whose gradient is zero). This is the gradient at the untrained
    // initial weights, recomputed every time: the generated code's cost before training has made anything sparse.
    [Benchmark(Description = "generated, gradient at the initial weights")]
    public double GeneratedAtInitialWeights() => MoonsLoss.LossWithGradient(_initialWeights, _data, 100, _initialGradient);

    [Benchmark(Description = "tape (Value)")]
    public double Tape() => _tape.Step();

    [Benchmark(Description = "tensor")]
    public double Tensor() => _tensor.Step();

    // The two forms must be the same function, or comparing their speed means nothing.
    private void RequireSameGradient(double[] weights)
    {
        var expected = new double[weights.Length];
        var actual = new double[weights.Length];
        MoonsLoss.LossWithGradient(weights, _data, 100, expected);
        MoonsLoopFormLoss.LossWithGradient(weights, _data, 100, actual);
        double worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        if (worst > 1e-12)
        {
            throw new InvalidOperationException($"The += loop form's gradient differs from MoonsLoss's by {worst}.");
        }
    }
}
