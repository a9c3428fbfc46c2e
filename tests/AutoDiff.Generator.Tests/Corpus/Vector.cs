using System;
using AutoDiff;

namespace Corpus;

// Vector-valued methods: a void method writing its outputs into a final span, and methods returning a tuple of
// doubles. Each gets a pullback (vector-Jacobian product), a Jacobian and, when asked, a pushforward.
public static partial class Vector
{
    // Two outputs per input pair, through a loop and a local buffer: M = 2 * x.Length + 1 outputs, N = x.Length + 1 inputs.
    [Differentiable(Derivatives.Pushforward)]
    public static void Pairs(ReadOnlySpan<double> x, double a, Span<double> result)
    {
        Span<double> h = stackalloc double[x.Length];
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            h[i] = Math.Tanh(a * x[i]);
            total += h[i] * x[i];
        }

        for (int i = 0; i < x.Length; i++)
        {
            result[2 * i] = h[i] * total;
            result[2 * i + 1] = Math.Exp(-x[i] * x[i]) + a * Square(h[i]);
        }

        result[2 * x.Length] = total;
    }

    [Differentiable(Derivatives.Pushforward)]
    public static double Square(double u) => u * u;

    // Three outputs of 100 (or any number of) inputs: the reverse-mode shape, and the benchmark's function.
    [Differentiable]
    public static void Moments(ReadOnlySpan<double> w, Span<double> result)
    {
        double sum = 0;
        double squares = 0;
        double soft = 0;
        for (int i = 0; i < w.Length; i++)
        {
            sum += w[i];
            squares += w[i] * w[i];
            soft += Math.Log(1 + Math.Exp(w[i]));
        }

        result[0] = sum / w.Length;
        result[1] = squares / w.Length - result[0] * result[0];
        result[2] = soft;
    }

    // A recurrence that reads its earlier outputs: the reverse sweep restores them, and the caller still gets the values.
    [Differentiable(Derivatives.Pushforward)]
    public static void Powers(double x, int n, Span<double> result)
    {
        result[0] = x;
        for (int k = 1; k < n; k++)
        {
            result[k] = result[k - 1] * Math.Sin(x + k);
        }
    }

    // Float outputs.
    [Differentiable(Derivatives.Pushforward)]
    public static void Rotate(float angle, float r, Span<float> result)
    {
        result[0] = r * MathF.Cos(angle);
        result[1] = r * MathF.Sin(angle);
        result[2] = r * r;
    }

    [Differentiable(Derivatives.Pushforward)]
    public static (double Sum, double Product) SumProduct(double a, double b) => (a + b, a * b);

    // Unnamed elements, a branch with two returns, and a span input.
    [Differentiable(Derivatives.Pushforward)]
    public static (double, double, double) Stats(ReadOnlySpan<double> v, double scale)
    {
        double s = 0;
        double q = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += v[i];
            q += v[i] * v[i] * scale;
        }

        if (s > 0)
        {
            return (s, q, Math.Sqrt(q + 1));
        }

        return (-s, q * 2, s * q);
    }

    // Calls a tuple method and deconstructs it, into new locals and into existing ones.
    [Differentiable(Derivatives.Pushforward)]
    public static double UsesTuple(double x, double y)
    {
        var (s, p) = SumProduct(x * y, Math.Sin(x));
        double t = s * p;
        (s, p) = SumProduct(t, y);
        return s + p * SumProduct(x, 2).Product;
    }

    // A tuple method calling a tuple method, returning its result directly.
    [Differentiable]
    public static (double Sum, double Product) Shifted(double a, double b) => SumProduct(a + 1, b - 1);

    // A float tuple.
    [Differentiable(Derivatives.Pushforward)]
    public static (float X, float Y) Polar(float r, float theta) => (r * MathF.Cos(theta), r * MathF.Sin(theta));
}
