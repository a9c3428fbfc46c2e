using AutoDiff.Optim;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Tensors.NN;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>
/// Trains on the tensor engine: the whole batch goes through <see cref="Linear"/> layers as matrices ([100, 2] →
/// [100, 16] → [100, 16] → [100, 1] for 2-16-16-1), and autograd runs once per step on a graph of a dozen tensor ops.
/// </summary>
public sealed class TensorEngine : ITrainingEngine
{
    private readonly Sequential _model;
    private readonly Linear[] _layers;
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly Tensor _inputs;
    private readonly Tensor _labels;
    private readonly Sgd _optimizer;

    /// <summary>Creates the engine: a tensor MLP loaded with the initial weights.</summary>
    /// <param name="network">The network definition.</param>
    /// <param name="data">The training set.</param>
    /// <param name="initialWeights">The weights in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="steps">The run's number of steps, for the learning-rate schedule.</param>
    public TensorEngine(MoonsNetwork network, MoonsDataSet data, ReadOnlySpan<double> initialWeights, int steps)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.RequireParameterCount(initialWeights);
        Network = network;
        _model = Sequential.Mlp(MoonsNetwork.Inputs, network.LayerWidths, () => new ReLU(), seed: 0);
        NeuronOrder.Load(_model, initialWeights);
        _layers = _model.Modules.OfType<Linear>().ToArray();
        _parameters = _model.Parameters();
        _inputs = Tensor.From(data.Points.SelectMany(p => new[] { p.X, p.Y }).ToArray(), data.Count, MoonsNetwork.Inputs);
        _labels = Tensor.From(data.Points.Select(p => p.Label).ToArray(), data.Count, 1);
        _optimizer = new Sgd(_parameters, LearningRateSchedule.At(0, steps)) { Schedule = LearningRateSchedule.For(steps) };
    }

    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Tensor;

    /// <inheritdoc/>
    public MoonsNetwork Network { get; }

    /// <inheritdoc/>
    public double Step()
    {
        Tensor scores = _model.Forward(_inputs);
        Tensor hinge = (1.0 - _labels * scores).Relu().Mean();
        Tensor squares = _parameters[0].Pow(2).Sum();
        for (int i = 1; i < _parameters.Count; i++)
        {
            squares += _parameters[i].Pow(2).Sum();
        }

        Tensor loss = hinge + MoonsLoss.RegularizationStrength * squares;
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }

    /// <inheritdoc/>
    public void CopyWeights(Span<double> destination) => NeuronOrder.Store(_layers, destination);
}
