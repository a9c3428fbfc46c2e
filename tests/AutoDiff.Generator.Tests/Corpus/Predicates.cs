using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Tests and steps as users write them inside expressions, not tuned against the generator: plain helpers that
/// return an int or a bool from doubles (a bucket, a range test, an arg-max over the parameter), <c>double.IsNaN</c>
/// and <c>double.IsFinite</c> guards, relational patterns (<c>is &gt; 0 and &lt; 1</c>, <c>is not</c>, <c>or</c>), and
/// int steps inside statements (<c>s += x[i++]</c>, <c>buf[n++] = v</c>, <c>int j = k++</c>, <c>if (x[++k % n] &gt; 0)</c>,
/// <c>s += buf[--n]</c>, <c>while (s &lt; 100 &amp;&amp; iter++ &lt; 6)</c>). Each is checked in reverse, forward and second order away from its switches.
/// </summary>
public static partial class Predicates
{
    private static readonly double[] Scales = { 0.5, 1.5, -0.75, 2.0, 1.0 };

    private static int Bucket(double v) => Math.Clamp((int)Math.Floor(v * 2 + 2), 0, 4);

    private static bool Inside(double v, double low, double high) => v > low && v < high;

    private static int ArgMax(ReadOnlySpan<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++)
        {
            if (v[i] > v[best])
            {
                best = i;
            }
        }

        return best;
    }

    // A running value picks a scale through a plain helper of a double; the bucket of each element picks another.
    [Differentiable(Derivatives.All)]
    public static double Buckets(ReadOnlySpan<double> x)
    {
        double running = 0;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            running = 0.5 * running + x[i];
            s += Scales[Bucket(running)] * x[i] * running;
            s += x[Bucket(x[i]) % x.Length] * 0.25;
        }

        return s;
    }

    // A range test in a plain helper decides a branch; the arg-max of the parameter picks an element.
    [Differentiable(Derivatives.All)]
    public static double RangeAndArgMax(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] * x[(i + 1) % x.Length];
            if (Inside(v, -0.25, 0.5))
            {
                s += Math.Sin(v);
            }
            else
            {
                s -= 0.5 * v * v;
            }
        }

        int best = ArgMax(x);
        return s + x[best] * x[best] + best;
    }

    // NaN and infinity guards on values that are finite here, so the guarded branch is the one taken.
    [Differentiable(Derivatives.All)]
    public static double Guards(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = Math.Sqrt(1 + x[i] * x[i]) * x[i];
            s += double.IsNaN(r) ? 0 : r;
            double q = Math.Exp(x[i]) / (2 + x[i]);
            if (double.IsFinite(q) && !double.IsInfinity(s))
            {
                s += q * 0.5;
            }
        }

        return s;
    }

    // Relational patterns: ranges with and, alternatives with or, negations, an int constant pattern.
    [Differentiable(Derivatives.All)]
    public static double Patterns(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (v is > 0 and < 1)
            {
                s += v * v;
            }
            else if (v is <= -0.5 or >= 1.2)
            {
                s += Math.Cos(v);
            }
            else if (v is not > -0.25)
            {
                s -= v;
            }

            s += i % 3 is 0 ? 0.5 * v : v is >= 0.4 ? v * x[0] : 0;
        }

        return s;
    }

    // Int steps inside statements: reads at a stepped index, stores at one, a declaration from one, a condition with a
    // prefix step, the last element kept read by a prefix decrement.
    [Differentiable(Derivatives.All)]
    public static double Steps(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> kept = stackalloc double[n];
        int count = 0;
        double s = 0;
        int i = 0;
        while (i < n)
        {
            double v = x[i++];
            if (v > 0.1)
            {
                kept[count++] = v * v;
            }

            s += v * 0.5;
        }

        int k = 0;
        for (int r = 0; r < n; r++)
        {
            if (x[++k % n] > 0)
            {
                int j = k++;
                s += x[j % n] * x[r];
            }
        }

        s += count * 0.1;
        if (count > 0)
        {
            s += kept[--count] * 2;
        }

        return s + kept[count / 2];
    }

    public static double Buckets_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        double running = 0;
        foreach (double v in x)
        {
            running = 0.5 * running + v;
            foreach (double t in new[] { running, v })
            {
                double u = t * 2 + 2;
                d = Math.Min(d, Math.Abs(u - Math.Round(u)) / 4);
            }
        }

        return d;
    }

    public static double RangeAndArgMax_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] * x[(i + 1) % x.Length];
            d = Math.Min(d, Math.Min(Math.Abs(v + 0.25), Math.Abs(v - 0.5)) / 3);
            for (int j = i + 1; j < x.Length; j++)
            {
                d = Math.Min(d, Math.Abs(x[i] - x[j]) / 2);
            }
        }

        return d;
    }

    public static double Patterns_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            foreach (double edge in new[] { 0, 1, -0.5, 1.2, -0.25, 0.4 })
            {
                d = Math.Min(d, Math.Abs(v - edge));
            }
        }

        return d;
    }

    public static double Steps_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Min(Math.Abs(v - 0.1), Math.Abs(v)));
        }

        return d;
    }

    // While loops whose condition steps the counter, as iteration limits are written: after a data test that holds
    // here ('s < 100 && iter++ < 6'), with a continue that goes back to the test; alone ('k++ < n'); and a do loop's
    // ('++rounds < 4 && s < 100').
    [Differentiable(Derivatives.All)]
    public static double SteppingWhile(ReadOnlySpan<double> x)
    {
        double s = 0;
        int iter = 0;
        while (s < 100 && iter++ < 6)
        {
            s += 0.5 * Math.Sin(s + x[iter % x.Length]);
            if (iter == 3)
            {
                continue;
            }

            s += 0.1 * x[(iter + 1) % x.Length] * s;
        }

        int k = 0;
        while (k++ < x.Length - 1)
        {
            s += x[k] * x[k - 1];
        }

        int rounds = 0;
        do
        {
            s = 0.5 * s + 0.25 * x[rounds % x.Length] * s;
        }
        while (++rounds < 4 && s < 100);

        return s * k + rounds;
    }
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class Predicates
{
    public static double Buckets_Value(double[] p) => Buckets(p);
    public static double Buckets_Gradient(double[] p, double[] g) => BucketsWithGradient(p, g);
    public static void Buckets_Pullback(double[] p, double seed, double[] g) => BucketsPullback(p, seed, g);
    public static double Buckets_Pushforward(double[] p, double[] t, out double tangent) => BucketsPushforward(p, t, out tangent);
    public static double Buckets_Hvp(double[] p, double[] v, double[] g, double[] h) => BucketsHessianVectorProduct(p, v, g, h);
    public static double Buckets_Hessian(double[] p, double[] g, double[] m) => BucketsWithHessian(p, g, m);

    public static double RangeAndArgMax_Value(double[] p) => RangeAndArgMax(p);
    public static double RangeAndArgMax_Gradient(double[] p, double[] g) => RangeAndArgMaxWithGradient(p, g);
    public static void RangeAndArgMax_Pullback(double[] p, double seed, double[] g) => RangeAndArgMaxPullback(p, seed, g);
    public static double RangeAndArgMax_Pushforward(double[] p, double[] t, out double tangent) => RangeAndArgMaxPushforward(p, t, out tangent);
    public static double RangeAndArgMax_Hvp(double[] p, double[] v, double[] g, double[] h) => RangeAndArgMaxHessianVectorProduct(p, v, g, h);
    public static double RangeAndArgMax_Hessian(double[] p, double[] g, double[] m) => RangeAndArgMaxWithHessian(p, g, m);

    public static double Guards_Value(double[] p) => Guards(p);
    public static double Guards_Gradient(double[] p, double[] g) => GuardsWithGradient(p, g);
    public static void Guards_Pullback(double[] p, double seed, double[] g) => GuardsPullback(p, seed, g);
    public static double Guards_Pushforward(double[] p, double[] t, out double tangent) => GuardsPushforward(p, t, out tangent);
    public static double Guards_Hvp(double[] p, double[] v, double[] g, double[] h) => GuardsHessianVectorProduct(p, v, g, h);
    public static double Guards_Hessian(double[] p, double[] g, double[] m) => GuardsWithHessian(p, g, m);

    public static double Patterns_Value(double[] p) => Patterns(p);
    public static double Patterns_Gradient(double[] p, double[] g) => PatternsWithGradient(p, g);
    public static void Patterns_Pullback(double[] p, double seed, double[] g) => PatternsPullback(p, seed, g);
    public static double Patterns_Pushforward(double[] p, double[] t, out double tangent) => PatternsPushforward(p, t, out tangent);
    public static double Patterns_Hvp(double[] p, double[] v, double[] g, double[] h) => PatternsHessianVectorProduct(p, v, g, h);
    public static double Patterns_Hessian(double[] p, double[] g, double[] m) => PatternsWithHessian(p, g, m);

    public static double SteppingWhile_Value(double[] p) => SteppingWhile(p);
    public static double SteppingWhile_Gradient(double[] p, double[] g) => SteppingWhileWithGradient(p, g);
    public static void SteppingWhile_Pullback(double[] p, double seed, double[] g) => SteppingWhilePullback(p, seed, g);
    public static double SteppingWhile_Pushforward(double[] p, double[] t, out double tangent) => SteppingWhilePushforward(p, t, out tangent);
    public static double SteppingWhile_Hvp(double[] p, double[] v, double[] g, double[] h) => SteppingWhileHessianVectorProduct(p, v, g, h);
    public static double SteppingWhile_Hessian(double[] p, double[] g, double[] m) => SteppingWhileWithHessian(p, g, m);
    public static double Steps_Value(double[] p) => Steps(p);
    public static double Steps_Gradient(double[] p, double[] g) => StepsWithGradient(p, g);
    public static void Steps_Pullback(double[] p, double seed, double[] g) => StepsPullback(p, seed, g);
    public static double Steps_Pushforward(double[] p, double[] t, out double tangent) => StepsPushforward(p, t, out tangent);
    public static double Steps_Hvp(double[] p, double[] v, double[] g, double[] h) => StepsHessianVectorProduct(p, v, g, h);
    public static double Steps_Hessian(double[] p, double[] g, double[] m) => StepsWithHessian(p, g, m);
}
