using AutoDiff.Optim;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>
/// Trains on the gradient the generator wrote at compile time for <see cref="MoonsLoss.Loss"/>: one call gives
/// the loss and every partial derivative (337 for 2-16-16-1), with no graph built at run time.
/// </summary>
public sealed class GeneratedEngine : ITrainingEngine
{
    private readonly int[] _sizes;
    private readonly double[] _data;
    private readonly int _count;
    private readonly ParameterVector _parameters;
    private readonly Sgd _optimizer;

    /// <summary>Creates the engine with its own copy of the initial weights.</summary>
    /// <param name="network">The network definition.</param>
    /// <param name="data">The training set.</param>
    /// <param name="initialWeights">The weights in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="steps">The run's number of steps, for the learning-rate schedule.</param>
    public GeneratedEngine(MoonsNetwork network, MoonsDataSet data, ReadOnlySpan<double> initialWeights, int steps)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.RequireParameterCount(initialWeights);
        Network = network;
        _sizes = network.Sizes.ToArray();
        _data = data.ToInterleaved();
        _count = data.Count;
        _parameters = new ParameterVector(initialWeights.ToArray());
        _optimizer = new Sgd([_parameters], LearningRateSchedule.At(0, steps)) { Schedule = LearningRateSchedule.For(steps) };
    }

    /// <inheritdoc/>
    public EngineKind Kind => EngineKind.Generated;

    /// <inheritdoc/>
    public MoonsNetwork Network { get; }

    /// <inheritdoc/>
    public double Step()
    {
        double loss = MoonsLoss.LossWithGradient(_parameters.Data, _sizes, _data, _count, _parameters.Grad);
        _optimizer.Step();
        return loss;
    }

    /// <inheritdoc/>
    public void CopyWeights(Span<double> destination) => _parameters.Data.CopyTo(destination);
}
