using System;
using AutoDiff;

namespace Corpus;

// Local functions whose body is one expression are differentiated where they are called, statically.
public static partial class LocalFunctions
{
    [Differentiable]
    public static double Softplus(double x, double y)
    {
        static double Soft(double v) => Math.Log(1 + Math.Exp(v));
        double Scaled(double v, int k) { return k * Soft(v * y); }
        return Soft(x * y) + Scaled(x - y, 3) * Square(y);

        static double Square(double v) => v * v;
    }

    [Differentiable]
    public static double InLoop(ReadOnlySpan<double> v, double w)
    {
        static double Hinge(double margin) => Math.Max(0, 1 - margin);
        double loss = 0;
        for (int i = 0; i < v.Length; i++)
        {
            loss += Hinge(w * v[i]) * (i + 1);
        }

        return loss;
    }

    public static double InLoop_Value(double[] p) => InLoop(p.AsSpan(1), p[0]);
    public static double InLoop_Gradient(double[] p, double[] g) => InLoopWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void InLoop_Pullback(double[] p, double seed, double[] g) => InLoopPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);
    public static double InLoop_KinkDistance(double[] p)
    {
        var distance = double.MaxValue;
        foreach (var x in p.AsSpan(1))
        {
            distance = Math.Min(distance, Math.Abs(1 - p[0] * x));
        }

        return distance;
    }
}
