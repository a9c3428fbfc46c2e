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
    private const int KC = 512;
    private const int MC = 32;
    private const long SmallWork = 16L * 16 * 16;
    private const long ParallelWork = 96L * 96 * 96;

    /// <summary>
    /// C[n×m] (at cOff) += op(A)·op(B) where op(A) is n×k and op(B) is k×m. A is stored row-major as n×k, or as k×n when
    /// <paramref name="transA"/>; B as k×m, or as m×k when <paramref name="transB"/>. Transposes are read during packing,
    /// so gradients (G·Bᵀ, Aᵀ·G) never materialize a transposed copy.
    /// </summary>
    public static void MultiplyAdd(double[] a, int aOff, bool transA, double[] b, int bOff, bool transB, double[] c, int cOff, int n, int k, int m)
    {
        if (n == 0 || m == 0 || k == 0) return;
        var operands = new Operands(a, aOff, transA, b, bOff, transB, c, cOff, n, k, m);
        long work = (long)n * k * m;
        if (work < SmallWork) Small(operands);
        else if (Avx512F.IsSupported) Blocked<Avx512Kernel8x16>(operands);
        else if (Fma.IsSupported) Blocked<Avx2Kernel4x8>(operands);
        else Small(operands);
    }

    /// <summary>The two inputs, the output and their layout, passed around as one value.</summary>
    private readonly record struct Operands(double[] A, int AOff, bool TransA, double[] B, int BOff, bool TransB, double[] C, int COff, int N, int K, int M)
    {
        public double AAt(int i, int p) => TransA ? A[AOff + p * N + i] : A[AOff + i * K + p];
        public double BAt(int p, int j) => TransB ? B[BOff + j * K + p] : B[BOff + p * M + j];
    }

    /// <summary>Small or non-x86 case: each row of C accumulates scaled rows of B (vectorized when B is not transposed).</summary>
    private static void Small(in Operands o)
    {
        for (int i = 0; i < o.N; i++)
        {
            var cRow = o.C.AsSpan(o.COff + i * o.M, o.M);
            for (int p = 0; p < o.K; p++)
            {
                double aip = o.AAt(i, p);
                if (!o.TransB) TensorPrimitives.MultiplyAdd(o.B.AsSpan(o.BOff + p * o.M, o.M), aip, cRow, cRow);
                else for (int j = 0; j < o.M; j++) cRow[j] += aip * o.BAt(p, j);
            }
        }
    }

    private static void Blocked<TKernel>(Operands o)
        where TKernel : IMicroKernel
    {
        int n = o.N, k = o.K, m = o.M;
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
                PackB(o, p0, kc, nr, panels, bPack);
                if (parallel)
                {
                    Parallel.For(0, tasks, task => BlockTask<TKernel>(task, columnChunks, panelsPerChunk, panels, o, bPack, p0, kc));
                }
                else
                {
                    for (int task = 0; task < tasks; task++)
                        BlockTask<TKernel>(task, columnChunks, panelsPerChunk, panels, o, bPack, p0, kc);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(bPack);
        }
    }

    /// <summary>One MC-row block of C times one chunk of B's column panels, for one KC slab.</summary>
    private static void BlockTask<TKernel>(int task, int columnChunks, int panelsPerChunk, int panels, Operands o, double[] bPack, int p0, int kc)
        where TKernel : IMicroKernel
    {
        int n = o.N, m = o.M, cOff = o.COff;
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
            PackA(o, i0, mc, p0, kc, mr, aPack);
            double* edge = stackalloc double[mr * nr];
            fixed (double* ap = aPack, bp = bPack, cp = o.C)
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

    /// <summary>op(B)[p0..p0+kc, all columns] into panels of nr columns: panel j holds kc rows of nr values, zero-padded.</summary>
    private static void PackB(in Operands o, int p0, int kc, int nr, int panels, double[] bPack)
    {
        int m = o.M, k = o.K;
        for (int panel = 0; panel < panels; panel++)
        {
            int j0 = panel * nr;
            int cols = Math.Min(nr, m - j0);
            var dst = bPack.AsSpan(panel * nr * kc, nr * kc);
            if (cols < nr) dst.Clear();
            if (!o.TransB)
            {
                for (int p = 0; p < kc; p++) o.B.AsSpan(o.BOff + (p0 + p) * m + j0, cols).CopyTo(dst.Slice(p * nr, nr));
                continue;
            }
            // Stored as m×k: column j of op(B) is row j of storage, contiguous along p.
            for (int j = 0; j < cols; j++)
            {
                var src = o.B.AsSpan(o.BOff + (j0 + j) * k + p0, kc);
                for (int p = 0; p < kc; p++) dst[p * nr + j] = src[p];
            }
        }
    }

    /// <summary>op(A)[i0..i0+mc, p0..p0+kc] into slivers of mr rows: sliver s holds kc steps of mr values, zero-padded.</summary>
    private static void PackA(in Operands o, int i0, int mc, int p0, int kc, int mr, double[] aPack)
    {
        int slivers = (mc + mr - 1) / mr;
        for (int s = 0; s < slivers; s++)
        {
            var dst = aPack.AsSpan(s * mr * kc, mr * kc);
            int rows = Math.Min(mr, mc - s * mr);
            if (rows < mr) dst.Clear();
            int firstRow = i0 + s * mr;
            if (o.TransA)
            {
                // Stored as k×n: the sliver's rows for one step p are contiguous.
                for (int p = 0; p < kc; p++)
                    o.A.AsSpan(o.AOff + (p0 + p) * o.N + firstRow, rows).CopyTo(dst.Slice(p * mr, mr));
                continue;
            }
            for (int r = 0; r < rows; r++)
            {
                var src = o.A.AsSpan(o.AOff + (firstRow + r) * o.K + p0, kc);
                for (int p = 0; p < kc; p++) dst[p * mr + r] = src[p];
            }
        }
    }
}
