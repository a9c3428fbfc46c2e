using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>The outcome of one training run.</summary>
/// <param name="Engine">The engine that computed the gradients.</param>
/// <param name="Network">The network definition that was trained.</param>
/// <param name="Steps">Every step's loss and accuracy, in order.</param>
/// <param name="FinalWeights">The weights after the last update, in <see cref="MoonsNetwork"/>'s order.</param>
/// <param name="FinalAccuracy">Training accuracy of <paramref name="FinalWeights"/>.</param>
/// <param name="TimePerStep">Median wall-clock time of a step (gradient and update; accuracy bookkeeping excluded).</param>
public sealed record TrainingResult(
    EngineKind Engine,
    MoonsNetwork Network,
    IReadOnlyList<TrainingStep> Steps,
    double[] FinalWeights,
    double FinalAccuracy,
    TimeSpan TimePerStep)
{
    /// <summary>The loss of the last step.</summary>
    public double FinalLoss => Steps[^1].Loss;
}
