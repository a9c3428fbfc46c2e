using System.Numerics.Tensors;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>
    /// The same elements in a new shape (row-major order is kept; the data is shared, not copied).
    /// One dimension may be -1: it is inferred from the others.
    /// </summary>
    public TSelf Reshape(params int[] shape)
    {
        var result = TSelf.Wrap(_data, ResolveReshape(shape));
        return result.Compute(Records(this), "reshape", [Self], null, () => AccumulateGrad(result.GradData));
    }

    private int[] ResolveReshape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1)
            {
                if (inferred >= 0) throw new ArgumentException($"Reshape: shape {ShapeMath.Format(shape)} has more than one -1");
                inferred = i;
            }
            else if (resolved[i] < 0) throw new ArgumentException($"Reshape: shape {ShapeMath.Format(shape)} has a negative dimension");
            else known *= resolved[i];
        }
        if (inferred >= 0)
        {
            if (known == 0 || Count % known != 0)
                throw new ArgumentException($"Reshape: cannot reshape {ShapeText} ({Count} elements) into {ShapeMath.Format(shape)}");
            resolved[inferred] = (int)(Count / known);
        }
        else if (known != Count)
            throw new ArgumentException($"Reshape: cannot reshape {ShapeText} ({Count} elements) into {ShapeMath.Format(shape)} ({known} elements)");
        return resolved;
    }

    /// <summary>Swaps the last two axes (the matrix transpose; a 1-D tensor is returned unchanged).</summary>
    public TSelf Transpose() => Rank < 2 ? Self : Transpose(-2, -1);

    /// <summary>Swaps two axes.</summary>
    public TSelf Transpose(int axis0, int axis1)
    {
        var axes = AllAxes();
        int a = ShapeMath.Axis("Transpose", axis0, _shape), b = ShapeMath.Axis("Transpose", axis1, _shape);
        (axes[a], axes[b]) = (axes[b], axes[a]);
        return Permute(axes);
    }

    /// <summary>Reorders axes: result axis i is this tensor's axis <c>axes[i]</c> (a copy, like numpy's transpose(axes) made contiguous).</summary>
    public TSelf Permute(params int[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length != Rank)
            throw new ArgumentException($"Permute: {ShapeMath.Format(axes)} lists {axes.Length} axes but shape {ShapeText} has {Rank}");
        var normalized = new int[axes.Length];
        var seen = new bool[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            normalized[i] = ShapeMath.Axis("Permute", axes[i], _shape);
            if (seen[normalized[i]]) throw new ArgumentException($"Permute: {ShapeMath.Format(axes)} is not a permutation of the axes of {ShapeText}");
            seen[normalized[i]] = true;
        }
        var outShape = PermuteKernel.Shape(_shape, normalized);
        var inverse = new int[normalized.Length];
        for (int i = 0; i < normalized.Length; i++) inverse[normalized[i]] = i;
        var result = Uninitialized(outShape);
        return result.Compute(Records(this), "permute", [Self], () => PermuteKernel.Apply(_data, _shape, normalized, result._data), () =>
        {
            var scratch = result.Scratch(Count);
            PermuteKernel.Apply(result.GradData, outShape, inverse, scratch);
            AccumulateGrad(scratch);
        });
    }

    /// <summary>The sub-tensor at index <paramref name="index"/> along axis 0 (rank drops by one); a copy that backpropagates.</summary>
    [System.Runtime.CompilerServices.IndexerName("Row")] // "Item" is the scalar accessor, as in PyTorch
    public TSelf this[int index]
    {
        get
        {
            if (Rank == 0) throw new InvalidOperationException("Indexer: a scalar tensor has no axis 0");
            if ((uint)index >= (uint)_shape[0])
                throw new IndexOutOfRangeException($"Indexer: index {index} is out of range for axis 0 of size {_shape[0]} (shape {ShapeText})");
            return Slice(0, index, 1).Reshape(_shape[1..]);
        }
    }

    /// <summary>Elements <paramref name="start"/> … start+length-1 along <paramref name="axis"/>; a copy that backpropagates.</summary>
    public TSelf Slice(int axis, int start, int length)
    {
        int a = ShapeMath.Axis("Slice", axis, _shape);
        if (start < 0 || length < 0 || start + length > _shape[a])
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Slice: range start {start}, length {length} does not fit axis {axis} of size {_shape[a]} (shape {ShapeText})");
        int outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= _shape[i];
        for (int i = a + 1; i < Rank; i++) inner *= _shape[i];
        int sourceRow = _shape[a] * inner, chunk = length * inner, skip = start * inner;
        var outShape = (int[])_shape.Clone();
        outShape[a] = length;
        var result = Uninitialized(outShape);
        return result.Compute(Records(this), "slice", [Self], () =>
        {
            for (int o = 0; o < outer; o++) _data.AsSpan(o * sourceRow + skip, chunk).CopyTo(result._data.AsSpan(o * chunk));
        }, () =>
        {
            var g = result.GradData;
            var grad = GradBuffer();
            for (int o = 0; o < outer; o++)
            {
                var target = grad.AsSpan(o * sourceRow + skip, chunk);
                TensorPrimitives.Add(target, g.AsSpan(o * chunk, chunk), target);
            }
        });
    }
}
