using System.Numerics;

namespace AutoDiff.Tensors.Kernels;

/// <summary>
/// Matrix products over stacks of matrices, numpy-style: shapes [..., n, k] and [..., k, m] whose batch
/// axes (all but the last two) broadcast against each other.
/// </summary>
internal static class BatchedGemm
{
    /// <summary>The result shape [batch..., n, m]; throws naming both shapes when they do not fit.</summary>
    public static int[] ResultShape(string op, int[] aShape, int[] bShape)
    {
        int n = aShape[^2], k = aShape[^1], k2 = bShape[^2], m = bShape[^1];
        if (k != k2)
            throw new ArgumentException(
                $"{op}: shapes {ShapeMath.Format(aShape)} and {ShapeMath.Format(bShape)} are incompatible: inner dimensions {k} and {k2} differ");
        int[] batch;
        try
        {
            batch = ShapeMath.Broadcast(op, aShape[..^2], bShape[..^2]);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException(
                $"{op}: shapes {ShapeMath.Format(aShape)} and {ShapeMath.Format(bShape)} are incompatible: batch dimensions {ShapeMath.Format(aShape[..^2])} and {ShapeMath.Format(bShape[..^2])} cannot be broadcast");
        }
        return [.. batch, n, m];
    }

    /// <summary>C = op(A)·op(B) for every batch entry (see <see cref="MultiplyAdd"/>), overwriting <paramref name="c"/>; C has <paramref name="outShape"/> from <see cref="ResultShape"/>.</summary>
    public static void Multiply<T>(T[] a, int[] aShape, bool transA, T[] b, int[] bShape, bool transB, T[] c, int[] outShape)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Run(a, aShape, transA, b, bShape, transB, c, outShape, overwrite: true);

    /// <summary>The logical shape of a stored operand: its last two axes swapped when it is read transposed.</summary>
    public static int[] Transposed(int[] shape) => [.. shape[..^2], shape[^1], shape[^2]];

    /// <summary>
    /// C += op(A)·op(B) for every batch entry. Shapes are as stored; a transposed operand is read with its
    /// last two axes swapped (see <see cref="Gemm{T}.MultiplyAdd"/>). C has shape <paramref name="outShape"/>.
    /// </summary>
    public static void MultiplyAdd<T>(T[] a, int[] aShape, bool transA, T[] b, int[] bShape, bool transB, T[] c, int[] outShape)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Run(a, aShape, transA, b, bShape, transB, c, outShape, overwrite: false);

    private static void Run<T>(T[] a, int[] aShape, bool transA, T[] b, int[] bShape, bool transB, T[] c, int[] outShape, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = outShape[^2], m = outShape[^1];
        int k = transA ? aShape[^2] : aShape[^1];
        if (outShape.Length == 2 && aShape.Length == 2 && bShape.Length == 2)
        {
            // One matrix: no batch bookkeeping (and nothing allocated, for allocation-free training steps).
            Product(a, 0, transA, b, 0, transB, c, 0, n, k, m, overwrite);
            return;
        }
        var batchShape = outShape[..^2];
        int batches = ShapeMath.Count(batchShape);
        Span<int> aStrides = stackalloc int[batchShape.Length];
        Span<int> bStrides = stackalloc int[batchShape.Length];
        ShapeMath.BroadcastStrides(aShape.AsSpan(0, aShape.Length - 2), batchShape, aStrides);
        ShapeMath.BroadcastStrides(bShape.AsSpan(0, bShape.Length - 2), batchShape, bStrides);
        var index = new int[batchShape.Length];
        for (int batch = 0; batch < batches; batch++)
        {
            int aMatrix = 0, bMatrix = 0;
            for (int i = 0; i < index.Length; i++)
            {
                aMatrix += index[i] * aStrides[i];
                bMatrix += index[i] * bStrides[i];
            }
            Product(a, aMatrix * n * k, transA, b, bMatrix * k * m, transB, c, batch * n * m, n, k, m, overwrite);
            for (int i = index.Length - 1; i >= 0 && ++index[i] == batchShape[i]; i--) index[i] = 0;
        }
    }

    private static void Product<T>(T[] a, int aOff, bool transA, T[] b, int bOff, bool transB, T[] c, int cOff, int n, int k, int m, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (overwrite) Gemm<T>.Multiply(a, aOff, transA, b, bOff, transB, c, cOff, n, k, m);
        else Gemm<T>.MultiplyAdd(a, aOff, transA, b, bOff, transB, c, cOff, n, k, m);
    }
}
