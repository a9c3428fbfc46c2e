using System.Runtime.InteropServices;

namespace AutoDiff.Benchmarks;

/// <summary>
/// A real BLAS for a side-by-side row: OpenBLAS's <c>cblas_dgemm</c>/<c>cblas_sgemm</c> from the system library
/// (Debian's <c>libopenblas0</c>: <c>apt-get install libopenblas0</c>). Benchmarks only; nothing else needs it.
/// Math.NET Numerics' OpenBLAS provider does not load on Linux (it looks for its own wrapper,
/// libMathNetNumericsOpenBLAS, shipped for Windows only), so the library is called directly.
/// </summary>
public static unsafe class OpenBlas
{
    private const int RowMajor = 101, NoTrans = 111;
    private static readonly IntPtr s_library = Load();
    private static readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> s_dgemm =
        (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)Export("cblas_dgemm");
    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> s_sgemm =
        (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)Export("cblas_sgemm");

    /// <summary>Whether the library loaded.</summary>
    public static bool IsAvailable => s_library != IntPtr.Zero;

    /// <summary>C[n×m] = A[n×k]·B[k×m], all row-major.</summary>
    public static void Gemm(double[] a, double[] b, double[] c, int n, int k, int m)
    {
        fixed (double* pa = a, pb = b, pc = c)
            s_dgemm(RowMajor, NoTrans, NoTrans, n, m, k, 1.0, pa, k, pb, m, 0.0, pc, m);
    }

    /// <summary>C[n×m] = A[n×k]·B[k×m] in float32.</summary>
    public static void Gemm(float[] a, float[] b, float[] c, int n, int k, int m)
    {
        fixed (float* pa = a, pb = b, pc = c)
            s_sgemm(RowMajor, NoTrans, NoTrans, n, m, k, 1f, pa, k, pb, m, 0f, pc, m);
    }

    private static IntPtr Load()
    {
        foreach (string name in new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas" })
            if (NativeLibrary.TryLoad(name, out var handle)) return handle;
        return IntPtr.Zero;
    }

    private static IntPtr Export(string name) =>
        s_library != IntPtr.Zero && NativeLibrary.TryGetExport(s_library, name, out var address) ? address : IntPtr.Zero;
}
