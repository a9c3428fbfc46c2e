namespace AutoDiff.Tensors.NN;

/// <summary>
/// A fully connected layer: <c>y = x·W + b</c> for x of shape [batch, inFeatures]. The weight has shape
/// [inFeatures, outFeatures] (column j holds output neuron j's weights, so no transpose is needed) and the
/// bias [outFeatures]. Initialized like micrograd's neurons: every weight and bias uniform in [-1, 1).
/// PyTorch's <c>nn.Linear</c> stores the weight transposed, [out, in]; [in, out] lets the forward pass be one MatMul.
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer; a seed makes its initial values reproducible.</summary>
    public Linear(int inFeatures, int outFeatures, int? seed = null)
        : this(inFeatures, outFeatures, seed is { } s ? new Random(s) : Random.Shared)
    {
    }

    internal Linear(int inFeatures, int outFeatures, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = Tensor.RandomUniform([inFeatures, outFeatures], -1.0, 1.0, random);
        Bias = Tensor.RandomUniform([outFeatures], -1.0, 1.0, random);
        Weight.RequiresGrad = true;
        Bias.RequiresGrad = true;
        _parameters = [Weight, Bias];
    }

    private readonly Tensor[] _parameters;

    /// <summary>Inputs per example.</summary>
    public int InFeatures { get; }

    /// <summary>Outputs per example (the number of neurons).</summary>
    public int OutFeatures { get; }

    /// <summary>The weights, shape [inFeatures, outFeatures].</summary>
    public Tensor Weight { get; }

    /// <summary>The biases, shape [outFeatures].</summary>
    public Tensor Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.MatMul(Weight) + Bias;

    /// <inheritdoc/>
    public override IReadOnlyList<Tensor> Parameters() => _parameters;

    /// <summary>
    /// Overwrites the weights (row-major [inFeatures, outFeatures]: <c>weight[i * outFeatures + j]</c> connects
    /// input i to output j) and the biases.
    /// </summary>
    public void SetParameters(ReadOnlySpan<double> weight, ReadOnlySpan<double> bias)
    {
        if (weight.Length != InFeatures * OutFeatures)
            throw new ArgumentException($"SetParameters: weight has {weight.Length} values but shape [{InFeatures},{OutFeatures}] needs {InFeatures * OutFeatures}", nameof(weight));
        if (bias.Length != OutFeatures)
            throw new ArgumentException($"SetParameters: bias has {bias.Length} values but shape [{OutFeatures}] needs {OutFeatures}", nameof(bias));
        weight.CopyTo(((Optim.IParameter)Weight).Data);
        bias.CopyTo(((Optim.IParameter)Bias).Data);
    }
}
