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

/// <summary>ADBench GMM objective, D = 4, K = 5, 50 points: primal, generated, hand-written, tape.</summary>
[MemoryDiagnoser]
public class GeneratedGmmBenchmarks
{
    private const int Points = 50;
    private double[] _alphas = null!, _means = null!, _qs = null!, _ls = null!, _x = null!;
    private double[] _dalphas = null!, _dmeans = null!, _dqs = null!, _dls = null!;
    private const double Gamma = 1.5;
    private const int M = 3;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double[] Draw(int count) => Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
        _alphas = Draw(GeneratedGmm.K);
        _means = Draw(GeneratedGmm.K * GeneratedGmm.D);
        _qs = Draw(GeneratedGmm.K * GeneratedGmm.D);
        _ls = Draw(GeneratedGmm.K * GeneratedGmm.LCount);
        _x = Draw(Points * GeneratedGmm.D).Select(v => v * 4).ToArray();
        _dalphas = new double[_alphas.Length];
        _dmeans = new double[_means.Length];
        _dqs = new double[_qs.Length];
        _dls = new double[_ls.Length];
        GeneratedGmm.ObjectiveWithGradient(_alphas, _means, _qs, _ls, _x, Gamma, M, _dalphas, _dmeans, _dqs, _dls, out var dgamma);
        double[] generated = [.. _dalphas, .. _dmeans, .. _dqs, .. _dls, dgamma];
        GeneratedGmm.ObjectiveHandWritten(_alphas, _means, _qs, _ls, _x, Gamma, M, _dalphas, _dmeans, _dqs, _dls, out var hgamma);
        GradientAgreement.Require("GMM", generated, [.. _dalphas, .. _dmeans, .. _dqs, .. _dls, hgamma]);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => GeneratedGmm.Objective(_alphas, _means, _qs, _ls, _x, Gamma, M);

    [Benchmark]
    public double Generated() =>
        GeneratedGmm.ObjectiveWithGradient(_alphas, _means, _qs, _ls, _x, Gamma, M, _dalphas, _dmeans, _dqs, _dls, out _);

    [Benchmark]
    public double HandWritten() =>
        GeneratedGmm.ObjectiveHandWritten(_alphas, _means, _qs, _ls, _x, Gamma, M, _dalphas, _dmeans, _dqs, _dls, out _);

    [Benchmark]
    public double ValueTape() =>
        GeneratedGmm.ObjectiveOnTape(
            _alphas.Select(v => new Value(v)).ToArray(), _means.Select(v => new Value(v)).ToArray(),
            _qs.Select(v => new Value(v)).ToArray(), _ls.Select(v => new Value(v)).ToArray(), _x, new Value(Gamma), M);
}
