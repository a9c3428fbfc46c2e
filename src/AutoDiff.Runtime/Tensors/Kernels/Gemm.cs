using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;

namespace AutoDiff.Tensors.Kernels;

/// <summary>Which micro-kernel <see cref="Gemm{T}"/> uses; tests force each one to check them all on one machine.</summary>
internal enum GemmKernel
{
    /// <summary>The widest the CPU has.</summary>
    Auto,
    Avx512,
    Avx2,
    /// <summary>The vectorized row loop used for small products and CPUs without FMA.</summary>
    Portable,
}

/// <summary>
/// Dense C += op(A)·op(B) for row-major matrices, the Goto/BLIS way. Each core takes a band of C (rows or
/// columns, whichever has more micro-tiles) and computes it alone, so no core waits for another: k is cut
/// into KC-deep slabs; for each slab an NC-wide block of op(B) is packed into NR-column panels, then each
/// MC-row block of op(A) into MR-row slivers (kept in L2); the register-blocked micro-kernel runs every
/// sliver against every panel. Packing buffers belong to the thread and are reused from call to call.
/// </summary>
internal static unsafe class Gemm<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Slab depth: 2 KB of one row of a packed sliver (256 doubles, 512 floats).</summary>
    private static readonly int KC = 4096 / sizeof(T);
    private const int MC = 96;
    private const int NC = 2048;
    private const long SmallWork = 16L * 16 * 16;
    private const long ParallelWork = 48L * 48 * 48;

    [ThreadStatic] private static T[]? t_aPack;
    [ThreadStatic] private static T[]? t_bPack;

    /// <summary>Set by tests to run a given micro-kernel on the calling thread's products; <see cref="GemmKernel.Auto"/> (default) in use.</summary>
    [ThreadStatic] internal static GemmKernel Kernel;

    /// <summary>
    /// C[n×m] (at cOff) += op(A)·op(B) where op(A) is n×k and op(B) is k×m. A is stored row-major as n×k, or as k×n when
    /// <paramref name="transA"/>; B as k×m, or as m×k when <paramref name="transB"/>. Transposes are read during packing,
    /// so gradients (G·Bᵀ, Aᵀ·G) never materialize a transposed copy.
    /// </summary>
    public static void MultiplyAdd(T[] a, int aOff, bool transA, T[] b, int bOff, bool transB, T[] c, int cOff, int n, int k, int m) =>
        Run(new Operands(a, aOff, transA, b, bOff, transB, c, cOff, n, k, m, Overwrite: false));

    /// <summary>Like <see cref="MultiplyAdd"/> but C = op(A)·op(B): whatever C held is overwritten, so it needs no clearing first.</summary>
    public static void Multiply(T[] a, int aOff, bool transA, T[] b, int bOff, bool transB, T[] c, int cOff, int n, int k, int m) =>
        Run(new Operands(a, aOff, transA, b, bOff, transB, c, cOff, n, k, m, Overwrite: true));

    private static void Run(in Operands operands)
    {
        int n = operands.N, k = operands.K, m = operands.M;
        if (n == 0 || m == 0) return;
        if (k == 0)
        {
            if (operands.Overwrite) Array.Clear(operands.C, operands.COff, n * m);
            return;
        }
        var kernel = Kernel != GemmKernel.Auto ? Kernel
            : Avx512F.IsSupported ? GemmKernel.Avx512
            : Fma.IsSupported ? GemmKernel.Avx2
            : GemmKernel.Portable;
        if ((long)n * k * m < SmallWork && Kernel == GemmKernel.Auto) kernel = GemmKernel.Portable;
        switch (kernel)
        {
            case GemmKernel.Avx512 when Avx512F.IsSupported: Blocked<Avx512Kernel<T>>(operands); break;
            case GemmKernel.Avx2 when Fma.IsSupported: Blocked<Avx2Kernel<T>>(operands); break;
            default: Small(operands); break;
        }
    }

    /// <summary>The two inputs, the output and their layout, passed around as one value.</summary>
    private readonly record struct Operands(T[] A, int AOff, bool TransA, T[] B, int BOff, bool TransB, T[] C, int COff, int N, int K, int M, bool Overwrite)
    {
        public T AAt(int i, int p) => TransA ? A[AOff + p * N + i] : A[AOff + i * K + p];
        public T BAt(int p, int j) => TransB ? B[BOff + j * K + p] : B[BOff + p * M + j];
    }

    /// <summary>Small or non-x86 case: each row of C accumulates scaled rows of B (vectorized when B is not transposed).</summary>
    private static void Small(in Operands o)
    {
        if (o.Overwrite) Array.Clear(o.C, o.COff, o.N * o.M);
        for (int i = 0; i < o.N; i++)
        {
            var cRow = o.C.AsSpan(o.COff + i * o.M, o.M);
            for (int p = 0; p < o.K; p++)
            {
                T aip = o.AAt(i, p);
                if (!o.TransB) TensorPrimitives.MultiplyAdd(o.B.AsSpan(o.BOff + p * o.M, o.M), aip, cRow, cRow);
                else for (int j = 0; j < o.M; j++) cRow[j] += aip * o.BAt(p, j);
            }
        }
    }

    private static void Blocked<TKernel>(in Operands o)
        where TKernel : IMicroKernel<T>
    {
        if ((long)o.N * o.K * o.M >= ParallelWork && KernelThreads.Count > 1)
        {
            var job = BandJob<TKernel>.ForThisThread;
            job.Start(o);
            bool ran = KernelThreads.TryRun(job);
            job.Operands = default; // drop the arrays: a thread-static job must not keep them alive
            if (ran) return;
        }
        Band<TKernel>(o, 0, o.N, 0, o.M);
    }

    /// <summary>
    /// Splits C into one band per core along the axis with more micro-tiles. Each core claims bands until none are
    /// left, so on a busy machine a core that wakes late finds its band already done instead of being waited for.
    /// </summary>
    private sealed class BandJob<TKernel> : IParallelJob
        where TKernel : IMicroKernel<T>
    {
        [ThreadStatic] private static BandJob<TKernel>? t_job;
        private int _nextBand;

        public static BandJob<TKernel> ForThisThread => t_job ??= new BandJob<TKernel>();

        public Operands Operands;

        /// <summary>Sets the product up before the cores are woken (their wake-up publishes these writes).</summary>
        public void Start(in Operands operands)
        {
            Operands = operands;
            _nextBand = 0;
        }

        public void Execute(int worker, int workers)
        {
            int band;
            while ((band = Interlocked.Increment(ref _nextBand) - 1) < workers) RunBand(band, workers);
        }

        private void RunBand(int band, int bands)
        {
            var o = Operands;
            int mr = TKernel.MR, nr = TKernel.NR;
            int rowTiles = (o.N + mr - 1) / mr, columnTiles = (o.M + nr - 1) / nr;
            if (rowTiles >= columnTiles)
            {
                int rows = (rowTiles + bands - 1) / bands * mr;
                int start = Math.Min(o.N, band * rows);
                Band<TKernel>(o, start, Math.Min(o.N, start + rows), 0, o.M);
            }
            else
            {
                int columns = (columnTiles + bands - 1) / bands * nr;
                int start = Math.Min(o.M, band * columns);
                Band<TKernel>(o, 0, o.N, start, Math.Min(o.M, start + columns));
            }
        }
    }

    /// <summary>C[rows r0..r1, columns c0..c1] += op(A)·op(B), packing with this thread's buffers.</summary>
    private static void Band<TKernel>(in Operands o, int r0, int r1, int c0, int c1)
        where TKernel : IMicroKernel<T>
    {
        if (r0 >= r1 || c0 >= c1) return;
        int mr = TKernel.MR, nr = TKernel.NR;
        // Equal slabs (784 = 2 × 392, not 512 + 272): a thin last slab would pay the C tile's loads and stores for little work.
        int kcMax = (o.K + (o.K + KC - 1) / KC - 1) / ((o.K + KC - 1) / KC);
        int ncMax = (Math.Min(NC, c1 - c0) + nr - 1) / nr * nr;
        int mcMax = (Math.Min(MC, r1 - r0) + mr - 1) / mr * mr;
        var aPack = Buffer(ref t_aPack, mcMax * kcMax);
        var bPack = Buffer(ref t_bPack, ncMax * kcMax);
        for (int p0 = 0; p0 < o.K; p0 += kcMax)
        {
            int kc = Math.Min(kcMax, o.K - p0);
            for (int j0 = c0; j0 < c1; j0 += NC)
            {
                int nc = Math.Min(NC, c1 - j0);
                PackB(o, p0, kc, j0, nc, nr, bPack);
                for (int i0 = r0; i0 < r1; i0 += MC)
                {
                    int mc = Math.Min(MC, r1 - i0);
                    PackA(o, i0, mc, p0, kc, mr, aPack);
                    // The first slab overwrites C when asked to; later slabs add to it.
                    Macro<TKernel>(o, aPack, bPack, kc, i0, mc, j0, nc, add: p0 > 0 || !o.Overwrite);
                }
            }
        }
    }

    private static T[] Buffer(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new T[length];
        return buffer;
    }

    /// <summary>Every packed sliver against every packed panel: the block C[i0.., j0..] of mc×nc.</summary>
    private static void Macro<TKernel>(in Operands o, T[] aPack, T[] bPack, int kc, int i0, int mc, int j0, int nc, bool add)
        where TKernel : IMicroKernel<T>
    {
        int mr = TKernel.MR, nr = TKernel.NR, m = o.M;
        int panels = (nc + nr - 1) / nr, slivers = (mc + mr - 1) / mr;
        T* edge = stackalloc T[mr * nr];
        fixed (T* ap = aPack, bp = bPack, cp = o.C)
        {
            for (int panel = 0; panel < panels; panel++)
            {
                int j = j0 + panel * nr;
                int cols = Math.Min(nr, j0 + nc - j);
                T* bPanel = bp + (long)panel * nr * kc;
                for (int s = 0; s < slivers; s++)
                {
                    int row = i0 + s * mr;
                    int rows = Math.Min(mr, i0 + mc - row);
                    T* cTile = cp + o.COff + (long)row * m + j;
                    T* aSliver = ap + (long)s * mr * kc;
                    if (rows == mr && cols == nr)
                    {
                        TKernel.Run(kc, aSliver, bPanel, cTile, m, add);
                        continue;
                    }
                    TKernel.Run(kc, aSliver, bPanel, edge, nr, add: false);
                    for (int r = 0; r < rows; r++)
                        for (int jj = 0; jj < cols; jj++)
                            cTile[(long)r * m + jj] = add ? cTile[(long)r * m + jj] + edge[r * nr + jj] : edge[r * nr + jj];
                }
            }
        }
    }

    /// <summary>op(B)[p0..p0+kc, j0..j0+nc] into panels of nr columns: panel q holds kc rows of nr values, zero-padded.</summary>
    private static void PackB(in Operands o, int p0, int kc, int j0, int nc, int nr, T[] bPack)
    {
        int m = o.M, k = o.K;
        int panels = (nc + nr - 1) / nr;
        for (int panel = 0; panel < panels; panel++)
        {
            int j = j0 + panel * nr;
            int cols = Math.Min(nr, j0 + nc - j);
            var dst = bPack.AsSpan(panel * nr * kc, nr * kc);
            if (cols < nr) dst.Clear();
            if (!o.TransB)
            {
                for (int p = 0; p < kc; p++) o.B.AsSpan(o.BOff + (p0 + p) * m + j, cols).CopyTo(dst.Slice(p * nr, nr));
                continue;
            }
            // Stored as m×k: column j of op(B) is row j of storage, contiguous along p.
            for (int jj = 0; jj < cols; jj++)
            {
                var src = o.B.AsSpan(o.BOff + (j + jj) * k + p0, kc);
                for (int p = 0; p < kc; p++) dst[p * nr + jj] = src[p];
            }
        }
    }

    /// <summary>op(A)[i0..i0+mc, p0..p0+kc] into slivers of mr rows: sliver s holds kc steps of mr values, zero-padded.</summary>
    private static void PackA(in Operands o, int i0, int mc, int p0, int kc, int mr, T[] aPack)
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
            // Step by step across the sliver's rows: the writes are sequential, the rows are read as mr streams.
            fixed (T* a = &o.A[o.AOff + firstRow * o.K + p0], d = dst)
            {
                for (int p = 0; p < kc; p++)
                    for (int r = 0; r < rows; r++) d[p * mr + r] = a[(long)r * o.K + p];
            }
        }
    }
}
