using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AutoDiff.Tensors;

/// <summary>
/// A register-blocked kernel: C[MR×NR] += A·B over kc steps, where A is a packed MR-row sliver
/// (MR values per step) and B a packed NR-column panel (NR values per step).
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int MR { get; }
    static abstract int NR { get; }
    static abstract void Run(int kc, double* a, double* b, double* c, int ldc);
}

/// <summary>AVX-512: 8 rows × 16 columns held in 16 zmm accumulators; each step is 2 loads, 8 broadcasts, 16 FMAs.</summary>
internal unsafe struct Avx512Kernel8x16 : IMicroKernel
{
    public static int MR => 8;
    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, double* a, double* b, double* c, int ldc)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<double> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<double> c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = Avx512F.LoadVector512(b + 8);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40); c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50); c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(x, b0, c60); c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(x, b0, c70); c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            a += 8;
            b += 16;
        }
        AddRow(c, c00, c01); c += ldc;
        AddRow(c, c10, c11); c += ldc;
        AddRow(c, c20, c21); c += ldc;
        AddRow(c, c30, c31); c += ldc;
        AddRow(c, c40, c41); c += ldc;
        AddRow(c, c50, c51); c += ldc;
        AddRow(c, c60, c61); c += ldc;
        AddRow(c, c70, c71);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(double* c, Vector512<double> v0, Vector512<double> v1)
    {
        Avx512F.Store(c, Avx512F.Add(Avx512F.LoadVector512(c), v0));
        Avx512F.Store(c + 8, Avx512F.Add(Avx512F.LoadVector512(c + 8), v1));
    }
}

/// <summary>AVX2 + FMA: 4 rows × 8 columns in 8 ymm accumulators (16 registers in all).</summary>
internal unsafe struct Avx2Kernel4x8 : IMicroKernel
{
    public static int MR => 4;
    public static int NR => 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, double* a, double* b, double* c, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 4);
            var x = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(x, b0, c00); c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(x, b0, c10); c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(x, b0, c20); c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(x, b0, c30); c31 = Fma.MultiplyAdd(x, b1, c31);
            a += 4;
            b += 8;
        }
        AddRow(c, c00, c01); c += ldc;
        AddRow(c, c10, c11); c += ldc;
        AddRow(c, c20, c21); c += ldc;
        AddRow(c, c30, c31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(double* c, Vector256<double> v0, Vector256<double> v1)
    {
        Avx.Store(c, Avx.Add(Avx.LoadVector256(c), v0));
        Avx.Store(c + 4, Avx.Add(Avx.LoadVector256(c + 4), v1));
    }
}
