namespace AutoDiff.Tensors;

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

    /// <summary>C = A·B for every batch entry; C has <paramref name="outShape"/> from <see cref="ResultShape"/>.</summary>
    public static double[] Multiply(double[] a, int[] aShape, double[] b, int[] bShape, int[] outShape)
    {
        var c = new double[ShapeMath.Count(outShape)];
        MultiplyAdd(a, aShape, false, b, bShape, false, c, outShape);
        return c;
    }

    /// <summary>The logical shape of a stored operand: its last two axes swapped when it is read transposed.</summary>
    public static int[] Transposed(int[] shape) => [.. shape[..^2], shape[^1], shape[^2]];

    /// <summary>
    /// C += op(A)·op(B) for every batch entry. Shapes are as stored; a transposed operand is read with its
    /// last two axes swapped (see <see cref="Gemm.MultiplyAdd"/>). C has shape <paramref name="outShape"/>.
    /// </summary>
    public static void MultiplyAdd(double[] a, int[] aShape, bool transA, double[] b, int[] bShape, bool transB, double[] c, int[] outShape)
    {
        int n = outShape[^2], m = outShape[^1];
        int k = transA ? aShape[^2] : aShape[^1];
        var batchShape = outShape[..^2];
        int batches = ShapeMath.Count(batchShape);
        var aStrides = ShapeMath.BroadcastStrides(aShape[..^2], batchShape);
        var bStrides = ShapeMath.BroadcastStrides(bShape[..^2], batchShape);
        var index = new int[batchShape.Length];
        for (int batch = 0; batch < batches; batch++)
        {
            int aMatrix = 0, bMatrix = 0;
            for (int i = 0; i < index.Length; i++)
            {
                aMatrix += index[i] * aStrides[i];
                bMatrix += index[i] * bStrides[i];
            }
            Gemm.MultiplyAdd(a, aMatrix * n * k, transA, b, bMatrix * k * m, transB, c, batch * n * m, n, k, m);
            for (int i = index.Length - 1; i >= 0 && ++index[i] == batchShape[i]; i--) index[i] = 0;
        }
    }
}
