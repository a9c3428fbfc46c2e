namespace AutoDiff;

/// <summary>
/// An N-dimensional array of <see cref="float"/> (float32, PyTorch's default dtype) with reverse-mode autograd:
/// the same ops, gradients and SIMD kernels as <see cref="Tensor"/>, with twice as many lanes per vector.
/// Named like PyTorch's <c>torch.FloatTensor</c>.
/// </summary>
public sealed class FloatTensor : TensorBase<FloatTensor, float>, ITensorFactory<FloatTensor, float>
{
    private FloatTensor(float[] data, int[] shape)
        : base(data, shape)
    {
    }

    static FloatTensor ITensorFactory<FloatTensor, float>.Wrap(float[] data, int[] shape) => new(data, shape);

    /// <summary>The same values as a double tensor (a copy, cut from the graph).</summary>
    public Tensor ToDouble()
    {
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++) values[i] = Data[i];
        return Tensor.From(values, [.. Shape]);
    }
}
