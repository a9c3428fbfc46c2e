namespace AutoDiff.Tensors.NN;

/// <summary>
/// A layer or model on tensors, PyTorch's <c>nn.Module</c>: a function of one tensor with trainable tensor parameters.
/// (The scalar engine has its own <c>AutoDiff.NN.Module</c> over <c>Value</c>s; each engine keeps one vocabulary.)
/// </summary>
public abstract class Module
{
    /// <summary>Applies the module to a batch (rows are examples).</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>The trainable tensors, in a fixed order (for a <see cref="Linear"/>: weight, then bias). Optimizers take these as <c>IParameter</c>s.</summary>
    public virtual IReadOnlyList<Tensor> Parameters() => [];

    /// <summary>Zeroes every parameter's gradient in place.</summary>
    public void ZeroGrad()
    {
        var parameters = Parameters();
        for (int i = 0; i < parameters.Count; i++) parameters[i].ZeroGrad();
    }
}
