using System;
using AutoDiff;

namespace Corpus;

// Ints and bools the reverse sweep must see as each statement saw them: stepped inside one branch of a loop
// that then continues, read only as arguments of plain helpers and then changed, and loop indices whose names
// two loops reuse and pass to plain helpers. Each gave a wrong gradient (or code that did not compile) before.
public static partial class IntState
{
    private static double Weight(int k) => 1.0 / (k + 1);

    private static int Wrap(int k, int n) => ((k % n) + n) % n;

    private static double Pair(int a, int b) => (a + 1.0) / (b + 2.0);

    // j steps only on the branch that continues; every later adjoint indexes with it.
    [Differentiable]
    public static double WhileContinue(ReadOnlySpan<double> x, double s)
    {
        int i = 0;
        int j = 0;
        double acc = 0;
        while (i < x.Length)
        {
            if (x[i] > 0)
            {
                j = j + 1;
                i++;
                continue;
            }

            acc += s * x[j] * x[i];
            i++;
        }

        return acc;
    }

    // A do loop: k is doubled on one branch and stepped by a data-dependent amount on the other.
    [Differentiable]
    public static double DoSteps(ReadOnlySpan<double> x, double s)
    {
        int i = 0;
        int k = 1;
        double acc = 0;
        do
        {
            if (x[i] * s > 0)
            {
                k = (k * 2) % x.Length;
                i++;
                continue;
            }

            k += x[i] < -0.5 ? 2 : 1;
            acc += Math.Sin(s * x[Wrap(k, x.Length)]) * x[i];
            i++;
        }
        while (i < x.Length);

        return acc * s;
    }

    // k is read only inside Weight(k), then multiplied, stepped and reassigned.
    [Differentiable]
    public static double PlainArguments(double x, double y)
    {
        int k = 1;
        double r = x * x * Weight(k);
        k = k * 3;
        r += Math.Sin(x * y) * Weight(k);
        k += 2;
        r *= y * Weight(k);
        k = Wrap(k + 7, 5);
        return r + x * Pair(k, k + 1);
    }

    // Two loops both named i, each passing i to a plain helper.
    [Differentiable]
    public static double ReusedIndex(ReadOnlySpan<double> v, double s)
    {
        double acc = 0;
        for (int i = 0; i < v.Length; i++)
        {
            acc += s * v[Wrap(i + 1, v.Length)] * Weight(i);
        }

        for (int i = 0; i < v.Length; i++)
        {
            acc += s * s * Pair(i, v.Length) * v[i];
        }

        return acc;
    }

    // A flag toggled every iteration and flipped by data chooses which index an accumulation reads.
    [Differentiable]
    public static double Flags(ReadOnlySpan<double> v, double s)
    {
        bool flag = false;
        int m = 0;
        double acc = 0;
        for (int i = 0; i < v.Length; i++)
        {
            flag = !flag;
            if (v[i] > 0.3)
            {
                flag = !flag;
                m = Wrap(m + 3, v.Length);
            }

            acc += flag ? s * v[m] * v[i] : Math.Exp(s * v[i]) * Weight(m);
        }

        return acc;
    }

    public static double WhileContinue_Value(double[] p) => WhileContinue(p.AsSpan(1), p[0]);
    public static double WhileContinue_Gradient(double[] p, double[] g) => WhileContinueWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void WhileContinue_Pullback(double[] p, double seed, double[] g) => WhileContinuePullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);
    public static double WhileContinue_KinkDistance(double[] p) => MinAbs(p.AsSpan(1));

    public static double DoSteps_Value(double[] p) => DoSteps(p.AsSpan(1), p[0]);
    public static double DoSteps_Gradient(double[] p, double[] g) => DoStepsWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void DoSteps_Pullback(double[] p, double seed, double[] g) => DoStepsPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);
    public static double DoSteps_KinkDistance(double[] p)
    {
        var distance = Math.Abs(p[0]);
        foreach (var x in p.AsSpan(1))
        {
            distance = Math.Min(distance, Math.Min(Math.Abs(x * p[0]), Math.Abs(x + 0.5)));
        }

        return distance;
    }

    public static double ReusedIndex_Value(double[] p) => ReusedIndex(p.AsSpan(1), p[0]);
    public static double ReusedIndex_Gradient(double[] p, double[] g) => ReusedIndexWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void ReusedIndex_Pullback(double[] p, double seed, double[] g) => ReusedIndexPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);

    public static double Flags_Value(double[] p) => Flags(p.AsSpan(1), p[0]);
    public static double Flags_Gradient(double[] p, double[] g) => FlagsWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void Flags_Pullback(double[] p, double seed, double[] g) => FlagsPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);
    public static double Flags_KinkDistance(double[] p)
    {
        var distance = double.MaxValue;
        foreach (var x in p.AsSpan(1))
        {
            distance = Math.Min(distance, Math.Abs(x - 0.3));
        }

        return distance;
    }

    private static double MinAbs(ReadOnlySpan<double> values)
    {
        var distance = double.MaxValue;
        foreach (var x in values)
        {
            distance = Math.Min(distance, Math.Abs(x));
        }

        return distance;
    }
}
