using System.Numerics;
using System.Numerics.Tensors;

namespace AutoDiff.Tensors.Kernels;

/// <summary>Sums and maxima over axes, and the broadcast copy that undoes them (for gradients).</summary>
internal static class ReduceKernel
{
    /// <summary>
    /// Adds <paramref name="src"/> (shape <paramref name="srcShape"/>) summed down to <paramref name="dstShape"/>, a shape that
    /// broadcasts to srcShape, into <paramref name="dst"/>: what a broadcast input's gradient needs, and what Sum over axes
    /// with keepDims computes (into a zeroed <paramref name="dst"/>).
    /// </summary>
    public static void AddSumTo<T>(T[] src, int[] srcShape, int[] dstShape, T[] dst)
        where T : IFloatingPointIeee754<T>
    {
        if (ShapeMath.SameShape(srcShape, dstShape)) TensorPrimitives.Add(dst, src, dst);
        else if (dst.Length == 1) dst[0] += TensorPrimitives.Sum<T>(src);
        else
        {
            var rows = new SumRows<T>(src, dst);
            StridedLoop.RunBroadcast(srcShape, dstShape, [], ref rows);
        }
    }

    /// <summary>Maximum of <paramref name="src"/> down to <paramref name="dstShape"/>, written into <paramref name="dst"/>.</summary>
    public static void MaxTo<T>(T[] src, int[] srcShape, int[] dstShape, T[] dst)
        where T : IFloatingPointIeee754<T>
    {
        Array.Fill(dst, T.NegativeInfinity);
        var rows = new MaxRows<T>(src, dst);
        StridedLoop.RunBroadcast(srcShape, dstShape, [], ref rows);
    }

    /// <summary>Copies <paramref name="src"/> broadcast up to <paramref name="dstShape"/> into <paramref name="dst"/>.</summary>
    public static void ExpandTo<T>(T[] src, int[] srcShape, int[] dstShape, T[] dst)
        where T : IFloatingPointIeee754<T>
    {
        if (ShapeMath.SameShape(srcShape, dstShape))
        {
            src.AsSpan().CopyTo(dst);
            return;
        }
        if (src.Length == 1)
        {
            Array.Fill(dst, src[0]);
            return;
        }
        var rows = new ExpandRows<T>(dst, src);
        StridedLoop.RunBroadcast(dstShape, srcShape, [], ref rows);
    }

    private readonly struct SumRows<T>(T[] src, T[] dst) : IRowAction
        where T : IFloatingPointIeee754<T>
    {
        public void Row(int os, int od, int unused, int length, int stepD, int stepUnused)
        {
            var row = src.AsSpan(os, length);
            if (stepD == 0) dst[od] += TensorPrimitives.Sum<T>(row);
            else
            {
                var d = dst.AsSpan(od, length);
                TensorPrimitives.Add(d, row, d);
            }
        }
    }

    private readonly struct MaxRows<T>(T[] src, T[] dst) : IRowAction
        where T : IFloatingPointIeee754<T>
    {
        public void Row(int os, int od, int unused, int length, int stepD, int stepUnused)
        {
            var row = src.AsSpan(os, length);
            if (stepD == 0) dst[od] = T.Max(dst[od], TensorPrimitives.Max<T>(row));
            else
            {
                var d = dst.AsSpan(od, length);
                TensorPrimitives.Max(d, row, d);
            }
        }
    }

    private readonly struct ExpandRows<T>(T[] dst, T[] src) : IRowAction
        where T : IFloatingPointIeee754<T>
    {
        public void Row(int od, int os, int unused, int length, int stepS, int stepUnused)
        {
            var d = dst.AsSpan(od, length);
            if (stepS == 0) d.Fill(src[os]);
            else src.AsSpan(os, length).CopyTo(d);
        }
    }
}
