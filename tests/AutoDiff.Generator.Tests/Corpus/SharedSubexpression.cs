using System;
using AutoDiff;

namespace Corpus;

public static partial class Shared
{
    // t is read three times; its adjoint collects all three contributions.
    [Differentiable]
    public static double Blend(double x, double y, double z)
    {
        var t = x * y + z;
        return Math.Sin(t) * t + Math.Exp(t / (1 + z * z));
    }
}
