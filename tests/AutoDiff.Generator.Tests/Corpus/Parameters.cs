using System;
using AutoDiff;

namespace Corpus;

public static partial class Parameters
{
    private const double Scale = 0.5;
    private static readonly double Offset = Math.PI / 4;

    // c is a constant by attribute, n and flip by type; only x gets a gradient.
    [Differentiable]
    public static double Mixed(double x, [NoDerivative] double c, int n, bool flip)
    {
        var p = Math.Pow(x, n) * c + n * x * Scale;
        var sign = flip ? -1.0 : 1.0;
        return sign * p + Math.Sin(x + Offset) + (double)(n / 2) + (float)n * x;
    }

    public static double Mixed_Value(double[] p) => Mixed(p[0], 0.7, 3, true);
    public static double Mixed_Gradient(double[] p, double[] g) => MixedWithGradient(p[0], 0.7, 3, true, out g[0]);
    public static void Mixed_Pullback(double[] p, double seed, double[] g) => MixedPullback(p[0], 0.7, 3, true, seed, ref g[0]);
}
