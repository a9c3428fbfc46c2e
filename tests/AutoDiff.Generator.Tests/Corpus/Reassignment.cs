using System;
using AutoDiff;

namespace Corpus;

public static partial class Updates
{
    // Locals and a parameter are overwritten; every compound operator appears.
    [Differentiable]
    public static double Chain(double x, double y)
    {
        double t = x * y;
        t += Math.Sin(x);
        t -= y / 3;
        t *= x;
        t /= 1 + y * y;
        x = x * t;
        var u = t;
        u = u * u + x;
        return u;
    }
}
