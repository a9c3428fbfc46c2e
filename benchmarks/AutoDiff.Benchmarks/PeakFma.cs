using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AutoDiff.Benchmarks;

/// <summary>
/// The FMA peak of the widest vectors the CPU has: every core runs <see cref="Chains"/> independent FMA chains,
/// more than latency × pipes (4 cycles × 2 pipes on current x86 cores), so no chain ever waits on its own result.
/// </summary>
public static class PeakFma
{
    /// <summary>Independent accumulators per core.</summary>
    public const int Chains = 12;

    /// <summary>FMA steps per chain in one call of <see cref="AllCores{T}"/>.</summary>
    public const int Iterations = 1_000_000;

    /// <summary>Vector lanes of <typeparamref name="T"/> in the widest FMA vector.</summary>
    public static int Lanes<T>() => Avx512F.IsSupported ? Vector512<T>.Count : Vector256<T>.Count;

    /// <summary>Flops of one <see cref="AllCores{T}"/> call: 2 per lane per FMA.</summary>
    public static double Flops<T>() => 2.0 * Iterations * Chains * Lanes<T>() * Environment.ProcessorCount;

    /// <summary>Runs the chains on every core at once.</summary>
    public static double AllCores<T>()
        where T : unmanaged
    {
        var results = new double[Environment.ProcessorCount];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length },
            core => results[core] = Avx512F.IsSupported ? Chains512<T>(Iterations) : Chains256<T>(Iterations));
        return results.Sum();
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains512<T>(int iterations)
        where T : unmanaged
    {
        var m = Vector512.Create(0.999999).As<double, T>();
        var a = Vector512.Create(1e-9).As<double, T>();
        if (typeof(T) == typeof(float)) (m, a) = (Vector512.Create(0.999999f).As<float, T>(), Vector512.Create(1e-9f).As<float, T>());
        Vector512<T> c0 = a, c1 = a, c2 = a, c3 = a, c4 = a, c5 = a, c6 = a, c7 = a, c8 = a, c9 = a, c10 = a, c11 = a;
        for (int i = 0; i < iterations; i++)
        {
            c0 = Fma(c0, m, a); c1 = Fma(c1, m, a); c2 = Fma(c2, m, a); c3 = Fma(c3, m, a);
            c4 = Fma(c4, m, a); c5 = Fma(c5, m, a); c6 = Fma(c6, m, a); c7 = Fma(c7, m, a);
            c8 = Fma(c8, m, a); c9 = Fma(c9, m, a); c10 = Fma(c10, m, a); c11 = Fma(c11, m, a);
        }
        var sum = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11));
        return typeof(T) == typeof(float) ? Vector512.Sum(sum.As<T, float>()) : Vector512.Sum(sum.As<T, double>());
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains256<T>(int iterations)
        where T : unmanaged
    {
        var m = Vector256.Create(0.999999).As<double, T>();
        var a = Vector256.Create(1e-9).As<double, T>();
        if (typeof(T) == typeof(float)) (m, a) = (Vector256.Create(0.999999f).As<float, T>(), Vector256.Create(1e-9f).As<float, T>());
        Vector256<T> c0 = a, c1 = a, c2 = a, c3 = a, c4 = a, c5 = a, c6 = a, c7 = a, c8 = a, c9 = a, c10 = a, c11 = a;
        for (int i = 0; i < iterations; i++)
        {
            c0 = Fma(c0, m, a); c1 = Fma(c1, m, a); c2 = Fma(c2, m, a); c3 = Fma(c3, m, a);
            c4 = Fma(c4, m, a); c5 = Fma(c5, m, a); c6 = Fma(c6, m, a); c7 = Fma(c7, m, a);
            c8 = Fma(c8, m, a); c9 = Fma(c9, m, a); c10 = Fma(c10, m, a); c11 = Fma(c11, m, a);
        }
        var sum = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11));
        return typeof(T) == typeof(float) ? Vector256.Sum(sum.As<T, float>()) : Vector256.Sum(sum.As<T, double>());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> acc)
        where T : unmanaged =>
        typeof(T) == typeof(float)
            ? Avx512F.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>()
            : Avx512F.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> acc)
        where T : unmanaged =>
        typeof(T) == typeof(float)
            ? System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>()
            : System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
}
