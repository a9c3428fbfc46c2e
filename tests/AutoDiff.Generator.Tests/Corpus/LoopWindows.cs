using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Counted loops over a run of a sequence (<c>x[start + i]</c>): which get windows (one span per run, taken before
/// the loop) and which keep their per-access range checks because a window's up-front check could throw where
/// the loop would not.
/// </summary>
public static partial class LoopWindows
{
    // Every iteration reads x[start + i]: a window, in the primal sweep and in the reverse one.
    [Differentiable]
    public static double RunOfSquares(double[] x, int start, int count)
    {
        double s = 0.0;
        for (int i = 0; i < count; i++)
        {
            s += x[start + i] * x[start + i];
        }

        return s;
    }

    // Stops at the first negative element: the indices after it are never read, so no window.
    [Differentiable]
    public static double UntilNegative(double[] x, int start, int count)
    {
        double s = 0.0;
        for (int i = 0; i < count; i++)
        {
            if (x[start + i] < 0)
            {
                break;
            }

            s += x[start + i] * x[start + i];
        }

        return s;
    }

    // Reads x[start + i] only while i < limit: the loop may run past the end of x without reading there, so no window.
    [Differentiable]
    public static double BelowLimit(double[] x, int start, int count, int limit)
    {
        double s = 0.0;
        for (int i = 0; i < count; i++)
        {
            if (i < limit)
            {
                s += x[start + i] * x[start + i];
            }
        }

        return s;
    }

    // The start moves inside the loop: x[start + i] is not one run, so no window.
    [Differentiable]
    public static double MovingStart(double[] x, int start, int count)
    {
        double s = 0.0;
        for (int i = 0; i < count; i++)
        {
            s += x[start + i] * x[start + i];
            start += 1;
        }

        return s;
    }

    // A layer: every row reads the same run of x, so its window is taken once, before the rows, and only if there
    // is a row; in the reverse sweep too, where a row whose ReLU is off skips its inner loop.
    [Differentiable]
    public static double Layer(double[] w, double[] x, int start, int count, int rows)
    {
        double s = 0.0;
        for (int r = 0; r < rows; r++)
        {
            double dot = 0.0;
            for (int i = 0; i < count; i++)
            {
                dot += w[r * count + i] * x[start + i];
            }

            s += Math.Max(0.0, dot);
        }

        return s;
    }

    // A buffer copied from x, then set to a constant over an inclusive run: the adjoint of that loop only zeroes the
    // buffer's adjoint over the run (one LoopWindow.Clear), so x keeps its derivative outside the run alone.
    [Differentiable]
    public static double ClearedRun(double[] x, int start, int count)
    {
        Span<double> scratch = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            scratch[i] = x[i];
        }

        for (int i = start; i <= start + count - 1; i++)
        {
            scratch[i] = 0.5;
        }

        double s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            s += scratch[i] * scratch[i] * x[i];
        }

        return s;
    }

    // A local buffer set to zero whole at each round runs as one clear (LoopWindow.Clear); one set to negative zero
    // keeps its loop, since a clear stores positive zero (CopySign reads the difference back).
    [Differentiable]
    public static double ZeroedScratch(double[] x)
    {
        Span<double> scratch = stackalloc double[x.Length];
        Span<double> signs = stackalloc double[x.Length];
        double s = 0.0;
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < scratch.Length; i++)
            {
                scratch[i] = 0.0;
            }

            for (int i = 0; i < signs.Length; i++)
            {
                signs[i] = -0.0;
            }

            for (int i = 0; i + 1 < x.Length; i++)
            {
                scratch[i + 1] += x[i] * x[i] * (round + 1);
            }

            for (int i = 0; i < x.Length; i++)
            {
                s += scratch[i] * x[i];
            }

            s += Math.CopySign(1.0, signs[round]);
        }

        return s;
    }

    // Array-typed entry points for the tests, which call through reflection and cannot pass spans.
    public static double RunOfSquaresGradient(double[] x, int start, int count, double[] dx) => RunOfSquaresWithGradient(x, start, count, dx);

    public static double BelowLimitGradient(double[] x, int start, int count, int limit, double[] dx) => BelowLimitWithGradient(x, start, count, limit, dx);

    public static double ClearedRunGradient(double[] x, int start, int count, double[] dx) => ClearedRunWithGradient(x, start, count, dx);

    public static double ZeroedScratchGradient(double[] x, double[] dx) => ZeroedScratchWithGradient(x, dx);

    public static double LayerGradient(double[] w, double[] x, int start, int count, int rows, double[] dw, double[] dx) => LayerWithGradient(w, x, start, count, rows, dw, dx);
}
