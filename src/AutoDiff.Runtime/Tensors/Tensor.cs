using AutoDiff.Optim;

namespace AutoDiff;

/// <summary>
/// An N-dimensional array of <see cref="double"/> with reverse-mode autograd: micrograd's <c>Value</c> for arrays.
/// Every op, its gradient and its kernels are shared with <see cref="FloatTensor"/> through
/// <see cref="TensorBase{TSelf, T}"/>; this type adds what only doubles have: it is an optimizer
/// <see cref="IParameter"/>, so <c>Sgd</c> and <c>Adam</c> train it directly.
/// </summary>
public sealed class Tensor : TensorBase<Tensor, double>, ITensorFactory<Tensor, double>, IParameter
{
    private Tensor(double[] data, int[] shape)
        : base(data, shape)
    {
    }

    static Tensor ITensorFactory<Tensor, double>.Wrap(double[] data, int[] shape) => new(data, shape);

    /// <summary>The same values as a float32 tensor (a copy, cut from the graph).</summary>
    public FloatTensor ToFloat()
    {
        var values = new float[Count];
        for (int i = 0; i < values.Length; i++) values[i] = (float)Data[i];
        return FloatTensor.From(values, [.. Shape]);
    }

    Span<double> IParameter.Data => Data;

    Span<double> IParameter.Grad => GradBuffer();
}
