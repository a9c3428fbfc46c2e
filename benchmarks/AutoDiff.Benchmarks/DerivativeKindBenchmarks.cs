using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AutoDiff.Benchmarks;

/// <summary>
/// What each derivative kind costs against the one it is measured by, in one run: the pushforward against the
/// primal (target ≤ 2×), the Hessian-vector product against the gradient (target ≤ 4×), and the full Hessian of a
/// 10-input function by <c>WithHessian</c> against ten Hessian-vector products and against central differences of
/// the gradient. Each category has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DerivativeKindBenchmarks
{
    private const int Inputs = 10;
    private readonly double[] _x = Enumerable.Range(0, Inputs).Select(i => -1.2 + (0.25 * i)).ToArray();
    private readonly double[] _direction = Enumerable.Range(0, Inputs).Select(i => Math.Sin(i + 1.0)).ToArray();
    private readonly double[] _gradient = new double[Inputs];
    private readonly double[] _product = new double[Inputs];
    private readonly double[] _hessian = new double[Inputs * Inputs];
    private readonly double[] _unit = new double[Inputs];
    private readonly double[] _shifted = new double[Inputs];
    private readonly double[] _plus = new double[Inputs];
    private readonly double[] _minus = new double[Inputs];

    private readonly double[] _weights = Enumerable.Range(0, GeneratedMlp.ParameterCount).Select(i => Math.Cos(i * 0.7) * 0.5).ToArray();
    private readonly double[] _weightDirection = Enumerable.Range(0, GeneratedMlp.ParameterCount).Select(i => Math.Sin(i * 1.3)).ToArray();
    private readonly double[] _weightGradient = new double[GeneratedMlp.ParameterCount];
    private readonly double[] _weightProduct = new double[GeneratedMlp.ParameterCount];
    private readonly double[] _xs = Enumerable.Range(0, 8 * GeneratedMlp.Inputs).Select(i => Math.Sin(i * 0.9)).ToArray();
    private readonly double[] _ys = Enumerable.Range(0, 8).Select(i => Math.Cos(i * 0.4)).ToArray();

    [GlobalSetup]
    public void Check()
    {
        // The matrix by WithHessian, by products and by differences must agree before their times mean anything.
        HessianByWithHessian();
        var matrix = (double[])_hessian.Clone();
        HessianByProducts();
        GradientAgreement.Require("Hessian by products", matrix, _hessian);
        HessianByDifferences();
        var worst = matrix.Zip(_hessian, (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(a))).Max();
        if (worst > 1e-5)
        {
            throw new InvalidOperationException($"The Hessian by differences of the gradient is {worst} away from WithHessian's.");
        }
    }

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("forward: Rosenbrock 10")]
    public double Primal() => SecondOrderFunctions.ExtendedRosenbrock(_x);

    [Benchmark(Description = "pushforward")]
    [BenchmarkCategory("forward: Rosenbrock 10")]
    public double Pushforward() => SecondOrderFunctions.ExtendedRosenbrockPushforward(_x, _direction, out var tangent) + tangent;

    [Benchmark(Baseline = true, Description = "primal")]
    [BenchmarkCategory("forward: network 161")]
    public double NetworkPrimal() => GeneratedMlp.Loss(_weights, _xs, _ys);

    [Benchmark(Description = "pushforward")]
    [BenchmarkCategory("forward: network 161")]
    public double NetworkPushforward() => GeneratedMlp.LossPushforward(_weights, _xs, _ys, _weightDirection, out var tangent) + tangent;

    [Benchmark(Baseline = true, Description = "gradient")]
    [BenchmarkCategory("second: Rosenbrock 10")]
    public double Gradient() => SecondOrderFunctions.ExtendedRosenbrockWithGradient(_x, _gradient);

    [Benchmark(Description = "Hessian-vector product")]
    [BenchmarkCategory("second: Rosenbrock 10")]
    public double HessianVectorProduct() => SecondOrderFunctions.ExtendedRosenbrockHessianVectorProduct(_x, _direction, _gradient, _product);

    [Benchmark(Baseline = true, Description = "gradient")]
    [BenchmarkCategory("second: network 161")]
    public double NetworkGradient() => GeneratedMlp.LossWithGradient(_weights, _xs, _ys, _weightGradient);

    [Benchmark(Description = "Hessian-vector product")]
    [BenchmarkCategory("second: network 161")]
    public double NetworkHessianVectorProduct() =>
        GeneratedMlp.LossHessianVectorProduct(_weights, _xs, _ys, _weightDirection, _weightGradient, _weightProduct);

    [Benchmark(Baseline = true, Description = "WithHessian")]
    [BenchmarkCategory("Hessian: Rosenbrock 10")]
    public double HessianByWithHessian() => SecondOrderFunctions.ExtendedRosenbrockWithHessian(_x, _gradient, _hessian);

    [Benchmark(Description = "10 Hessian-vector products")]
    [BenchmarkCategory("Hessian: Rosenbrock 10")]
    public double HessianByProducts()
    {
        double value = 0;
        for (int i = 0; i < Inputs; i++)
        {
            _unit[i] = 1;
            value = SecondOrderFunctions.ExtendedRosenbrockHessianVectorProduct(_x, _unit, _gradient, _hessian.AsSpan(i * Inputs, Inputs));
            _unit[i] = 0;
        }

        return value;
    }

    // Central differences of the generated gradient, one input at a time (2N gradients), with the step that balances
    // truncation against rounding for a gradient: about the cube root of machine epsilon.
    [Benchmark(Description = "differences of the gradient")]
    [BenchmarkCategory("Hessian: Rosenbrock 10")]
    public double HessianByDifferences()
    {
        double value = 0;
        for (int i = 0; i < Inputs; i++)
        {
            double h = 6e-6 * Math.Max(1, Math.Abs(_x[i]));
            _x.CopyTo(_shifted, 0);
            _shifted[i] = _x[i] + h;
            value = SecondOrderFunctions.ExtendedRosenbrockWithGradient(_shifted, _plus);
            _shifted[i] = _x[i] - h;
            SecondOrderFunctions.ExtendedRosenbrockWithGradient(_shifted, _minus);
            for (int j = 0; j < Inputs; j++)
            {
                _hessian[(i * Inputs) + j] = (_plus[j] - _minus[j]) / (2 * h);
            }
        }

        return value;
    }
}
