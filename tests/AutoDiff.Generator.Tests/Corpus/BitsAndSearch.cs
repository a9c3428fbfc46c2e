using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Ints as users compute them beyond + - * /, written for this file and not tuned against the generator: subsets
/// enumerated by bit masks, a Gray-code walk, a rolling hash that picks elements, a binary search with a shifted
/// midpoint, bool flags combined with |= and &amp;=, int signs and buckets from the data, int helpers fed ints
/// that branches change, and a differentiable helper called at indices a loop moves. Each is checked in reverse,
/// forward and second order against finite differences away from its switches.
/// </summary>
public static partial class BitsAndSearch
{
    private static readonly double[] Weights = { 0.5, -1.25, 2.0, 0.75 };

    private static int Next(int position, bool forward, int n) => forward ? (position + 1) % n : (position + n - 2) % n;

    private static int PopCount(int mask)
    {
        int count = 0;
        while (mask != 0)
        {
            count += mask & 1;
            mask >>= 1;
        }

        return count;
    }

    [Differentiable(Derivatives.All)]
    private static double Pair(ReadOnlySpan<double> x, int i, int j) => x[i] * Math.Sin(x[j]) + 0.5 * x[j];

    // Every non-empty subset of x[0..4] by its bit mask: the product of its elements over its size.
    [Differentiable(Derivatives.All)]
    public static double SubsetProducts(ReadOnlySpan<double> x)
    {
        const int n = 4;
        double s = 0;
        for (int mask = 1; mask < 1 << n; mask++)
        {
            double p = 1;
            for (int i = 0; i < n; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    p *= x[i];
                }
            }

            s += p / PopCount(mask);
        }

        return s;
    }

    // A Gray-code walk over eight steps: consecutive codes differ in one bit, whose element is added or taken away.
    [Differentiable(Derivatives.All)]
    public static double GrayWalk(ReadOnlySpan<double> x)
    {
        double s = 0;
        double level = 0;
        int previous = 0;
        for (int i = 1; i < 8; i++)
        {
            int code = i ^ (i >> 1);
            int changed = code ^ previous;
            int bit = 0;
            while ((changed >> bit) != 1)
            {
                bit++;
            }

            level += (code & changed) != 0 ? x[bit] : -x[bit];
            s += level * level * x[(bit + 3) % x.Length];
            previous = code;
        }

        return s;
    }

    // A rolling hash of the branch taken so far picks the element each step reads.
    [Differentiable(Derivatives.All)]
    public static double RollingHash(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int h = 7;
        double s = 0;
        for (int step = 0; step < 2 * n; step++)
        {
            double v = x[h % n];
            if (v > 0.2)
            {
                h = (h * 31 + step) % 97;
                s += v * x[(h + 1) % n];
            }
            else
            {
                h = (~h ^ (step << 2)) & 63;
                s += Math.Exp(-v * v);
            }
        }

        return s;
    }

    // Prefix sums of squares, then a binary search (midpoint by a shift) for where a level from x[0] falls, and a
    // linear interpolation between the two neighbours it lands between.
    [Differentiable(Derivatives.All)]
    public static double BinarySearch(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> prefix = stackalloc double[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + x[i] * x[i] + 0.1;
        }

        double level = 0.4 * prefix[n] * (0.5 + 0.25 * Math.Sin(x[0]));
        int lo = 0;
        int hi = n;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (prefix[mid] <= level)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double u = (level - prefix[lo]) / (prefix[hi] - prefix[lo]);
        return lo + u;
    }

    // Bool flags combined with |=, &= and ^=, then read by branches.
    [Differentiable(Derivatives.All)]
    public static double Flags(ReadOnlySpan<double> x)
    {
        bool anyLarge = false;
        bool allPositive = true;
        bool parity = false;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            anyLarge |= x[i] > 1.0;
            allPositive &= x[i] > -0.5;
            parity ^= x[i] > 0.25;
            s += parity ? x[i] * x[i] : Math.Sin(x[i]);
            if (anyLarge & !parity)
            {
                s += 0.5 * x[i];
            }
        }

        return allPositive ? s : s * s;
    }

    // Int signs and buckets from the data: Math.Sign, a rounded bucket into a table, ints mixed into doubles.
    [Differentiable(Derivatives.All)]
    public static double SignsAndBuckets(ReadOnlySpan<double> x)
    {
        double s = 0;
        int positives = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int sign = Math.Sign(x[i]);
            positives += x[i] > 0 ? 1 : 0;
            int bucket = Math.Clamp((int)Math.Round(x[i] * 1.5) + 1, 0, Weights.Length - 1);
            s += sign * x[i] * Weights[bucket] + positives * 0.1 * x[i];
        }

        return s / Math.Max(1, positives) + Math.Abs(-positives);
    }

    // A position moved by a plain helper whose bool argument the data picks; a differentiable helper reads the pair
    // of elements it lands between.
    [Differentiable(Derivatives.All)]
    public static double HelperSteps(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int position = 0;
        double s = 0;
        for (int step = 0; step < n + 3; step++)
        {
            int before = position;
            position = Next(position, x[position] > 0.1, n);
            s += Pair(x, before, position);
            if (position == 0)
            {
                s *= 0.5;
            }
        }

        return s;
    }

    // Counted positives decide a divisor; a later loop reads elements at a stride the count sets.
    [Differentiable(Derivatives.All)]
    public static double CountedStride(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (x[i] > 0.3)
            {
                count++;
            }
        }

        int stride = 1 + count % 3;
        double s = 0;
        for (int i = 0, j = n - 1; i < n; i += stride, j -= stride)
        {
            s += x[i] * (j >= 0 ? x[j] : 1.0);
        }

        return s / (count + 1);
    }

    public static double SignsAndBuckets_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Abs(v));
            double t = v * 1.5;
            d = Math.Min(d, Math.Abs(t - Math.Floor(t) - 0.5) / 1.5);
        }

        return d;
    }

    public static double Flags_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Min(Math.Abs(v - 1.0), Math.Min(Math.Abs(v + 0.5), Math.Abs(v - 0.25))));
        }

        return d;
    }

    public static double RollingHash_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Abs(v - 0.2));
        }

        return d;
    }

    public static double HelperSteps_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Abs(v - 0.1));
        }

        return d;
    }

    public static double CountedStride_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Abs(v - 0.3));
        }

        return d;
    }

    public static double BinarySearch_KinkDistance(double[] x)
    {
        int n = x.Length;
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + x[i] * x[i] + 0.1;
        }

        double level = 0.4 * prefix[n] * (0.5 + 0.25 * Math.Sin(x[0]));
        double d = double.PositiveInfinity;
        for (int i = 1; i < n; i++)
        {
            d = Math.Min(d, Math.Abs(prefix[i] - level) / 10);
        }

        return d;
    }
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class BitsAndSearch
{
    public static double SubsetProducts_Value(double[] p) => SubsetProducts(p);
    public static double SubsetProducts_Gradient(double[] p, double[] g) => SubsetProductsWithGradient(p, g);
    public static void SubsetProducts_Pullback(double[] p, double seed, double[] g) => SubsetProductsPullback(p, seed, g);
    public static double SubsetProducts_Pushforward(double[] p, double[] t, out double tangent) => SubsetProductsPushforward(p, t, out tangent);
    public static double SubsetProducts_Hvp(double[] p, double[] v, double[] g, double[] h) => SubsetProductsHessianVectorProduct(p, v, g, h);
    public static double SubsetProducts_Hessian(double[] p, double[] g, double[] m) => SubsetProductsWithHessian(p, g, m);

    public static double GrayWalk_Value(double[] p) => GrayWalk(p);
    public static double GrayWalk_Gradient(double[] p, double[] g) => GrayWalkWithGradient(p, g);
    public static void GrayWalk_Pullback(double[] p, double seed, double[] g) => GrayWalkPullback(p, seed, g);
    public static double GrayWalk_Pushforward(double[] p, double[] t, out double tangent) => GrayWalkPushforward(p, t, out tangent);
    public static double GrayWalk_Hvp(double[] p, double[] v, double[] g, double[] h) => GrayWalkHessianVectorProduct(p, v, g, h);
    public static double GrayWalk_Hessian(double[] p, double[] g, double[] m) => GrayWalkWithHessian(p, g, m);

    public static double RollingHash_Value(double[] p) => RollingHash(p);
    public static double RollingHash_Gradient(double[] p, double[] g) => RollingHashWithGradient(p, g);
    public static void RollingHash_Pullback(double[] p, double seed, double[] g) => RollingHashPullback(p, seed, g);
    public static double RollingHash_Pushforward(double[] p, double[] t, out double tangent) => RollingHashPushforward(p, t, out tangent);
    public static double RollingHash_Hvp(double[] p, double[] v, double[] g, double[] h) => RollingHashHessianVectorProduct(p, v, g, h);
    public static double RollingHash_Hessian(double[] p, double[] g, double[] m) => RollingHashWithHessian(p, g, m);

    public static double BinarySearch_Value(double[] p) => BinarySearch(p);
    public static double BinarySearch_Gradient(double[] p, double[] g) => BinarySearchWithGradient(p, g);
    public static void BinarySearch_Pullback(double[] p, double seed, double[] g) => BinarySearchPullback(p, seed, g);
    public static double BinarySearch_Pushforward(double[] p, double[] t, out double tangent) => BinarySearchPushforward(p, t, out tangent);
    public static double BinarySearch_Hvp(double[] p, double[] v, double[] g, double[] h) => BinarySearchHessianVectorProduct(p, v, g, h);
    public static double BinarySearch_Hessian(double[] p, double[] g, double[] m) => BinarySearchWithHessian(p, g, m);

    public static double Flags_Value(double[] p) => Flags(p);
    public static double Flags_Gradient(double[] p, double[] g) => FlagsWithGradient(p, g);
    public static void Flags_Pullback(double[] p, double seed, double[] g) => FlagsPullback(p, seed, g);
    public static double Flags_Pushforward(double[] p, double[] t, out double tangent) => FlagsPushforward(p, t, out tangent);
    public static double Flags_Hvp(double[] p, double[] v, double[] g, double[] h) => FlagsHessianVectorProduct(p, v, g, h);
    public static double Flags_Hessian(double[] p, double[] g, double[] m) => FlagsWithHessian(p, g, m);

    public static double SignsAndBuckets_Value(double[] p) => SignsAndBuckets(p);
    public static double SignsAndBuckets_Gradient(double[] p, double[] g) => SignsAndBucketsWithGradient(p, g);
    public static void SignsAndBuckets_Pullback(double[] p, double seed, double[] g) => SignsAndBucketsPullback(p, seed, g);
    public static double SignsAndBuckets_Pushforward(double[] p, double[] t, out double tangent) => SignsAndBucketsPushforward(p, t, out tangent);
    public static double SignsAndBuckets_Hvp(double[] p, double[] v, double[] g, double[] h) => SignsAndBucketsHessianVectorProduct(p, v, g, h);
    public static double SignsAndBuckets_Hessian(double[] p, double[] g, double[] m) => SignsAndBucketsWithHessian(p, g, m);

    public static double HelperSteps_Value(double[] p) => HelperSteps(p);
    public static double HelperSteps_Gradient(double[] p, double[] g) => HelperStepsWithGradient(p, g);
    public static void HelperSteps_Pullback(double[] p, double seed, double[] g) => HelperStepsPullback(p, seed, g);
    public static double HelperSteps_Pushforward(double[] p, double[] t, out double tangent) => HelperStepsPushforward(p, t, out tangent);
    public static double HelperSteps_Hvp(double[] p, double[] v, double[] g, double[] h) => HelperStepsHessianVectorProduct(p, v, g, h);
    public static double HelperSteps_Hessian(double[] p, double[] g, double[] m) => HelperStepsWithHessian(p, g, m);

    public static double CountedStride_Value(double[] p) => CountedStride(p);
    public static double CountedStride_Gradient(double[] p, double[] g) => CountedStrideWithGradient(p, g);
    public static void CountedStride_Pullback(double[] p, double seed, double[] g) => CountedStridePullback(p, seed, g);
    public static double CountedStride_Pushforward(double[] p, double[] t, out double tangent) => CountedStridePushforward(p, t, out tangent);
    public static double CountedStride_Hvp(double[] p, double[] v, double[] g, double[] h) => CountedStrideHessianVectorProduct(p, v, g, h);
    public static double CountedStride_Hessian(double[] p, double[] g, double[] m) => CountedStrideWithHessian(p, g, m);
}
