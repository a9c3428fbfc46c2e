namespace AutoDiff.NN;

/// <summary>A layer or model on tensors: a function of one tensor with trainable tensor parameters.</summary>
public abstract class TensorModule
{
    /// <summary>Applies the module to a batch (rows are examples).</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>The trainable tensors, in a fixed order (for a <see cref="Linear"/>: weight, then bias). Optimizers take these as <c>IParameter</c>s.</summary>
    public virtual IReadOnlyList<Tensor> Parameters() => [];

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters()) parameter.ZeroGrad();
    }

    /// <summary>
    /// Overwrites the parameters from a flat list in micrograd's order (layer by layer, neuron by neuron,
    /// each neuron's input weights then its bias) and returns how many values were used. This is the order
    /// of <c>AutoDiff.NN.MLP.Parameters()</c>, so a scalar MLP's values can be copied into a tensor MLP.
    /// </summary>
    public virtual int LoadNeuronOrder(ReadOnlySpan<double> values) => 0;
}
