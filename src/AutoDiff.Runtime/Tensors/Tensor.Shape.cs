using AutoDiff.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    /// <summary>
    /// The same elements in a new shape (row-major order is kept; the data is shared, not copied).
    /// One dimension may be -1: it is inferred from the others.
    /// </summary>
    public Tensor Reshape(params int[] shape)
    {
        var newShape = ResolveReshape(shape);
        var result = new Tensor(_data, newShape);
        if (!Records(this)) return result;
        return result.Record("reshape", [this], () => AccumulateGrad(result.GradData));
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
    public Tensor Transpose() => Rank < 2 ? this : Transpose(-2, -1);

    /// <summary>Swaps two axes.</summary>
    public Tensor Transpose(int axis0, int axis1)
    {
        var axes = AllAxes();
        int a = ShapeMath.Axis("Transpose", axis0, _shape), b = ShapeMath.Axis("Transpose", axis1, _shape);
        (axes[a], axes[b]) = (axes[b], axes[a]);
        return Permute(axes);
    }

    /// <summary>Reorders axes: result axis i is this tensor's axis <c>axes[i]</c> (a copy, like numpy's transpose(axes) made contiguous).</summary>
    public Tensor Permute(params int[] axes)
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
        var y = PermuteKernel.Apply(_data, _shape, normalized, out var outShape);
        var result = new Tensor(y, outShape);
        if (!Records(this)) return result;
        return result.Record("permute", [this], () =>
        {
            var inverse = new int[normalized.Length];
            for (int i = 0; i < normalized.Length; i++) inverse[normalized[i]] = i;
            AccumulateOwnedGrad(PermuteKernel.Apply(result.GradData, outShape, inverse, out _));
        });
    }

    /// <summary>The sub-tensor at index <paramref name="index"/> along axis 0 (rank drops by one); a copy that backpropagates.</summary>
    [System.Runtime.CompilerServices.IndexerName("Row")] // "Item" is the scalar accessor, as in PyTorch
    public Tensor this[int index]
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
    public Tensor Slice(int axis, int start, int length)
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
        var y = new double[outer * chunk];
        for (int o = 0; o < outer; o++) _data.AsSpan(o * sourceRow + skip, chunk).CopyTo(y.AsSpan(o * chunk));
        var result = new Tensor(y, outShape);
        if (!Records(this)) return result;
        return result.Record("slice", [this], () =>
        {
            var g = result.GradData;
            var ga = new double[Count];
            for (int o = 0; o < outer; o++) g.AsSpan(o * chunk, chunk).CopyTo(ga.AsSpan(o * sourceRow + skip));
            AccumulateOwnedGrad(ga);
        });
    }
}
