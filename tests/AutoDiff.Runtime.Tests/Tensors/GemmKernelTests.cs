using System.Numerics;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>
/// Every micro-kernel the CPU has (AVX-512, AVX2, the portable loop), in double and float, transposed or not,
/// accumulating or overwriting, against a triple loop in double on the same inputs. The tolerance is the classic
/// bound for a dot product of length k computed in precision u: |fl(Σ aᵢbᵢ) − Σ aᵢbᵢ| ≤ γₖ Σ|aᵢbᵢ|, γₖ = k·u/(1 − k·u).
/// </summary>
public class GemmKernelTests
{
    public static TheoryData<string, int, int, int, bool, bool> Cases()
    {
        var data = new TheoryData<string, int, int, int, bool, bool>();
        foreach (string kernel in new[] { nameof(GemmKernel.Avx512), nameof(GemmKernel.Avx2), nameof(GemmKernel.Portable) })
        {
            foreach (var (n, k, m) in new[] { (1, 1, 1), (7, 5, 3), (17, 33, 15), (64, 784, 10), (129, 300, 70), (300, 601, 302) })
            {
                data.Add(kernel, n, k, m, false, false);
                data.Add(kernel, n, k, m, true, false);
                data.Add(kernel, n, k, m, false, true);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void DoubleMatchesTripleLoop(string kernel, int n, int k, int m, bool transA, bool transB) =>
        Check<double>(Enum.Parse<GemmKernel>(kernel), n, k, m, transA, transB);

    [Theory, MemberData(nameof(Cases))]
    public void FloatMatchesTripleLoop(string kernel, int n, int k, int m, bool transA, bool transB) =>
        Check<float>(Enum.Parse<GemmKernel>(kernel), n, k, m, transA, transB);

    private static void Check<T>(GemmKernel kernel, int n, int k, int m, bool transA, bool transB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(n * 31 + k * 7 + m);
        var a = Random<T>(random, n * k);
        var b = Random<T>(random, k * m);
        var start = Random<T>(random, n * m);
        double AAt(int i, int p) => double.CreateChecked(transA ? a[p * n + i] : a[i * k + p]);
        double BAt(int p, int j) => double.CreateChecked(transB ? b[j * k + p] : b[p * m + j]);

        var accumulated = (T[])start.Clone();
        var overwritten = (T[])start.Clone();
        var previous = Gemm<T>.Kernel;
        Gemm<T>.Kernel = kernel;
        try
        {
            Gemm<T>.MultiplyAdd(a, 0, transA, b, 0, transB, accumulated, 0, n, k, m);
            Gemm<T>.Multiply(a, 0, transA, b, 0, transB, overwritten, 0, n, k, m);
        }
        finally
        {
            Gemm<T>.Kernel = previous;
        }

        double u = double.CreateChecked(BitIncrementOfOne<T>()) / 2;
        double gamma = (k + 1) * u / (1 - (k + 1) * u); // k products and sums, plus the add into C
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double exact = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    exact += AAt(i, p) * BAt(p, j);
                    magnitude += Math.Abs(AAt(i, p) * BAt(p, j));
                }
                double c0 = double.CreateChecked(start[i * m + j]);
                AssertWithin(exact + c0, double.CreateChecked(accumulated[i * m + j]), gamma * (magnitude + Math.Abs(c0)), i, j);
                AssertWithin(exact, double.CreateChecked(overwritten[i * m + j]), gamma * magnitude, i, j);
            }
        }
    }

    private static void AssertWithin(double expected, double actual, double bound, int i, int j) =>
        Assert.True(Math.Abs(expected - actual) <= bound + 1e-300,
            $"C[{i},{j}]: expected {expected:R}, got {actual:R}, error {Math.Abs(expected - actual):E2} above the bound {bound:E2}");

    /// <summary>The gap between 1 and the next number: 2u (2⁻⁵² for double, 2⁻²³ for float).</summary>
    private static T BitIncrementOfOne<T>()
        where T : IFloatingPointIeee754<T> => T.BitIncrement(T.One) - T.One;

    private static T[] Random<T>(Random random, int count)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[count];
        for (int i = 0; i < count; i++) values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        return values;
    }
}
