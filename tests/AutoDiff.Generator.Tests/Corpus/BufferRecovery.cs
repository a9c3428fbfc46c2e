using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// A buffer a loop overwrites whole at each iteration of the loop around it (<c>xc[j] = x[j] - mu[c * d + j]</c>):
/// how the reverse iterations get each iteration's values back. Computed again when the values are cheap and come
/// from the inputs alone and only the statements after the loop read them; otherwise recorded in one copy.
/// </summary>
public static partial class BufferRecovery
{
    // xc comes from the inputs and is read only after its loop: each reverse iteration computes it again.
    [Differentiable]
    public static double Recomputed(double[] mu, double[] x, int d, int k)
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

    // As Recomputed, through a local the reverse iteration computes again first (`off`): it runs before xc's loop.
    [Differentiable]
    public static double RecomputedOffset(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
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

        return s;
    }

    // xc reads `scale`, which each iteration changes: recorded whole, not computed again.
    [Differentiable]
    public static double Scaled(double[] mu, double[] x, int d, int k)
    {
        Span<double> xc = stackalloc double[d];
        double s = 0.0;
        double scale = 1.0;
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

    // Array-typed entry points for the tests, which call through reflection and cannot pass spans.
    public static double RecomputedGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => RecomputedWithGradient(mu, x, d, k, dmu, dx);

    public static double RecomputedOffsetGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => RecomputedOffsetWithGradient(mu, x, d, k, dmu, dx);

    public static double ScaledGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => ScaledWithGradient(mu, x, d, k, dmu, dx);

    public static double ReadsPreviousGradient(double[] mu, double[] x, int d, int k, double[] dmu, double[] dx) => ReadsPreviousWithGradient(mu, x, d, k, dmu, dx);
}
