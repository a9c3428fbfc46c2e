using AutoDiff.NN;
using AutoDiff.Optim;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>
/// Trains as micrograd does: every step builds the loss on the runtime tape (<see cref="Value"/> nodes for
/// every multiply and add, about 66,000 of them for 2-16-16-1) and calls <c>Backward()</c>.
/// </summary>
public sealed class TapeEngine : ITrainingEngine
{
    private readonly MLP _model;
    private readonly IReadOnlyList<Value> _parameters;
    private readonly Value[][] _inputs;
    private readonly double[] _labels;
    private readonly Sgd _optimizer;

    /// <summary>Creates the engine: a scalar <see cref="MLP"/> holding the initial weights.</summary>
    /// <param name="network">The network definition.</param>
    /// <param name="data">The training set.</param>
    /// <param name="initialWeights">The weights in <see cref="MoonsNetwork"/>'s order, which is <c>MLP.Parameters()</c>'s.</param>
    /// <param name="steps">The run's number of steps, for the learning-rate schedule.</param>
    public TapeEngine(MoonsNetwork network, MoonsDataSet data, ReadOnlySpan<double> initialWeights, int steps)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.RequireParameterCount(initialWeights);
        Network = network;
        _model = MLP.FromParameters(MoonsNetwork.Inputs, network.LayerWidths, Activation.Relu, initialWeights);
        _parameters = _model.Parameters();
        _inputs = data.Points.Select(p => new[] { new Value(p.X), new Value(p.Y) }).ToArray();
        _labels = data.Points.Select(p => p.Label).ToArray();
        _optimizer = new Sgd(_parameters, LearningRateSchedule.At(0, steps)) { Schedule = LearningRateSchedule.For(steps) };
    }

    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Tape;

    /// <inheritdoc/>
    public MoonsNetwork Network { get; }

    /// <summary>The loss at the current weights as a fresh graph, ready for <c>Backward()</c>.</summary>
    /// <returns>The loss node.</returns>
    public Value BuildLoss()
    {
        var scores = new Value[_inputs.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = _model.Forward(_inputs[i])[0];
        }

        return Losses.Hinge(scores, _labels) + Losses.L2(_parameters, MoonsLoss.RegularizationStrength);
    }

    /// <inheritdoc/>
    public double Step()
    {
        Value loss = BuildLoss();
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return loss.Data;
    }

    /// <summary>The gradient of the loss at the current weights, in <see cref="MoonsNetwork"/>'s order (weights unchanged).</summary>
    /// <returns>A new array of <see cref="MoonsNetwork.ParameterCount"/> partial derivatives.</returns>
    public double[] Gradient()
    {
        Value loss = BuildLoss();
        _optimizer.ZeroGrad();
        loss.Backward();
        return _parameters.Select(p => p.Grad).ToArray();
    }

    /// <inheritdoc/>
    public void CopyWeights(Span<double> destination)
    {
        for (int i = 0; i < _parameters.Count; i++)
        {
            destination[i] = _parameters[i].Data;
        }
    }
}
