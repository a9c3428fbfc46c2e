using AutoDiff.Tensors.Kernels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AutoDiff.Benchmarks;

/// <summary>
/// Matrix products against the FMA peak measured in the same run: square sizes, the skinny shapes of an MNIST-sized
/// training step (batch 64 × 784 inputs × 256 hidden) and the transposed products its gradients use, batched MatMul,
/// both element types, and OpenBLAS on the same operands when it loads. Columns: GFLOP/s from the median, and the
/// fraction of the same run's peak for the element type (the higher of the peak rows before and after the group).
/// </summary>
[Config(typeof(Config))]
public class GemmBenchmark
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new GflopsColumn(), new PeakFractionColumn());
            HideColumns("Method", "Error");
            WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(60));
        }
    }

    private Tensor _a = null!, _b = null!;
    private FloatTensor _fa = null!, _fb = null!;
    private double[] _ad = null!, _bd = null!, _c = null!;
    private float[] _af = null!, _bf = null!, _fc = null!;
    private int[] _aShape = null!, _bShape = null!, _cShape = null!;

    [ParamsSource(nameof(Cases))]
    public GemmCase Case { get; set; } = null!;

    /// <summary>
    /// The rows, in order. <c>GEMM_ROWS</c> (e.g. <c>"MatMul 1024,MatMul 512"</c>) keeps only the rows whose label contains
    /// one of its comma-separated parts, plus the peak rows: BenchmarkDotNet's <c>--filter</c> does not see parameters,
    /// and a short rerun of a few rows keeps the machine's load steadier between them and their peaks.
    /// </summary>
    public static IEnumerable<GemmCase> Cases()
    {
        var parts = Environment.GetEnvironmentVariable("GEMM_ROWS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return AllCases()
            .Where(c => parts is null || c.Kind == GemmKind.Peak || parts.Any(part => c.ToString().Contains(part, StringComparison.Ordinal)))
            .Select((c, i) => c with { Position = i });
    }

    private static IEnumerable<GemmCase> AllCases()
    {
        foreach (bool isFloat in new[] { false, true })
        {
            yield return new GemmCase(GemmKind.Peak, isFloat);
            foreach (int n in new[] { 256, 512, 1024, 2048 }) yield return new GemmCase(GemmKind.MatMul, isFloat, n, n, n);
            // One training step of a 784-256-10 MLP on a batch of 64: X·W1, dW1 = Xᵀ·G, dX = G·W1ᵀ.
            yield return new GemmCase(GemmKind.MatMul, isFloat, 64, 784, 256);
            yield return new GemmCase(GemmKind.Gradient, isFloat, 784, 64, 256, TransA: true);
            yield return new GemmCase(GemmKind.Gradient, isFloat, 64, 256, 784, TransB: true);
            yield return new GemmCase(GemmKind.Gradient, isFloat, 512, 512, 512, TransA: true);
            yield return new GemmCase(GemmKind.Gradient, isFloat, 512, 512, 512, TransB: true);
            yield return new GemmCase(GemmKind.MatMul, isFloat, 256, 256, 256, Batch: 8);
            if (OpenBlas.IsAvailable)
            {
                foreach (int n in new[] { 512, 1024 }) yield return new GemmCase(GemmKind.OpenBlas, isFloat, n, n, n);
                yield return new GemmCase(GemmKind.OpenBlas, isFloat, 64, 784, 256);
            }
            // The peak again at the end of the group: the machine's load drifts over a run, and rows are read
            // against the higher of the two peaks (the conservative choice).
            yield return new GemmCase(GemmKind.Peak, isFloat) { Repeat = true };
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        if (Case.Kind == GemmKind.Peak) return;
        _aShape = Case.Batch > 1 ? [Case.Batch, Case.N, Case.K] : Case.TransA ? [Case.K, Case.N] : [Case.N, Case.K];
        _bShape = Case.Batch > 1 ? [Case.Batch, Case.K, Case.M] : Case.TransB ? [Case.M, Case.K] : [Case.K, Case.M];
        _cShape = Case.Batch > 1 ? [Case.Batch, Case.N, Case.M] : [Case.N, Case.M];
        _a = Tensor.RandomNormal(_aShape, seed: 1);
        _b = Tensor.RandomNormal(_bShape, seed: 2);
        _fa = FloatTensor.RandomNormal(_aShape, seed: 1);
        _fb = FloatTensor.RandomNormal(_bShape, seed: 2);
        (_ad, _bd, _af, _bf) = (_a.ToArray(), _b.ToArray(), _fa.ToArray(), _fb.ToArray());
        _c = new double[Case.Batch * Case.N * Case.M];
        _fc = new float[_c.Length];
    }

    [Benchmark(Description = "C = A·B")]
    public object Run() => Case switch
    {
        { Kind: GemmKind.Peak, Float: false } => PeakFma.AllCores<double>(),
        { Kind: GemmKind.Peak, Float: true } => PeakFma.AllCores<float>(),
        { Kind: GemmKind.MatMul, Float: false } => _a.MatMul(_b),
        { Kind: GemmKind.MatMul, Float: true } => _fa.MatMul(_fb),
        { Kind: GemmKind.Gradient, Float: false } => Gradient(_ad, _bd, _c),
        { Kind: GemmKind.Gradient, Float: true } => Gradient(_af, _bf, _fc),
        { Kind: GemmKind.OpenBlas, Float: false } => Blas(_ad, _bd, _c),
        _ => Blas(_af, _bf, _fc),
    };

    private object Gradient<T>(T[] a, T[] b, T[] c)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        BatchedGemm.MultiplyAdd(a, _aShape, Case.TransA, b, _bShape, Case.TransB, c, _cShape);
        return c;
    }

    private object Blas(double[] a, double[] b, double[] c)
    {
        OpenBlas.Gemm(a, b, c, Case.N, Case.K, Case.M);
        return c;
    }

    private object Blas(float[] a, float[] b, float[] c)
    {
        OpenBlas.Gemm(a, b, c, Case.N, Case.K, Case.M);
        return c;
    }
}
