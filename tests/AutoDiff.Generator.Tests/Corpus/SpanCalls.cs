using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// The span methods users call on scratch buffers, <c>source.CopyTo(buffer)</c>, <c>buffer.Clear()</c> and
/// <c>buffer.Fill(v)</c>, which the generator runs as the loops they are, buffers on the stack only when small
/// (<c>m &lt;= 64 ? stackalloc double[m] : new double[m]</c>) and <c>AsSpan</c> views of an array parameter and a
/// table. Each function is checked in reverse,
/// forward and second order; <c>SpanCallTests</c> checks that a copy into a shorter buffer throws what
/// <c>CopyTo</c> throws.
/// </summary>
public static partial class SpanCalls
{
    private static readonly double[] Basis = [0.5, -1.5, 2.0, 1.0, -0.25, 0.75];

    // A copy of the input, squared and summed; cleared and one element set; filled with a value that reads it; a
    // table copied over it.
    [Differentiable(Derivatives.All)]
    public static double CopyClearFill(ReadOnlySpan<double> x)
    {
        Span<double> a = stackalloc double[x.Length];
        x.CopyTo(a);
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * a[i];
        }

        a.Clear();
        a[1] = x[0] * x[2];
        s += a[1] * a[0];
        a.Fill(Math.Sin(x[1]) + a[1]);
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * x[i];
        }

        Basis.CopyTo(a);
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * x[i] * x[i];
        }

        return s;
    }

    // A smoothing pass per round: the buffer copied to a second one, which the next values are read from.
    [Differentiable(Derivatives.All)]
    public static double Smoothing(ReadOnlySpan<double> x)
    {
        Span<double> current = stackalloc double[x.Length];
        Span<double> previous = stackalloc double[x.Length];
        x.CopyTo(current);
        for (int round = 0; round < 3; round++)
        {
            current.CopyTo(previous);
            for (int i = 1; i + 1 < current.Length; i++)
            {
                current[i] = (0.25 * previous[i - 1]) + (0.5 * Math.Tanh(previous[i])) + (0.25 * previous[i + 1]);
            }
        }

        double s = 0;
        for (int i = 0; i < current.Length; i++)
        {
            s += current[i] * (i + 1);
        }

        return s;
    }

    // Copies a shorter input into the front of a longer buffer filled first.
    [Differentiable(Derivatives.All)]
    public static double PaddedCopy(ReadOnlySpan<double> x)
    {
        Span<double> padded = stackalloc double[x.Length + 2];
        padded.Fill(x[0] * 0.5);
        x.CopyTo(padded);
        double s = 0;
        for (int i = 0; i < padded.Length; i++)
        {
            s += Math.Exp(0.1 * padded[i]) * (i + 1);
        }

        return s;
    }

    // Buffers with their elements listed, every way C# 10 writes one (collection expressions: SpanCallTests): an array
    // initializer, new double[] { … }, new[] { … }, stackalloc double[] { … }, stackalloc[] { … }, int elements converted.
    [Differentiable(Derivatives.All)]
    public static double ListedBuffers(ReadOnlySpan<double> x)
    {
        double[] weights = { 0.5, -1, 2 };
        var first = new double[] { x[0], x[1] * x[2], Math.Sin(x[3]) };
        var second = new[] { x[4] * 0.5, 1.0 };
        Span<double> third = stackalloc double[] { x[5], first[1] };
        Span<double> fourth = stackalloc[] { Math.Exp(0.2 * x[0]), third[0] * third[1] };
        double s = 0;
        for (int i = 0; i < first.Length; i++)
        {
            s += weights[i] * first[i] * second[i % 2];
        }

        first[0] = fourth[1];
        return s + first[0] * fourth[0] + third[1];
    }

    // Copies into a buffer of two: throws when the input is longer (SpanCallTests).
    [Differentiable]
    public static double FirstTwo(ReadOnlySpan<double> x)
    {
        Span<double> a = stackalloc double[2];
        x.CopyTo(a);
        return a[0] * a[1];
    }

    public static double FirstTwo_Value(double[] p) => FirstTwo(p);
    public static double FirstTwo_Gradient(double[] p, double[] g) => FirstTwoWithGradient(p, g);

    // Copies by ToArray: of the parameter, of a range of it, of a view of a copy; each copy then written and read.
    [Differentiable(Derivatives.All)]
    public static double ToArrayCopies(ReadOnlySpan<double> x)
    {
        double[] a = x.ToArray();
        a[0] *= a[1];
        var tail = x[2..].ToArray();
        Span<double> middle = a.AsSpan(1, 3).ToArray();
        a[1] = Math.Sin(a[2]);
        middle[0] += a[1] * tail[0];
        double s = 0;
        for (int i = 0; i < middle.Length; i++)
        {
            s += middle[i] * tail[i + 1] + a[i];
        }

        return s + tail[^1] * a[0];
    }

    // Views taken in the call, as users write them: a slice copied into a buffer, a range copied into a view of an
    // array, part of a buffer filled and part of the array cleared.
    [Differentiable(Derivatives.All)]
    public static double InlineViews(ReadOnlySpan<double> x)
    {
        Span<double> part = stackalloc double[3];
        x.Slice(1, 3).CopyTo(part);
        double[] padded = new double[x.Length];
        x[2..].CopyTo(padded.AsSpan(2));
        part.Slice(2).Fill(x[0] * part[0]);
        padded.AsSpan(0, 3).Clear();
        double s = 0;
        for (int i = 0; i < part.Length; i++)
        {
            s += part[i] * Math.Sin(padded[i + 2]);
        }

        return s + padded[^1] * x[0];
    }

    // Buffers on the stack only when small, as performance-minded code writes them ('c ? stackalloc T[n] : new T[n]'),
    // and views of an array parameter and a table taken with AsSpan.
    [Differentiable(Derivatives.All)]
    public static double SmallOnStack(ReadOnlySpan<double> x)
    {
        int m = x.Length - 2;
        Span<double> y = m <= 64 ? stackalloc double[m] : new double[m];
        Span<double> big = m > 1000 ? new double[m] : stackalloc double[m];
        for (int i = 0; i < m; i++)
        {
            y[i] = x[i] * x[i + 1] + Math.Sin(x[i + 2]);
            ReadOnlySpan<double> weight = Weights.AsSpan(i % 2, 2);
            big[i] = y[i] * weight[1];
        }

        double s = 0;
        for (int i = 0; i < m; i++)
        {
            s += y[i] * big[m - 1 - i];
        }

        return Math.Sqrt(1 + s * s);
    }

    private static readonly double[] Weights = { 0.5, -1.25, 2.0 };

    [Differentiable(Derivatives.All)]
    public static double ParameterAsSpan(double[] x)
    {
        double s = 0;
        for (int r = 0; r < 3; r++)
        {
            ReadOnlySpan<double> pair = x.AsSpan(2 * r, 2);
            s += pair[0] * Math.Cos(pair[1]);
        }

        ReadOnlySpan<double> tail = x.AsSpan(3..);
        return s + tail[0] * tail[^1];
    }
}

// The probes' entry points (GradientProbe, SecondOrderTests, PushforwardTests call these by name).
public static partial class SpanCalls
{
    public static double CopyClearFill_Value(double[] p) => CopyClearFill(p);
    public static double CopyClearFill_Gradient(double[] p, double[] g) => CopyClearFillWithGradient(p, g);
    public static void CopyClearFill_Pullback(double[] p, double seed, double[] g) => CopyClearFillPullback(p, seed, g);
    public static double CopyClearFill_Pushforward(double[] p, double[] t, out double tangent) => CopyClearFillPushforward(p, t, out tangent);
    public static double CopyClearFill_Hvp(double[] p, double[] v, double[] g, double[] h) => CopyClearFillHessianVectorProduct(p, v, g, h);
    public static double CopyClearFill_Hessian(double[] p, double[] g, double[] m) => CopyClearFillWithHessian(p, g, m);

    public static double Smoothing_Value(double[] p) => Smoothing(p);
    public static double Smoothing_Gradient(double[] p, double[] g) => SmoothingWithGradient(p, g);
    public static void Smoothing_Pullback(double[] p, double seed, double[] g) => SmoothingPullback(p, seed, g);
    public static double Smoothing_Pushforward(double[] p, double[] t, out double tangent) => SmoothingPushforward(p, t, out tangent);
    public static double Smoothing_Hvp(double[] p, double[] v, double[] g, double[] h) => SmoothingHessianVectorProduct(p, v, g, h);
    public static double Smoothing_Hessian(double[] p, double[] g, double[] m) => SmoothingWithHessian(p, g, m);

    public static double PaddedCopy_Value(double[] p) => PaddedCopy(p);
    public static double PaddedCopy_Gradient(double[] p, double[] g) => PaddedCopyWithGradient(p, g);
    public static void PaddedCopy_Pullback(double[] p, double seed, double[] g) => PaddedCopyPullback(p, seed, g);
    public static double PaddedCopy_Pushforward(double[] p, double[] t, out double tangent) => PaddedCopyPushforward(p, t, out tangent);
    public static double PaddedCopy_Hvp(double[] p, double[] v, double[] g, double[] h) => PaddedCopyHessianVectorProduct(p, v, g, h);
    public static double PaddedCopy_Hessian(double[] p, double[] g, double[] m) => PaddedCopyWithHessian(p, g, m);

    public static double ListedBuffers_Value(double[] p) => ListedBuffers(p);
    public static double ListedBuffers_Gradient(double[] p, double[] g) => ListedBuffersWithGradient(p, g);
    public static void ListedBuffers_Pullback(double[] p, double seed, double[] g) => ListedBuffersPullback(p, seed, g);
    public static double ListedBuffers_Pushforward(double[] p, double[] t, out double tangent) => ListedBuffersPushforward(p, t, out tangent);
    public static double ListedBuffers_Hvp(double[] p, double[] v, double[] g, double[] h) => ListedBuffersHessianVectorProduct(p, v, g, h);
    public static double ListedBuffers_Hessian(double[] p, double[] g, double[] m) => ListedBuffersWithHessian(p, g, m);

    public static double SmallOnStack_Value(double[] p) => SmallOnStack(p);
    public static double SmallOnStack_Gradient(double[] p, double[] g) => SmallOnStackWithGradient(p, g);
    public static void SmallOnStack_Pullback(double[] p, double seed, double[] g) => SmallOnStackPullback(p, seed, g);
    public static double SmallOnStack_Pushforward(double[] p, double[] t, out double tangent) => SmallOnStackPushforward(p, t, out tangent);
    public static double SmallOnStack_Hvp(double[] p, double[] v, double[] g, double[] h) => SmallOnStackHessianVectorProduct(p, v, g, h);
    public static double SmallOnStack_Hessian(double[] p, double[] g, double[] m) => SmallOnStackWithHessian(p, g, m);
    public static double ParameterAsSpan_Value(double[] p) => ParameterAsSpan(p);
    public static double ParameterAsSpan_Gradient(double[] p, double[] g) => ParameterAsSpanWithGradient(p, g);
    public static void ParameterAsSpan_Pullback(double[] p, double seed, double[] g) => ParameterAsSpanPullback(p, seed, g);
    public static double ParameterAsSpan_Pushforward(double[] p, double[] t, out double tangent) => ParameterAsSpanPushforward(p, t, out tangent);
    public static double ParameterAsSpan_Hvp(double[] p, double[] v, double[] g, double[] h) => ParameterAsSpanHessianVectorProduct(p, v, g, h);
    public static double ParameterAsSpan_Hessian(double[] p, double[] g, double[] m) => ParameterAsSpanWithHessian(p, g, m);
    public static double InlineViews_Value(double[] p) => InlineViews(p);
    public static double InlineViews_Gradient(double[] p, double[] g) => InlineViewsWithGradient(p, g);
    public static void InlineViews_Pullback(double[] p, double seed, double[] g) => InlineViewsPullback(p, seed, g);
    public static double InlineViews_Pushforward(double[] p, double[] t, out double tangent) => InlineViewsPushforward(p, t, out tangent);
    public static double InlineViews_Hvp(double[] p, double[] v, double[] g, double[] h) => InlineViewsHessianVectorProduct(p, v, g, h);
    public static double InlineViews_Hessian(double[] p, double[] g, double[] m) => InlineViewsWithHessian(p, g, m);
    public static double ToArrayCopies_Value(double[] p) => ToArrayCopies(p);
    public static double ToArrayCopies_Gradient(double[] p, double[] g) => ToArrayCopiesWithGradient(p, g);
    public static void ToArrayCopies_Pullback(double[] p, double seed, double[] g) => ToArrayCopiesPullback(p, seed, g);
    public static double ToArrayCopies_Pushforward(double[] p, double[] t, out double tangent) => ToArrayCopiesPushforward(p, t, out tangent);
    public static double ToArrayCopies_Hvp(double[] p, double[] v, double[] g, double[] h) => ToArrayCopiesHessianVectorProduct(p, v, g, h);
    public static double ToArrayCopies_Hessian(double[] p, double[] g, double[] m) => ToArrayCopiesWithHessian(p, g, m);
}
