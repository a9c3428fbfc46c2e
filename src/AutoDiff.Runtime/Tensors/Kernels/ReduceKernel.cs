using System.Numerics.Tensors;

namespace AutoDiff.Tensors;

/// <summary>Sums and maxima over axes, and the broadcast copy that undoes them (for gradients).</summary>
internal static class ReduceKernel
{
    /// <summary>
    /// Sums <paramref name="src"/> (shape <paramref name="srcShape"/>) down to <paramref name="dstShape"/>, a shape that
    /// broadcasts to srcShape: what a broadcast input's gradient needs, and what Sum over axes with keepDims computes.
    /// Returns <paramref name="src"/> itself when the shapes are equal.
    /// </summary>
    public static double[] SumTo(double[] src, int[] srcShape, int[] dstShape)
    {
        if (ShapeMath.SameShape(srcShape, dstShape)) return src;
        var dst = new double[ShapeMath.Count(dstShape)];
        if (dst.Length == 1)
        {
            dst[0] = TensorPrimitives.Sum<double>(src);
            return dst;
        }
        var rows = new SumRows(src, dst);
        StridedLoop.Run(srcShape, ShapeMath.RowMajorStrides(srcShape), ShapeMath.BroadcastStrides(dstShape, srcShape), new int[srcShape.Length], ref rows);
        return dst;
    }

    /// <summary>Maximum of <paramref name="src"/> down to <paramref name="dstShape"/> (same contract as <see cref="SumTo(double[], int[], int[])"/>).</summary>
    public static double[] MaxTo(double[] src, int[] srcShape, int[] dstShape)
    {
        var dst = new double[ShapeMath.Count(dstShape)];
        Array.Fill(dst, double.NegativeInfinity);
        var rows = new MaxRows(src, dst);
        StridedLoop.Run(srcShape, ShapeMath.RowMajorStrides(srcShape), ShapeMath.BroadcastStrides(dstShape, srcShape), new int[srcShape.Length], ref rows);
        return dst;
    }

    /// <summary>Copies <paramref name="src"/> broadcast up to <paramref name="dstShape"/>.</summary>
    public static double[] ExpandTo(double[] src, int[] srcShape, int[] dstShape)
    {
        if (ShapeMath.SameShape(srcShape, dstShape)) return (double[])src.Clone();
        var dst = new double[ShapeMath.Count(dstShape)];
        if (src.Length == 1)
        {
            Array.Fill(dst, src[0]);
            return dst;
        }
        var rows = new ExpandRows(dst, src);
        StridedLoop.Run(dstShape, ShapeMath.RowMajorStrides(dstShape), ShapeMath.BroadcastStrides(srcShape, dstShape), new int[dstShape.Length], ref rows);
        return dst;
    }

    private readonly struct SumRows(double[] src, double[] dst) : IRowAction
    {
        public void Row(int os, int od, int unused, int length, int stepD, int stepUnused)
        {
            var row = src.AsSpan(os, length);
            if (stepD == 0) dst[od] += TensorPrimitives.Sum(row);
            else
            {
                var d = dst.AsSpan(od, length);
                TensorPrimitives.Add(d, row, d);
            }
        }
    }

    private readonly struct MaxRows(double[] src, double[] dst) : IRowAction
    {
        public void Row(int os, int od, int unused, int length, int stepD, int stepUnused)
        {
            var row = src.AsSpan(os, length);
            if (stepD == 0) dst[od] = Math.Max(dst[od], TensorPrimitives.Max(row));
            else
            {
                var d = dst.AsSpan(od, length);
                TensorPrimitives.Max(d, row, d);
            }
        }
    }

    private readonly struct ExpandRows(double[] dst, double[] src) : IRowAction
    {
        public void Row(int od, int os, int unused, int length, int stepS, int stepUnused)
        {
            var d = dst.AsSpan(od, length);
            if (stepS == 0) d.Fill(src[os]);
            else src.AsSpan(os, length).CopyTo(d);
        }
    }
}
