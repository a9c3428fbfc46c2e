using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// A buffer a loop overwrites whole at each iteration of the loop around it (<c>xc[j] = x[j] - mu[c * d + j]</c>):
/// how the reverse iterations get each iteration's values back. A slice of its own for each iteration when the loop
/// runs once per call (or once per iteration of a loop whose adjoint runs iteration by iteration) and nothing else
/// touches the buffer. Otherwise (here, the loop runs again in each of two passes) computed again when the values
/// are cheap and come from the inputs alone and only the statements after the loop read them; else recorded in one copy.
/// </summary>
public static partial class BufferRecovery
{
    // xc comes from the inputs and is read only after its loop: each reverse iteration computes it again.
    // (Without the passes, each iteration would get a slice of its own: Sliced.)
    [Differentiable]
    public static double Recomputed(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++)
                {
                    xc[j] = x[j] - mu[c * d + j];
                }

                double q = 0.0;
                for (int j = 0; j < d; j++)
                {
                    q += xc[j] * xc[j] * xc[j];
                }

                s = 0.5 * s + Math.Tanh(q);
            }
        }

        return s;
    }

    // As Recomputed, through a local the reverse iteration computes again first (`off`): it runs before xc's loop.
    [Differentiable]
    public static double RecomputedOffset(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int c = 0; c < k; c++)
            {
                int off = c * d;
                for (int j = 0; j < d; j++)
                {
                    xc[j] = x[j] - mu[off + j];
                }

                double q = 0.0;
                for (int j = 0; j < d; j++)
                {
                    q += xc[j] * xc[j] * xc[j];
                }

                s = 0.5 * s + Math.Tanh(q);
            }
        }

        return s;
    }

    // xc reads `scale`, which each iteration changes: recorded whole, not computed again.
    [Differentiable]
    public static double Scaled(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
        double scale = 1.0;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int c = 0; c < k; c++)
            {
                scale *= 1.5;
                for (int j = 0; j < d; j++)
                {
                    xc[j] = scale * x[j] - mu[c * d + j];
                }

                double q = 0.0;
                for (int j = 0; j < d; j++)
                {
                    q += xc[j] * xc[j] * xc[j];
                }

                s = 0.5 * s + Math.Tanh(q);
            }
        }

        return s;
    }

    // Each iteration reads the previous iteration's xc before overwriting it: recorded whole, not computed again.
    [Differentiable]
    public static double ReadsPrevious(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
        for (int c = 0; c < k; c++)
        {
            double q = 0.0;
            for (int j = 0; j < d; j++)
            {
                q += xc[j] * xc[j] * xc[j];
            }

            for (int j = 0; j < d; j++)
            {
                xc[j] = x[j] - mu[c * d + j];
            }

            for (int j = 0; j < d; j++)
            {
                q += xc[j] * xc[j];
            }

            s = 0.5 * s + Math.Tanh(q);
        }

        return s;
    }

    // As Recomputed without the passes: the loop over c runs once, so each of its iterations writes a slice of its own.
    [Differentiable]
    public static double Sliced(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < d; j++)
            {
                xc[j] = x[j] - mu[c * d + j];
            }

            double q = 0.0;
            for (int j = 0; j < d; j++)
            {
                q += xc[j] * xc[j] * xc[j];
            }

            s = 0.5 * s + Math.Tanh(q);
        }

        return s;
    }

    // Slices for a loop that counts down from a bound declared after the buffers, over a buffer that is overwritten
    // whole and then added to (a lower-triangular product, as in a mixture model's Q(x - mu)).
    [Differentiable]
    public static double SlicedDescending(double[] mu, double[] x, int d, int k)
    {
        var xc = new double[d];
        Span<double> lxc = stackalloc double[d];
        int last = Math.Min(k, mu.Length / d) - 1;
        double s = 0.0;
        for (int c = last; c >= 1; c--)
        {
            for (int j = 0; j < d; j++)
            {
                xc[j] = x[j] - mu[c * d + j];
            }

            for (int j = 0; j < d; j++)
            {
                lxc[j] = Math.Exp(mu[j]) * xc[j];
            }

            for (int i = 0; i < d; i++)
            {
                for (int j = i + 1; j < d; j++)
                {
                    lxc[j] += mu[(c - 1) * d + i] * xc[i];
                }
            }

            double q = 0.0;
            for (int j = 0; j < d; j++)
            {
                q += lxc[j] * lxc[j] + xc[j] * lxc[j];
            }

            s = Math.Sin(s) + Math.Tanh(q);
        }

        return s;
    }

    // Array-typed entry points for the tests, which call through reflection and cannot pass spans.
    public static double RecomputedGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => RecomputedWithGradient(mu, x, d, k, dmu, dx);

    public static double RecomputedOffsetGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => RecomputedOffsetWithGradient(mu, x, d, k, dmu, dx);

    public static double ScaledGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => ScaledWithGradient(mu, x, d, k, dmu, dx);

    public static double SlicedGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => SlicedWithGradient(mu, x, d, k, dmu, dx);

    public static double SlicedDescendingGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => SlicedDescendingWithGradient(mu, x, d, k, dmu, dx);

    public static double ReadsPreviousGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => ReadsPreviousWithGradient(mu, x, d, k, dmu, dx);
}
