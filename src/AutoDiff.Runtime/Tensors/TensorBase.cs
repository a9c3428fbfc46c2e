using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics;
using System.Text;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

/// <summary>
/// The tensor engine, written once for both element types: <see cref="Tensor"/> (double) and
/// <see cref="FloatTensor"/> (float) derive from it with <typeparamref name="TSelf"/> set to themselves, so every
/// op returns the concrete type (<c>Tensor.From(...)</c>, <c>a + b</c> and <c>a.MatMul(b)</c> give a <c>Tensor</c>).
/// Storage is always contiguous and row-major; ops return new tensors and record how to pull gradients back
/// when an input has <see cref="RequiresGrad"/> set and no <see cref="NoGrad"/> scope is active.
/// </summary>
/// <remarks>
/// Elementwise ops broadcast like numpy. The op families live in partial files:
/// creation, elementwise, scalar, unary, reductions, shape, MatMul, softmax and losses, autograd.
/// </remarks>
public abstract partial class TensorBase<TSelf, T>
    where TSelf : TensorBase<TSelf, T>, ITensorFactory<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _data;
    private readonly int[] _shape;
    private int[]? _strides;
    private ReadOnlyCollection<int>? _shapeView;

    /// <summary>Wraps <paramref name="data"/> without copying; callers own the contract that its length matches the shape.</summary>
    private protected TensorBase(T[] data, int[] shape)
    {
        _data = data;
        _shape = shape;
    }

    /// <summary>The size of each axis, outermost first. A scalar has an empty shape.</summary>
    public IReadOnlyList<int> Shape => _shapeView ??= Array.AsReadOnly(_shape);

    /// <summary>Row-major element strides: how far apart consecutive indices along each axis are in <see cref="ToArray"/>.</summary>
    public IReadOnlyList<int> Strides => Array.AsReadOnly(_strides ??= ShapeMath.RowMajorStrides(_shape));

    /// <summary>The number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of <see cref="Shape"/>).</summary>
    public int Count => _data.Length;

    /// <summary>The elements in row-major order, as a fresh copy.</summary>
    public T[] ToArray() => (T[])_data.Clone();

    /// <summary>The elements, read-only and without copying.</summary>
    public ReadOnlySpan<T> AsSpan() => _data;

    /// <summary>
    /// Overwrites the elements in place (PyTorch's <c>copy_</c>), e.g. the next batch in an input tensor whose graph
    /// is re-run with <see cref="Recompute"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The length differs from <see cref="Count"/>.</exception>
    public void CopyFrom(ReadOnlySpan<T> values)
    {
        if (values.Length != _data.Length)
            throw new ArgumentException($"CopyFrom: {values.Length} values for a tensor of shape {ShapeText} ({_data.Length} elements)", nameof(values));
        values.CopyTo(_data);
    }

    /// <summary>The single element of a one-element tensor (a scalar or any shape of size 1).</summary>
    public T Item()
    {
        if (_data.Length != 1)
            throw new InvalidOperationException($"Item: tensor of shape {ShapeMath.Format(_shape)} has {_data.Length} elements, not 1");
        return _data[0];
    }

    /// <summary>The element at a full index (one entry per axis).</summary>
    public T At(params int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != _shape.Length)
            throw new ArgumentException($"At: index has {index.Length} entries but the tensor of shape {ShapeMath.Format(_shape)} has rank {_shape.Length}");
        int offset = 0, stride = 1;
        for (int i = _shape.Length - 1; i >= 0; i--)
        {
            if ((uint)index[i] >= (uint)_shape[i])
                throw new IndexOutOfRangeException($"At: index {index[i]} is out of range for axis {i} of size {_shape[i]} (shape {ShapeMath.Format(_shape)})");
            offset += index[i] * stride;
            stride *= _shape[i];
        }
        return _data[offset];
    }

    internal T[] Data => _data;
    internal int[] ShapeArray => _shape;
    internal string ShapeText => ShapeMath.Format(_shape);

    private TSelf Self => (TSelf)this;

    /// <summary>
    /// A new tensor of <paramref name="shape"/> for an op's result. Its storage is not zeroed (a 1024² MatMul would
    /// otherwise clear 8 MB only to overwrite it): every op writes every element of its result.
    /// </summary>
    private static TSelf Uninitialized(int[] shape) => TSelf.Wrap(GC.AllocateUninitializedArray<T>(ShapeMath.Count(shape)), shape);

    /// <summary>Shape and values, nested like numpy prints them, e.g. <c>Tensor[2,2] [[1, 2], [3, 4]]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(GetType().Name).Append(ShapeText).Append(' ');
        int position = 0;
        AppendNested(text, 0, ref position);
        return text.ToString();
    }

    private void AppendNested(StringBuilder text, int axis, ref int position)
    {
        if (axis == _shape.Length)
        {
            text.Append(_data[position++].ToString("R", CultureInfo.InvariantCulture));
            return;
        }
        text.Append('[');
        for (int i = 0; i < _shape[axis]; i++)
        {
            if (i > 0) text.Append(", ");
            AppendNested(text, axis + 1, ref position);
        }
        text.Append(']');
    }
}
