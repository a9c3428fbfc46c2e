using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>A 1,000-element dot product: the primal, the generated gradient and a hand-written one, in one run.</summary>
[MemoryDiagnoser]
public class DotProductBenchmarks
{
    private const int Length = 1000;
    private double[] _w = null!, _x = null!, _dw = null!, _dx = null!;

    [GlobalSetup]
    public void Setup()
    {
        _w = ScalarPoints.Draw(Length, seed: 3);
        _x = ScalarPoints.Draw(Length, seed: 4);
        _dw = new double[Length];
        _dx = new double[Length];
        var expectedW = new double[Length];
        var expectedX = new double[Length];
        double value = DotProduct.DotWithGradient(_w, _x, _dw, _dx);
        double handWritten = DotProduct.DotHandWritten(_w, _x, expectedW, expectedX);
        GradientAgreement.Require("Dot", [value, .. _dw, .. _dx], [handWritten, .. expectedW, .. expectedX]);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => DotProduct.Dot(_w, _x);

    [Benchmark]
    public double Generated() => DotProduct.DotWithGradient(_w, _x, _dw, _dx);

    [Benchmark]
    public double HandWritten() => DotProduct.DotHandWritten(_w, _x, _dw, _dx);
}
