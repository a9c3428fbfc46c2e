using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AutoDiff.Tensors.Kernels;

/// <summary>
/// A register-blocked kernel: C[MR×NR] += A·B over kc steps (C = A·B when not <c>add</c>), where A is a packed
/// MR-row sliver (MR values per step) and B a packed NR-column panel (NR values per step).
/// </summary>
internal unsafe interface IMicroKernel<T>
    where T : unmanaged
{
    static abstract int MR { get; }
    static abstract int NR { get; }
    static abstract void Run(int kc, T* a, T* b, T* c, int ldc, bool add);
}

/// <summary>
/// AVX-512: 8 rows × 2 zmm columns (16 doubles or 32 floats) in 16 accumulators; each step is 2 loads,
/// 8 broadcasts and 16 independent FMAs, enough to hide the FMA latency on both pipes.
/// </summary>
internal unsafe struct Avx512Kernel<T> : IMicroKernel<T>
    where T : unmanaged
{
    public static int MR => 8;
    public static int NR => 2 * Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, int ldc, bool add)
    {
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default, c70 = default, c71 = default;
        int lanes = Vector512<T>.Count;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + lanes);
            var x = Vector512.Create(a[0]);
            c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Fma(x, b0, c40); c41 = Fma(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Fma(x, b0, c50); c51 = Fma(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Fma(x, b0, c60); c61 = Fma(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Fma(x, b0, c70); c71 = Fma(x, b1, c71);
            a += 8;
            b += 2 * lanes;
        }
        StoreRow(c, lanes, add, c00, c01); c += ldc;
        StoreRow(c, lanes, add, c10, c11); c += ldc;
        StoreRow(c, lanes, add, c20, c21); c += ldc;
        StoreRow(c, lanes, add, c30, c31); c += ldc;
        StoreRow(c, lanes, add, c40, c41); c += ldc;
        StoreRow(c, lanes, add, c50, c51); c += ldc;
        StoreRow(c, lanes, add, c60, c61); c += ldc;
        StoreRow(c, lanes, add, c70, c71);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(T* c, int lanes, bool add, Vector512<T> v0, Vector512<T> v1)
    {
        if (add)
        {
            v0 += Vector512.Load(c);
            v1 += Vector512.Load(c + lanes);
        }
        Vector512.Store(v0, c);
        Vector512.Store(v1, c + lanes);
    }

    // The type tests are JIT-time constants: each instantiation keeps one instruction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> acc)
    {
        if (typeof(T) == typeof(double))
            return Avx512F.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        return Avx512F.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
    }
}

/// <summary>AVX2 + FMA: 4 rows × 2 ymm columns in 8 accumulators (16 registers in all).</summary>
internal unsafe struct Avx2Kernel<T> : IMicroKernel<T>
    where T : unmanaged
{
    public static int MR => 4;
    public static int NR => 2 * Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, int ldc, bool add)
    {
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default, c30 = default, c31 = default;
        int lanes = Vector256<T>.Count;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + lanes);
            var x = Vector256.Create(a[0]);
            c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31);
            a += 4;
            b += 2 * lanes;
        }
        StoreRow(c, lanes, add, c00, c01); c += ldc;
        StoreRow(c, lanes, add, c10, c11); c += ldc;
        StoreRow(c, lanes, add, c20, c21); c += ldc;
        StoreRow(c, lanes, add, c30, c31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(T* c, int lanes, bool add, Vector256<T> v0, Vector256<T> v1)
    {
        if (add)
        {
            v0 += Vector256.Load(c);
            v1 += Vector256.Load(c + lanes);
        }
        Vector256.Store(v0, c);
        Vector256.Store(v1, c + lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> x, Vector256<T> y, Vector256<T> acc)
    {
        if (typeof(T) == typeof(double))
            return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
    }
}
