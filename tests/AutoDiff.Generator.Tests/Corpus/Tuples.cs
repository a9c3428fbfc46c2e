using System;
using AutoDiff;

namespace Corpus;

// Tuple assignment, swaps and deconstruction: every value is computed before any target is written.
public static partial class Tuples
{
    // A rotation applied in place, as a tuple assignment: the second value reads the x the first one replaces.
    [Differentiable]
    public static double Rotate(double x, double y, double angle)
    {
        var (s, c) = Math.SinCos(angle);
        for (int k = 0; k < 3; k++)
        {
            (x, y) = (c * x - s * y, s * x + c * y);
            (x, y) = (y, x * 1.5);
        }

        return x * x * y + Math.Exp(y);
    }

    // Declarations, a discard and element targets of a local buffer.
    [Differentiable]
    public static double Pairs(double a, double b)
    {
        var (sum, product) = (a + b, a * b);
        (double ratio, _) = (sum / (1 + product * product), Math.Log(2));
        Span<double> h = stackalloc double[2];
        (h[0], h[1]) = (ratio * a, Math.Tanh(b));
        (h[0], h[1]) = (h[1], h[0]);
        return h[0] * h[1] + ratio;
    }
}
