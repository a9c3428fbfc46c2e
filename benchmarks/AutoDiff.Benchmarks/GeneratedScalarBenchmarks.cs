using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// Rosenbrock: value alone (baseline) against the generated gradient, a hand-derived one, the tape and finite
/// differences. Each operation is one evaluation; a batch of points keeps the timer far above its resolution.
/// </summary>
[MemoryDiagnoser]
public class GeneratedRosenbrockBenchmarks
{
    private const int Points = 1024;
    private double _x = -1.2, _y = 1.0;
    private readonly double[] _xs = ScalarPoints.Draw(Points, 1);
    private readonly double[] _ys = ScalarPoints.Draw(Points, 2);

    [GlobalSetup]
    public void Check()
    {
        GeneratedFunctions.RosenbrockWithGradient(_x, _y, out var dx, out var dy);
        GeneratedFunctions.RosenbrockHandWritten(_x, _y, out var hx, out var hy);
        GradientAgreement.Require("Rosenbrock", [dx, dy], [hx, hy]);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public double Primal()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            sum += GeneratedFunctions.Rosenbrock(_xs[i], _ys[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double Generated()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            sum += GeneratedFunctions.RosenbrockWithGradient(_xs[i], _ys[i], out var dx, out var dy) + dx + dy;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double HandWritten()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            sum += GeneratedFunctions.RosenbrockHandWritten(_xs[i], _ys[i], out var dx, out var dy) + dx + dy;
        }

        return sum;
    }

    /// <summary>
    /// The gradient as one shared body would give it: the pullback with seed 1 into zeroed adjoints. Measures what
    /// generating the sweeps once, for both entry points, would cost the gradient (docs/how-it-works.md).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public double PullbackWithSeedOne()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            double dx = 0, dy = 0;
            GeneratedFunctions.RosenbrockPullback(_xs[i], _ys[i], 1.0, ref dx, ref dy);
            sum += dx + dy;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double ValueTape()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            Value x = new(_xs[i]), y = new(_ys[i]);
            var f = ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));
            f.Backward();
            sum += f.Data + x.Grad + y.Grad;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double CentralDifferences()
    {
        const double h = 1e-6;
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            double x = _xs[i], y = _ys[i];
            var dx = (GeneratedFunctions.Rosenbrock(x + h, y) - GeneratedFunctions.Rosenbrock(x - h, y)) / (2 * h);
            var dy = (GeneratedFunctions.Rosenbrock(x, y + h) - GeneratedFunctions.Rosenbrock(x, y - h)) / (2 * h);
            sum += GeneratedFunctions.Rosenbrock(x, y) + dx + dy;
        }

        return sum;
    }
}

/// <summary>A 20-term function of four variables, same comparisons.</summary>
[MemoryDiagnoser]
public class GeneratedTerms20Benchmarks
{
    private double _x = 0.3, _y = -0.7, _z = 1.1, _w = 0.4;

    [GlobalSetup]
    public void Check()
    {
        GeneratedFunctions.Terms20WithGradient(_x, _y, _z, _w, out var dx, out var dy, out var dz, out var dw);
        GeneratedFunctions.Terms20HandWritten(_x, _y, _z, _w, out var hx, out var hy, out var hz, out var hw);
        GradientAgreement.Require("Terms20", [dx, dy, dz, dw], [hx, hy, hz, hw]);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => GeneratedFunctions.Terms20(_x, _y, _z, _w);

    [Benchmark]
    public double Generated() =>
        GeneratedFunctions.Terms20WithGradient(_x, _y, _z, _w, out var dx, out var dy, out var dz, out var dw) + dx + dy + dz + dw;

    [Benchmark]
    public double HandWritten() =>
        GeneratedFunctions.Terms20HandWritten(_x, _y, _z, _w, out var dx, out var dy, out var dz, out var dw) + dx + dy + dz + dw;

    [Benchmark]
    public double ValueTape()
    {
        Value x = new(_x), y = new(_y), z = new(_z), w = new(_w);
        var f = (x * y) + (y * z) + (z * w) + (w * x)
            + ValueMath.Sin(x) + ValueMath.Cos(y) + ValueMath.Exp(0.1 * z) + ValueMath.Log(1 + (w * w))
            + (x * x * y) + (y * y * z) + (z * z * w) + (w * w * x)
            + ValueMath.Tanh(x - y) + ValueMath.Sqrt(1 + (z * z)) + (x / (1 + (y * y))) + ValueMath.Atan(z * w)
            + (0.5 * x * x) + (0.25 * y * y * y) + ValueMath.Sin(x * z) + ValueMath.Cos(y * w);
        f.Backward();
        return f.Data + x.Grad + y.Grad + z.Grad + w.Grad;
    }

    [Benchmark]
    public double CentralDifferences()
    {
        const double h = 1e-6;
        var dx = (GeneratedFunctions.Terms20(_x + h, _y, _z, _w) - GeneratedFunctions.Terms20(_x - h, _y, _z, _w)) / (2 * h);
        var dy = (GeneratedFunctions.Terms20(_x, _y + h, _z, _w) - GeneratedFunctions.Terms20(_x, _y - h, _z, _w)) / (2 * h);
        var dz = (GeneratedFunctions.Terms20(_x, _y, _z + h, _w) - GeneratedFunctions.Terms20(_x, _y, _z - h, _w)) / (2 * h);
        var dw = (GeneratedFunctions.Terms20(_x, _y, _z, _w + h) - GeneratedFunctions.Terms20(_x, _y, _z, _w - h)) / (2 * h);
        return GeneratedFunctions.Terms20(_x, _y, _z, _w) + dx + dy + dz + dw;
    }
}

/// <summary>Reproducible benchmark inputs in [-1.5, 1.5].</summary>
internal static class ScalarPoints
{
    public static double[] Draw(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 3) - 1.5).ToArray();
    }
}

/// <summary>Stops a benchmark run whose gradients disagree: a fast wrong gradient is not a result.</summary>
internal static class GradientAgreement
{
    public static void Require(string name, double[] generated, double[] expected)
    {
        for (var i = 0; i < generated.Length; i++)
        {
            if (Math.Abs(generated[i] - expected[i]) > 1e-9 * Math.Max(1, Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"{name}: generated gradient[{i}] = {generated[i]} but hand-written = {expected[i]}");
            }
        }
    }
}
