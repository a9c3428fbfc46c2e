using System;
using AutoDiff;

namespace Corpus;

public static partial class Branches
{
    // Early return, if/else, and a value overwritten in only one branch.
    [Differentiable]
    public static double Piecewise(double x, double y)
    {
        if (x < 0)
        {
            return x * x * y;
        }

        var t = Math.Exp(x);
        if (t > 3)
        {
            t = t * y;
        }
        else
        {
            t -= y;
        }

        return t + y;
    }

    [Differentiable]
    public static double LeakyRelu(double x) => x > 0 ? x : 0.01 * x;

    [Differentiable]
    public static double Select(double x, double y) => x * y > 1 ? Math.Sqrt(x * y) : x + y * y;
}
