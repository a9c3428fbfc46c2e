using System;
using AutoDiff;

namespace Corpus;

public static partial class Loops
{
    [Differentiable]
    public static double Dot(ReadOnlySpan<double> w, double[] x)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += w[i] * x[i];
        }

        return s;
    }

    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        double max = v[0];
        foreach (var value in v)
        {
            max = Math.Max(max, value);
        }

        double sum = 0;
        foreach (var value in v)
        {
            sum += Math.Exp(value - max);
        }

        return max + Math.Log(sum);
    }

    // Horner's rule: the accumulator is overwritten each iteration and read non-linearly.
    [Differentiable]
    public static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        double p = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            p = p * x + coefficients[i];
        }

        return p;
    }

    // Babylonian square root: a while loop with a data-dependent exit.
    [Differentiable]
    public static double NewtonSqrt(double a)
    {
        double x = a;
        int k = 0;
        while (k < 50)
        {
            x = 0.5 * (x + a / x);
            k++;
            if (Math.Abs(x * x - a) < 1e-15 * a)
            {
                break;
            }
        }

        return x;
    }

    // Nested loops, continue, do-while and an int counter overwritten in the loop.
    [Differentiable]
    public static double Mixed(ReadOnlySpan<double> v, double scale, int rounds)
    {
        double acc = 1;
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < v.Length; i++)
            {
                if (v[i] < 0)
                {
                    continue;
                }

                acc = acc * (1 + scale * v[i]);
            }
        }

        int j = 0;
        do
        {
            acc += Math.Sin(acc * v[j]);
            j += 2;
        }
        while (j < v.Length);

        return acc;
    }

    // A counted loop whose pushes are reserved before it: a local computed again in the reverse sweep, exp outputs
    // recorded (stored and not), tanh outputs read back from a buffer a nested constant loop overwrites, and a
    // branch record.
    [Differentiable]
    public static double Reserved(ReadOnlySpan<double> v, double scale)
    {
        Span<double> h = stackalloc double[3];
        double acc = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double xi = v[i];
            double e = Math.Exp(scale * xi);
            for (int k = 0; k < 3; k++)
            {
                h[k] = Math.Tanh(h[k] * scale + xi * (k + 1));
            }

            if (i % 2 == 0)
            {
                acc = acc * 0.5 + h[0] * e;
            }
            else
            {
                acc += e * h[1] + Math.Exp(h[2] * xi);
            }
        }

        return acc;
    }

    public static double Dot_Value(double[] p) => Dot(p.AsSpan(0, p.Length / 2), p[(p.Length / 2)..]);
    public static double Dot_Gradient(double[] p, double[] g) => DotWithGradient(p.AsSpan(0, p.Length / 2), p[(p.Length / 2)..], g.AsSpan(0, p.Length / 2), g.AsSpan(p.Length / 2));
    public static void Dot_Pullback(double[] p, double seed, double[] g) => DotPullback(p.AsSpan(0, p.Length / 2), p[(p.Length / 2)..], seed, g.AsSpan(0, p.Length / 2), g.AsSpan(p.Length / 2));

    public static double LogSumExp_Value(double[] p) => LogSumExp(p);
    public static double LogSumExp_Gradient(double[] p, double[] g) => LogSumExpWithGradient(p, g);
    public static void LogSumExp_Pullback(double[] p, double seed, double[] g) => LogSumExpPullback(p, seed, g);

    public static double Horner_Value(double[] p) => Horner(p.AsSpan(1), p[0]);
    public static double Horner_Gradient(double[] p, double[] g) => HornerWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void Horner_Pullback(double[] p, double seed, double[] g) => HornerPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);

    public static double Mixed_Value(double[] p) => Mixed(p.AsSpan(1), p[0], 2);
    public static double Mixed_Gradient(double[] p, double[] g) => MixedWithGradient(p.AsSpan(1), p[0], 2, g.AsSpan(1), out g[0]);
    public static void Mixed_Pullback(double[] p, double seed, double[] g) => MixedPullback(p.AsSpan(1), p[0], 2, seed, g.AsSpan(1), ref g[0]);

    public static double Reserved_Value(double[] p) => Reserved(p.AsSpan(1), p[0]);
    public static double Reserved_Gradient(double[] p, double[] g) => ReservedWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void Reserved_Pullback(double[] p, double seed, double[] g) => ReservedPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);

    // Sizes and offsets read from int spans and arrays the body never differentiates: a layered sum of squares.
    [Differentiable]
    public static double Layered(ReadOnlySpan<double> w, ReadOnlySpan<int> sizes, int[] offsets)
    {
        double s = 0;
        for (int k = 0; k < sizes.Length; k++)
        {
            for (int j = 0; j < sizes[k]; j++)
            {
                s += w[offsets[k] + j] * w[offsets[k] + j] * (k + 1);
            }
        }

        foreach (int size in sizes)
        {
            s *= 1 + 0.1 * size * w[0];
        }

        return s;
    }

    private static readonly int[] LayerSizes = [2, 3];
    private static readonly int[] LayerOffsets = [0, 2];

    public static double Layered_Value(double[] p) => Layered(p, LayerSizes, LayerOffsets);
    public static double Layered_Gradient(double[] p, double[] g) => LayeredWithGradient(p, LayerSizes, LayerOffsets, g);
    public static void Layered_Pullback(double[] p, double seed, double[] g) => LayeredPullback(p, LayerSizes, LayerOffsets, seed, g);
}
