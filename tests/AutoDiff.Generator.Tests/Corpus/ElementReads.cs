using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Elements of the body's own buffers that a loop reads on every iteration at an index it does not change, or that
/// two statements of one iteration read: `ElementReadTests` checks that they are read once, into a local, and never
/// where the loop would not have read them.
/// </summary>
public static partial class ElementReads
{
    // squares[at] times each x[j] from `from` on: squares[at] is read before the loop, when the loop runs at all.
    [Differentiable]
    public static double ScaledTail(double[] x, int at, int from)
    {
        Span<double> squares = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            squares[i] = x[i] * x[i];
        }

        double s = 0.0;
        for (int j = from; j < x.Length; j++)
        {
            s += squares[at] * x[j];
        }

        return s;
    }

    // The loop stores into squares, so squares[at] may change between iterations: read on every iteration.
    [Differentiable]
    public static double ScaledWhileChanging(double[] x, int at)
    {
        Span<double> squares = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            squares[i] = x[i] * x[i];
        }

        double s = 0.0;
        for (int j = 0; j < x.Length; j++)
        {
            s += squares[at] * x[j];
            squares[j] = 2.0 * x[j];
        }

        return s;
    }

    // Array-typed entry point for the tests, which call through reflection and cannot pass spans.
    public static double ScaledTailGradient(double[] x, int at, int from, double[] dx) => ScaledTailWithGradient(x, at, from, dx);
}
