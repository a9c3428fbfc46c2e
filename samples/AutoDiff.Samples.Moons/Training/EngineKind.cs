namespace AutoDiff.Samples.Moons.Training;

/// <summary>Which differentiation engine computes the training gradient.</summary>
public enum EngineKind
{
    /// <summary>The compile-time gradient the generator writes for <c>MoonsLoss.Loss</c>.</summary>
    Generated,

    /// <summary>The runtime scalar tape: <c>AutoDiff.Value</c>, <c>AutoDiff.NN.MLP</c>, <c>Losses</c>.</summary>
    Tape,

    /// <summary>The tensor engine: <c>AutoDiff.Tensor</c> and the tensor <c>Sequential</c>/<c>Linear</c> layers.</summary>
    Tensor,
}
