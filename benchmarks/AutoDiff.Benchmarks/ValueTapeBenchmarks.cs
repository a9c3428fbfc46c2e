using AutoDiff.NN;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// One training step's worth of tape work on micrograd's moons demo: MLP 2-16-16-1 (ReLU), 100 points,
/// SVM max-margin loss plus L2 1e-4 (about 66,000 nodes). The forward pass alone is the baseline.
/// </summary>
[MemoryDiagnoser]
public class ValueTapeBenchmarks
{
    private MLP _model = null!;
    private Value[][] _inputs = null!;
    private double[] _labels = null!;
    private IReadOnlyList<Value> _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        (double[][] points, double[] labels) = ValueTapeMoons.Generate(100, noise: 0.1, seed: 1337);
        _model = new MLP(2, [16, 16, 1], Activation.Relu, seed: 1337);
        _parameters = _model.Parameters();
        _inputs = points.Select(p => p.Select(x => new Value(x)).ToArray()).ToArray();
        _labels = labels;
    }

    [Benchmark(Baseline = true)]
    public double Forward() => Loss().Data;

    [Benchmark]
    public double ForwardBackward()
    {
        Value loss = Loss();
        foreach (Value p in _parameters)
        {
            p.Grad = 0.0;
        }

        loss.Backward();
        return loss.Data;
    }

    private Value Loss()
    {
        var scores = new Value[_inputs.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = _model.Forward(_inputs[i])[0];
        }

        return Losses.Hinge(scores, _labels) + Losses.L2(_parameters, 1e-4);
    }
}
