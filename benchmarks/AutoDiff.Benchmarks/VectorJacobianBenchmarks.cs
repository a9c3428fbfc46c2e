using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>A vector-valued function of 100 inputs with 3 outputs: mean, variance and summed softplus.</summary>
public static partial class VectorFunctions
{
    [Differentiable]
    public static void Moments(ReadOnlySpan<double> w, Span<double> result)
    {
        double sum = 0;
        double squares = 0;
        double soft = 0;
        for (int i = 0; i < w.Length; i++)
        {
            sum += w[i];
            squares += w[i] * w[i];
            soft += Math.Log(1 + Math.Exp(w[i]));
        }

        result[0] = sum / w.Length;
        result[1] = squares / w.Length - result[0] * result[0];
        result[2] = soft;
    }
}

/// <summary>
/// The generated Jacobian (M = 3 outputs, N = 100 inputs: reverse mode, one pullback per output) against the
/// same three pullbacks called by hand with unit cotangents, and the primal for scale.
/// </summary>
[MemoryDiagnoser]
public class VectorJacobianBenchmarks
{
    private const int Inputs = 100;
    private double[] _w = null!, _result = null!, _jacobian = null!, _byHand = null!;
    private double[][] _units = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _w = Enumerable.Range(0, Inputs).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _result = new double[3];
        _jacobian = new double[3 * Inputs];
        _byHand = new double[3 * Inputs];
        _units = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
        Jacobian();
        ThreePullbacks();
        GradientAgreement.Require("Jacobian", _jacobian, _byHand);
    }

    [Benchmark]
    public double Primal()
    {
        VectorFunctions.Moments(_w, _result);
        return _result[0];
    }

    [Benchmark(Baseline = true)]
    public double ThreePullbacks()
    {
        _byHand.AsSpan().Clear();
        for (var i = 0; i < 3; i++)
        {
            VectorFunctions.MomentsPullback(_w, _result, _units[i], _byHand.AsSpan(i * Inputs, Inputs));
        }

        return _byHand[0];
    }

    [Benchmark]
    public double Jacobian()
    {
        VectorFunctions.MomentsJacobian(_w, _result, _jacobian);
        return _jacobian[0];
    }
}
