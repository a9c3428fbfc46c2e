using System.Numerics.Tensors;
using AutoDiff.NN;
using AutoDiff.Optim;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// One SGD training step of a 784-256-10 ReLU MLP on a batch of 64 (MNIST-sized) with cross-entropy:
/// forward, backward, and a plain <c>w -= lr·g</c> update written directly on the parameter spans.
/// </summary>
[MemoryDiagnoser]
public class TensorTrainingStepBenchmark
{
    private const double LearningRate = 0.01;
    private Sequential _model = null!;
    private Tensor _input = null!;
    private int[] _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = Sequential.Mlp(784, [256, 10], TensorActivation.Relu, seed: 1);
        _input = Tensor.RandomUniform([64, 784], 0, 1, seed: 2);
        var random = new Random(3);
        _labels = Enumerable.Range(0, 64).Select(_ => random.Next(10)).ToArray();
    }

    [Benchmark(Description = "MLP 784-256-10, batch 64: forward+backward+SGD")]
    public double TrainingStep()
    {
        var loss = _model.Forward(_input).CrossEntropy(_labels);
        loss.Backward();
        foreach (IParameter p in _model.Parameters())
            TensorPrimitives.MultiplyAdd(p.Grad, -LearningRate, p.Data, p.Data);
        _model.ZeroGrad();
        return loss.Item();
    }
}
