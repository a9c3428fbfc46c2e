namespace AutoDiff.Tensors.Kernels;

/// <summary>Reorders axes by copying: output axis i is input axis <c>axes[i]</c>.</summary>
internal static class PermuteKernel
{
    /// <summary>The shape after the permutation.</summary>
    public static int[] Shape(int[] srcShape, int[] axes)
    {
        var outShape = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++) outShape[i] = srcShape[axes[i]];
        return outShape;
    }

    /// <summary>Writes <paramref name="src"/> with its axes reordered into <paramref name="dst"/> (same count).</summary>
    public static void Apply<T>(T[] src, int[] srcShape, int[] axes, T[] dst)
    {
        var srcStrides = ShapeMath.RowMajorStrides(srcShape);
        var outShape = Shape(srcShape, axes);
        var gatherStrides = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++) gatherStrides[i] = srcStrides[axes[i]];
        var rows = new GatherRows<T>(dst, src);
        StridedLoop.Run(outShape, ShapeMath.RowMajorStrides(outShape), gatherStrides, new int[axes.Length], ref rows);
    }

    private readonly struct GatherRows<T>(T[] dst, T[] src) : IRowAction
    {
        public void Row(int od, int os, int unused, int length, int step, int stepUnused)
        {
            if (step == 1)
            {
                src.AsSpan(os, length).CopyTo(dst.AsSpan(od, length));
                return;
            }
            for (int i = 0; i < length; i++) dst[od + i] = src[os + i * step];
        }
    }
}
