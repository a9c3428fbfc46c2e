using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>2-layer MLP loss over a batch of 32 (8-16-1, tanh): primal, generated, hand-written backprop, tape.</summary>
[MemoryDiagnoser]
public class GeneratedMlpBenchmarks
{
    private const int Batch = 32;
    private double[] _parameters = null!, _xs = null!, _ys = null!, _gradient = null!, _dxs = null!, _dys = null!, _expected = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _parameters = Enumerable.Range(0, GeneratedMlp.ParameterCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        _xs = Enumerable.Range(0, Batch * GeneratedMlp.Inputs).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _ys = Enumerable.Range(0, Batch).Select(_ => random.NextDouble()).ToArray();
        _gradient = new double[_parameters.Length];
        _expected = new double[_parameters.Length];
        _dxs = new double[_xs.Length];
        _dys = new double[_ys.Length];
        GeneratedMlp.LossWithGradient(_parameters, _xs, _ys, _gradient);
        GeneratedMlp.LossHandWritten(_parameters, _xs, _ys, _expected);
        GradientAgreement.Require("MLP", _gradient, _expected);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => GeneratedMlp.Loss(_parameters, _xs, _ys);

    [Benchmark]
    public double Generated() => GeneratedMlp.LossWithGradient(_parameters, _xs, _ys, _gradient);

    [Benchmark]
    public double HandWritten() => GeneratedMlp.LossHandWritten(_parameters, _xs, _ys, _gradient);

    /// <summary>The gradient as one shared body would give it: the pullback with seed 1 into a cleared adjoint.</summary>
    [Benchmark]
    public double PullbackWithSeedOne()
    {
        _gradient.AsSpan().Clear();
        GeneratedMlp.LossPullback(_parameters, _xs, _ys, 1.0, _gradient);
        return _gradient[0];
    }

    [Benchmark]
    public double ValueTape() => GeneratedMlp.LossOnTape(_parameters.Select(p => new Value(p)).ToArray(), _xs, _ys);
}

/// <summary>
/// A small ADBench GMM (d = 4, K = 5, 50 points): objective, generated and hand-written gradients, and the runtime
/// tape, which the ADBench-size table (<see cref="GmmAdBenchBenchmarks"/>) leaves out.
/// </summary>
[MemoryDiagnoser]
public class GeneratedGmmBenchmarks
{
    private GmmInput _input = null!;
    private GmmGradient _gradient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = GmmInput.Generate(d: 4, k: 5, n: 50, seed: 7);
        _gradient = GmmAgreement.Require(_input);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => _input.Objective();

    [Benchmark]
    public double Generated() => _input.GeneratedGradient(_gradient);

    [Benchmark]
    public double HandWritten() => _input.HandWrittenGradient(_gradient);

    [Benchmark]
    public double ValueTape() =>
        GeneratedGmm.ObjectiveOnTape(
            _input.Alphas.Select(v => new Value(v)).ToArray(), _input.Means.Select(v => new Value(v)).ToArray(),
            _input.Icf.Select(v => new Value(v)).ToArray(), _input.X, _input.Gamma, _input.M, _input.D, _input.K);
}
