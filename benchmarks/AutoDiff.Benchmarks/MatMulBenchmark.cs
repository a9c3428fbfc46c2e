using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AutoDiff.Benchmarks;

/// <summary>Square Tensor.MatMul (no autograd) at three sizes; GFLOP/s = 2n³ / mean time, to compare with <see cref="PeakFmaBenchmark"/>.</summary>
[Config(typeof(Config))]
public class MatMulBenchmark : IFlopCount
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new TensorGflopsColumn());
    }

    private Tensor _a = null!, _b = null!;

    [Params(256, 512, 1024)]
    public int N { get; set; }

    public double FlopsPerInvocation => 2.0 * N * N * N;

    [GlobalSetup]
    public void Setup()
    {
        _a = Tensor.RandomNormal([N, N], seed: 1);
        _b = Tensor.RandomNormal([N, N], seed: 2);
    }

    [Benchmark(Description = "Tensor.MatMul n×n")]
    public Tensor MatMul() => _a.MatMul(_b);
}
