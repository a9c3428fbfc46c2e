using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;

namespace AutoDiff.Tensors;

/// <summary>
/// Dense C += A·B for row-major matrices, the Goto/BLIS way: k is cut into KC-deep slabs; each slab of B is
/// packed into NR-wide column panels (kept in L1 by the inner loop), each MC-row block of A into MR-row
/// slivers (kept in L2); a register-blocked micro-kernel does the FMAs. Blocks of C are independent, so
/// (row block × column chunk) tasks run on all cores with Parallel.For.
/// </summary>
internal static unsafe class Gemm
{
    private const int KC = 256;
    private const int MC = 128;
    private const long SmallWork = 16L * 16 * 16;
    private const long ParallelWork = 96L * 96 * 96;

    /// <summary>C[n×m] (at cOff) += A[n×k] (at aOff) · B[k×m] (at bOff).</summary>
    public static void MultiplyAdd(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m)
    {
        if (n == 0 || m == 0 || k == 0) return;
        long work = (long)n * k * m;
        if (work < SmallWork) RowByRow(a, aOff, b, bOff, c, cOff, n, k, m);
        else if (Avx512F.IsSupported) Blocked<Avx512Kernel8x16>(a, aOff, b, bOff, c, cOff, n, k, m);
        else if (Fma.IsSupported) Blocked<Avx2Kernel4x8>(a, aOff, b, bOff, c, cOff, n, k, m);
        else RowByRow(a, aOff, b, bOff, c, cOff, n, k, m);
    }

    /// <summary>Small or non-x86 case: each row of C accumulates scaled rows of B, vectorized by TensorPrimitives.</summary>
    internal static void RowByRow(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m)
    {
        for (int i = 0; i < n; i++)
        {
            var cRow = c.AsSpan(cOff + i * m, m);
            for (int p = 0; p < k; p++)
                TensorPrimitives.MultiplyAdd(b.AsSpan(bOff + p * m, m), a[aOff + i * k + p], cRow, cRow);
        }
    }

    private static void Blocked<TKernel>(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m)
        where TKernel : IMicroKernel
    {
        int nr = TKernel.NR;
        int panels = (m + nr - 1) / nr;
        int rowBlocks = (n + MC - 1) / MC;
        bool parallel = (long)n * k * m >= ParallelWork && Environment.ProcessorCount > 1;
        // Enough tasks to keep every core busy even when n is a single row block (e.g. a batch of 64).
        int columnChunks = parallel ? Math.Clamp(2 * Environment.ProcessorCount / rowBlocks, 1, panels) : 1;
        int panelsPerChunk = (panels + columnChunks - 1) / columnChunks;
        int tasks = rowBlocks * columnChunks;

        var bPack = ArrayPool<double>.Shared.Rent(panels * nr * Math.Min(KC, k));
        try
        {
            for (int p0 = 0; p0 < k; p0 += KC)
            {
                int kc = Math.Min(KC, k - p0);
                PackB(b, bOff, m, p0, kc, nr, panels, bPack);
                if (parallel)
                {
                    Parallel.For(0, tasks, task => BlockTask<TKernel>(task, columnChunks, panelsPerChunk, panels, a, aOff, bPack, c, cOff, n, k, m, p0, kc));
                }
                else
                {
                    for (int task = 0; task < tasks; task++)
                        BlockTask<TKernel>(task, columnChunks, panelsPerChunk, panels, a, aOff, bPack, c, cOff, n, k, m, p0, kc);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(bPack);
        }
    }

    /// <summary>One MC-row block of C times one chunk of B's column panels, for one KC slab.</summary>
    private static void BlockTask<TKernel>(int task, int columnChunks, int panelsPerChunk, int panels,
        double[] a, int aOff, double[] bPack, double[] c, int cOff, int n, int k, int m, int p0, int kc)
        where TKernel : IMicroKernel
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int i0 = task / columnChunks * MC;
        int mc = Math.Min(MC, n - i0);
        int firstPanel = task % columnChunks * panelsPerChunk;
        int lastPanel = Math.Min(panels, firstPanel + panelsPerChunk);
        if (firstPanel >= lastPanel) return;
        int slivers = (mc + mr - 1) / mr;
        var aPack = ArrayPool<double>.Shared.Rent(slivers * mr * kc);
        try
        {
            PackA(a, aOff, k, i0, mc, p0, kc, mr, aPack);
            double* edge = stackalloc double[mr * nr];
            fixed (double* ap = aPack, bp = bPack, cp = c)
            {
                for (int panel = firstPanel; panel < lastPanel; panel++)
                {
                    int j0 = panel * nr;
                    int cols = Math.Min(nr, m - j0);
                    double* bPanel = bp + (long)panel * nr * kc;
                    for (int s = 0; s < slivers; s++)
                    {
                        int row = i0 + s * mr;
                        int rows = Math.Min(mr, n - row);
                        double* cTile = cp + cOff + (long)row * m + j0;
                        if (rows == mr && cols == nr)
                        {
                            TKernel.Run(kc, ap + (long)s * mr * kc, bPanel, cTile, m);
                            continue;
                        }
                        new Span<double>(edge, mr * nr).Clear();
                        TKernel.Run(kc, ap + (long)s * mr * kc, bPanel, edge, nr);
                        for (int r = 0; r < rows; r++)
                            for (int j = 0; j < cols; j++)
                                cTile[(long)r * m + j] += edge[r * nr + j];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(aPack);
        }
    }

    /// <summary>B[p0..p0+kc, all columns] into panels of nr columns: panel j holds kc rows of nr values, zero-padded.</summary>
    private static void PackB(double[] b, int bOff, int m, int p0, int kc, int nr, int panels, double[] bPack)
    {
        for (int panel = 0; panel < panels; panel++)
        {
            int j0 = panel * nr;
            int cols = Math.Min(nr, m - j0);
            var dst = bPack.AsSpan(panel * nr * kc, nr * kc);
            for (int p = 0; p < kc; p++)
            {
                var row = dst.Slice(p * nr, nr);
                b.AsSpan(bOff + (p0 + p) * m + j0, cols).CopyTo(row);
                if (cols < nr) row[cols..].Clear();
            }
        }
    }

    /// <summary>A[i0..i0+mc, p0..p0+kc] into slivers of mr rows: sliver s holds kc steps of mr values (a column of the sliver), zero-padded.</summary>
    private static void PackA(double[] a, int aOff, int k, int i0, int mc, int p0, int kc, int mr, double[] aPack)
    {
        int slivers = (mc + mr - 1) / mr;
        for (int s = 0; s < slivers; s++)
        {
            var dst = aPack.AsSpan(s * mr * kc, mr * kc);
            for (int r = 0; r < mr; r++)
            {
                int row = s * mr + r;
                if (row >= mc)
                {
                    for (int p = 0; p < kc; p++) dst[p * mr + r] = 0;
                    continue;
                }
                var src = a.AsSpan(aOff + (i0 + row) * k + p0, kc);
                for (int p = 0; p < kc; p++) dst[p * mr + r] = src[p];
            }
        }
    }
}
