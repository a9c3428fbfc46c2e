using AutoDiff.Optim;
using AutoDiff.Tensors.NN;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// One SGD training step of a 784-256-10 ReLU MLP on a batch of 64 (MNIST-sized) with cross-entropy: forward, backward,
/// <see cref="Sgd"/> update. The baseline builds a new graph every step (the usual way, and the only way before
/// <c>Recompute</c>); the other row records the graph once and re-runs it in place, allocating nothing.
/// </summary>
[MemoryDiagnoser]
public class TensorTrainingStepBenchmark
{
    private Sequential _model = null!;
    private Tensor _input = null!;
    private int[] _labels = null!;
    private Sgd _optimizer = null!;
    private Tensor _recordedLoss = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = Sequential.Mlp(784, [256, 10], () => new ReLU(), seed: 1);
        _input = Tensor.RandomUniform([64, 784], 0, 1, seed: 2);
        var random = new Random(3);
        _labels = Enumerable.Range(0, 64).Select(_ => random.Next(10)).ToArray();
        _optimizer = new Sgd(_model.Parameters(), learningRate: 0.01);
        _recordedLoss = _model.Forward(_input).CrossEntropy(_labels);
    }

    [Benchmark(Baseline = true, Description = "MLP 784-256-10, batch 64: new graph per step")]
    public double GraphPerStep()
    {
        var loss = _model.Forward(_input).CrossEntropy(_labels);
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }

    [Benchmark(Description = "MLP 784-256-10, batch 64: recorded graph, Recompute")]
    public double RecordedGraph()
    {
        // A real loop would CopyFrom the next batch into _input and refill _labels here.
        _recordedLoss.Recompute();
        _optimizer.ZeroGrad();
        _recordedLoss.Backward();
        _optimizer.Step();
        return _recordedLoss.Item();
    }
}
