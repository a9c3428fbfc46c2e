namespace AutoDiff.NN;

/// <summary>Elementwise tanh as a module.</summary>
public sealed class TanhModule : TensorModule
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>Elementwise ReLU as a module.</summary>
public sealed class ReluModule : TensorModule
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>Elementwise sigmoid as a module.</summary>
public sealed class SigmoidModule : TensorModule
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}
