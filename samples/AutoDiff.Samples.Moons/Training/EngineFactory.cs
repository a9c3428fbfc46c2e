using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>Creates an engine of a given kind, each with its own copy of the same initial weights.</summary>
public static class EngineFactory
{
    /// <summary>Creates the engine.</summary>
    /// <param name="kind">Which engine.</param>
    /// <param name="network">The network definition.</param>
    /// <param name="data">The training set.</param>
    /// <param name="initialWeights">The weights in <c>MoonsNetwork</c>'s order.</param>
    /// <param name="steps">The run's number of steps, for the learning-rate schedule.</param>
    /// <returns>The engine.</returns>
    public static ITrainingEngine Create(EngineKind kind, MoonsNetwork network, MoonsDataSet data, ReadOnlySpan<double> initialWeights, int steps) => kind switch
    {
        EngineKind.Generated => new GeneratedEngine(network, data, initialWeights, steps),
        EngineKind.Tape => new TapeEngine(network, data, initialWeights, steps),
        EngineKind.Tensor => new TensorEngine(network, data, initialWeights, steps),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown engine."),
    };
}
