namespace AutoDiff.Tensors;

/// <summary>Reorders axes by copying: output axis i is input axis <c>axes[i]</c>.</summary>
internal static class PermuteKernel
{
    public static double[] Apply(double[] src, int[] srcShape, int[] axes, out int[] outShape)
    {
        var srcStrides = ShapeMath.RowMajorStrides(srcShape);
        outShape = new int[axes.Length];
        var gatherStrides = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            outShape[i] = srcShape[axes[i]];
            gatherStrides[i] = srcStrides[axes[i]];
        }
        var dst = new double[src.Length];
        var rows = new GatherRows(dst, src);
        StridedLoop.Run(outShape, ShapeMath.RowMajorStrides(outShape), gatherStrides, new int[axes.Length], ref rows);
        return dst;
    }

    private readonly struct GatherRows(double[] dst, double[] src) : IRowAction
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
