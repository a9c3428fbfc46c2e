namespace AutoDiff.Benchmarks;

/// <summary>A dot product as a user writes it, and its gradient written by hand.</summary>
public static partial class DotProduct
{
    [Differentiable]
    public static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += w[i] * x[i];
        }

        return s;
    }

    /// <summary>d/dw = x and d/dx = w: one pass, nothing recorded.</summary>
    public static double DotHandWritten(ReadOnlySpan<double> w, ReadOnlySpan<double> x, Span<double> dw, Span<double> dx)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += w[i] * x[i];
            dw[i] = x[i];
            dx[i] = w[i];
        }

        return s;
    }
}
