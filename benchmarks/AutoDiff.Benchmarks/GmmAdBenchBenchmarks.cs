using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// ADBench's GMM table (arXiv:1807.10129): the objective, the generated gradient and a hand-written gradient at
/// ADBench's sizes, each size in one run with the objective as its baseline, so gradient / objective is read
/// from the Ratio column. The setup stops the run unless both gradients agree to 1e-10.
/// </summary>
[MemoryDiagnoser]
public class GmmAdBenchBenchmarks
{
    private GmmInput _input = null!;
    private GmmGradient _gradient = null!;

    [ParamsSource(nameof(Sizes))]
    public GmmSize Size { get; set; } = null!;

    /// <summary>d in {2, 10, 20, 32, 64} by K in {5, 10, 25, 50, 100, 200} at N = 1,000, and d = 10, K = 25 at N = 10,000.</summary>
    public static IEnumerable<GmmSize> Sizes() =>
        (from d in new[] { 2, 10, 20, 32, 64 }
         from k in new[] { 5, 10, 25, 50, 100, 200 }
         select new GmmSize(d, k, 1000))
        .Append(new GmmSize(10, 25, 10_000));

    [GlobalSetup]
    public void Setup()
    {
        _input = GmmInput.Generate(Size.D, Size.K, Size.N, seed: 1807_10129);
        _gradient = GmmAgreement.Require(_input);
    }

    [Benchmark(Baseline = true)]
    public double Objective() => _input.Objective();

    [Benchmark]
    public double Generated() => _input.GeneratedGradient(_gradient);

    [Benchmark]
    public double HandWritten() => _input.HandWrittenGradient(_gradient);
}

/// <summary>One ADBench GMM size; its text is the benchmark table's parameter column.</summary>
public sealed record GmmSize(int D, int K, int N)
{
    public override string ToString() => $"d={D} K={K} N={N}";
}
