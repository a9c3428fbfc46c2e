using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Moons.Training;

/// <summary>
/// One way of training the moons network: it owns the weights, computes the loss and its gradient with one
/// differentiation engine, and applies an SGD update.
/// </summary>
public interface ITrainingEngine
{
    /// <summary>Which engine computes the gradient.</summary>
    EngineKind Kind { get; }

    /// <summary>The network definition whose weights the engine trains.</summary>
    MoonsNetwork Network { get; }

    /// <summary>
    /// One training step, micrograd's loop body: the loss at the current weights, its gradient, then the SGD
    /// update with the learning rate the schedule gives for this step.
    /// </summary>
    /// <returns>The loss at the weights before the update.</returns>
    double Step();

    /// <summary>Copies the current weights, in <c>MoonsNetwork</c>'s parameter order, into <paramref name="destination"/>.</summary>
    /// <param name="destination">A span of <see cref="MoonsNetwork.ParameterCount"/> numbers.</param>
    void CopyWeights(Span<double> destination);
}
