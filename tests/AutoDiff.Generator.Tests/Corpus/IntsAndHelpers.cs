using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// More code as users write it, written for this file and not tuned against the generator, around the two things
/// the first wave got silently wrong: ints that branches change, and ints that feed plain helper calls. A position
/// moved differently by each branch and wrapped by a plain helper; an inner bound set in a branch; bins from
/// <c>Math.Floor</c> clamped by <c>Math.Clamp</c>; differentiable helpers calling each other with an int changed
/// between the calls; a loop step the data picks; a rotation, prefix sums and a bubble sort in place; softmax
/// cross-entropy with int labels; a counter used after the loop; Horner's rule over a reversed copy; a while loop
/// whose condition a helper call feeds; two writes a step that sometimes land on the same element. Each gradient is
/// checked against finite differences away from the points where a branch switches (<c>{Name}_KinkDistance</c>),
/// and each function in forward mode and second order too.
/// </summary>
public static partial class IntsAndHelpers
{
    private static readonly int[] Labels = [2, 0, 1, 1, 0, 2];

    // Plain helpers: ints in, an int or a double out; the generator calls them as they are.
    private static int Wrap(int i, int n) => ((i % n) + n) % n;

    private static double Weight(int k) => 1.0 / (k + 1);

    // A position that moves +3 or -1 as the element under it says, wrapped into the span by a plain helper, picks
    // the elements each step adds or subtracts.
    [Differentiable(Derivatives.All)]
    public static double WrappedWalk(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int pos = 0;
        double s = 0;
        for (int t = 0; t < 2 * n; t++)
        {
            if (x[Wrap(pos, n)] > 0.3)
            {
                pos += 3;
                s += x[Wrap(pos, n)] * Weight(t % 4);
            }
            else
            {
                pos -= 1;
                s -= x[Wrap(pos - 1, n)] * x[Wrap(pos, n)];
            }
        }

        return s;
    }

    // An inner loop's bound, raised or lowered by a branch of the outer body.
    [Differentiable(Derivatives.All)]
    public static double BranchBound(ReadOnlySpan<double> x)
    {
        double s = 0;
        int m = 1;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] * x[i] > 0.25)
            {
                m = Math.Min(m + 2, x.Length);
            }
            else if (m > 1)
            {
                m--;
            }

            double inner = 0;
            for (int j = 0; j < m; j++)
            {
                inner += x[j] * Math.Cos(x[i] + j);
            }

            s += inner * Weight(m);
        }

        return s;
    }

    // Bins picked by a floor of the data, clamped, each element added into one bin and taken from the mirror one.
    [Differentiable(Derivatives.All)]
    public static double ClampedBins(ReadOnlySpan<double> x)
    {
        Span<double> bins = stackalloc double[4];
        for (int i = 0; i < x.Length; i++)
        {
            int b = Math.Clamp((int)Math.Floor(x[i] * 2 + 1), 0, 3);
            bins[b] += x[i] * x[i];
            bins[3 - b] -= 0.5 * x[i];
        }

        double s = 0;
        for (int b = 0; b < 4; b++)
        {
            s += bins[b] * bins[b] * (b + 1);
        }

        return s;
    }

    [Differentiable(Derivatives.All)]
    private static double Inner(double a, double b, int k) => k % 2 == 0 ? a * b : a - b * k;

    [Differentiable(Derivatives.All)]
    private static double Outer(double a, double b, int k)
    {
        double r = Inner(a, b, k);
        k += 3;
        return r * Inner(b, a, k) + k;
    }

    // Differentiable helpers calling each other, with an int the caller steps by 1 or 2 as the running sum says and
    // the callee changes between its own two calls.
    [Differentiable(Derivatives.All)]
    public static double NestedHelpers(ReadOnlySpan<double> x)
    {
        double s = 0;
        int k = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            s += Outer(x[i], x[i + 1], k);
            if (s > 1)
            {
                k += 2;
            }
            else
            {
                k++;
            }
        }

        return s;
    }

    // A loop whose step each element picks.
    [Differentiable(Derivatives.All)]
    public static double DataStep(ReadOnlySpan<double> x)
    {
        double s = 0;
        int step = 1;
        for (int i = 0; i < x.Length; i += step)
        {
            s += x[i] * (i + 1);
            step = x[i] > 0 ? 2 : 1;
        }

        return s * s;
    }

    // A scratch copy rotated left in place once or twice, as the first element's sign says.
    [Differentiable(Derivatives.All)]
    public static double Rotate(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> a = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = x[i] * x[i];
        }

        int turns = x[0] > 0 ? 2 : 1;
        for (int t = 0; t < turns; t++)
        {
            double first = a[0];
            for (int i = 0; i + 1 < n; i++)
            {
                a[i] = a[i + 1];
            }

            a[n - 1] = first;
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += a[i] * (i + 1) * x[i];
        }

        return s;
    }

    // Prefix sums in place, then suffix products in place over them.
    [Differentiable(Derivatives.All)]
    public static double PrefixInPlace(ReadOnlySpan<double> x)
    {
        Span<double> p = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            p[i] = Math.Sin(x[i]);
        }

        for (int i = 1; i < p.Length; i++)
        {
            p[i] += p[i - 1];
        }

        for (int i = p.Length - 2; i >= 0; i--)
        {
            p[i] *= p[i + 1];
        }

        double s = 0;
        for (int i = 0; i < p.Length; i++)
        {
            s += p[i];
        }

        return s;
    }

    // A bubble sort of a mix of neighbours, its swaps picked by the data, then a weighted sum by rank.
    [Differentiable(Derivatives.All)]
    public static double BubbleSorted(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> a = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = x[i] + (0.1 * x[(i + 1) % n]);
        }

        for (int pass = 0; pass < n; pass++)
        {
            for (int i = 0; i + 1 < n - pass; i++)
            {
                if (a[i] > a[i + 1])
                {
                    double t = a[i];
                    a[i] = a[i + 1];
                    a[i + 1] = t;
                }
            }
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += a[i] * (i + 1) * (i + 1);
        }

        return s;
    }

    // Softmax cross-entropy over rows of three logits, each row's label an int read from a table by the row.
    [Differentiable(Derivatives.All)]
    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<int> labels)
    {
        double loss = 0;
        for (int r = 0; r + 2 < x.Length; r += 3)
        {
            double top = Math.Max(x[r], Math.Max(x[r + 1], x[r + 2]));
            double z = 0;
            for (int c = 0; c < 3; c++)
            {
                z += Math.Exp(x[r + c] - top);
            }

            int label = labels[r / 3 % labels.Length];
            loss += -(x[r + label] - top - Math.Log(z));
        }

        return loss;
    }

    // A leaky ReLU whose positive count moves the index each term reads and divides the total.
    [Differentiable(Derivatives.All)]
    public static double LeakyCount(ReadOnlySpan<double> x)
    {
        double s = 0;
        int positives = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] > 0 ? x[i] : 0.01 * x[i];
            if (v > 0)
            {
                positives++;
            }

            s += v * x[(i + positives) % x.Length];
        }

        return s / (1 + positives);
    }

    // Horner's rule over the coefficients copied in reverse, at a point that is the last parameter.
    [Differentiable(Derivatives.All)]
    public static double HornerReversed(ReadOnlySpan<double> x)
    {
        int n = x.Length - 1;
        Span<double> c = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            c[n - 1 - i] = x[i];
        }

        double t = x[n];
        double y = 0;
        for (int i = 0; i < n; i++)
        {
            y = (y * t) + c[i];
        }

        return y;
    }

    // A while loop left when a value grown through a plain helper passes 6; the int step it takes depends on it too.
    [Differentiable(Derivatives.All)]
    public static double WhileHelper(ReadOnlySpan<double> x)
    {
        double v = (x[0] * x[0]) + 0.5;
        int k = 0;
        while (v < 6 && k < 20)
        {
            v = (v * (1.2 + (0.1 * Math.Tanh(x[1 + (k % (x.Length - 1))])))) + Weight(k);
            k += v > 2 ? 2 : 1;
        }

        return v + k;
    }

    // Two writes a step into a scratch copy, at places the data picks, which sometimes are the same element.
    [Differentiable(Derivatives.All)]
    public static double CollidingWrites(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> a = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = x[i];
        }

        for (int t = 0; t < n; t++)
        {
            int p = x[t] > 0 ? t : (t + 1) % n;
            int q = t * 2 % n;
            a[p] = (a[q] * 0.5) + (a[p] * x[t]);
            a[q] = Math.Sin(a[p]) + a[q];
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += a[i] * a[i];
        }

        return s;
    }
}

// The probes' entry points (GradientProbe, SecondOrderTests, PushforwardTests call these by name) and where each
// piecewise function switches branch or jumps.
public static partial class IntsAndHelpers
{
    public static double WrappedWalk_Value(double[] p) => WrappedWalk(p);
    public static double WrappedWalk_Gradient(double[] p, double[] g) => WrappedWalkWithGradient(p, g);
    public static void WrappedWalk_Pullback(double[] p, double seed, double[] g) => WrappedWalkPullback(p, seed, g);
    public static double WrappedWalk_Pushforward(double[] p, double[] t, out double tangent) => WrappedWalkPushforward(p, t, out tangent);
    public static double WrappedWalk_Hvp(double[] p, double[] v, double[] g, double[] h) => WrappedWalkHessianVectorProduct(p, v, g, h);
    public static double WrappedWalk_Hessian(double[] p, double[] g, double[] m) => WrappedWalkWithHessian(p, g, m);

    public static double BranchBound_Value(double[] p) => BranchBound(p);
    public static double BranchBound_Gradient(double[] p, double[] g) => BranchBoundWithGradient(p, g);
    public static void BranchBound_Pullback(double[] p, double seed, double[] g) => BranchBoundPullback(p, seed, g);
    public static double BranchBound_Pushforward(double[] p, double[] t, out double tangent) => BranchBoundPushforward(p, t, out tangent);
    public static double BranchBound_Hvp(double[] p, double[] v, double[] g, double[] h) => BranchBoundHessianVectorProduct(p, v, g, h);
    public static double BranchBound_Hessian(double[] p, double[] g, double[] m) => BranchBoundWithHessian(p, g, m);

    public static double ClampedBins_Value(double[] p) => ClampedBins(p);
    public static double ClampedBins_Gradient(double[] p, double[] g) => ClampedBinsWithGradient(p, g);
    public static void ClampedBins_Pullback(double[] p, double seed, double[] g) => ClampedBinsPullback(p, seed, g);
    public static double ClampedBins_Pushforward(double[] p, double[] t, out double tangent) => ClampedBinsPushforward(p, t, out tangent);
    public static double ClampedBins_Hvp(double[] p, double[] v, double[] g, double[] h) => ClampedBinsHessianVectorProduct(p, v, g, h);
    public static double ClampedBins_Hessian(double[] p, double[] g, double[] m) => ClampedBinsWithHessian(p, g, m);

    public static double NestedHelpers_Value(double[] p) => NestedHelpers(p);
    public static double NestedHelpers_Gradient(double[] p, double[] g) => NestedHelpersWithGradient(p, g);
    public static void NestedHelpers_Pullback(double[] p, double seed, double[] g) => NestedHelpersPullback(p, seed, g);
    public static double NestedHelpers_Pushforward(double[] p, double[] t, out double tangent) => NestedHelpersPushforward(p, t, out tangent);
    public static double NestedHelpers_Hvp(double[] p, double[] v, double[] g, double[] h) => NestedHelpersHessianVectorProduct(p, v, g, h);
    public static double NestedHelpers_Hessian(double[] p, double[] g, double[] m) => NestedHelpersWithHessian(p, g, m);

    public static double DataStep_Value(double[] p) => DataStep(p);
    public static double DataStep_Gradient(double[] p, double[] g) => DataStepWithGradient(p, g);
    public static void DataStep_Pullback(double[] p, double seed, double[] g) => DataStepPullback(p, seed, g);
    public static double DataStep_Pushforward(double[] p, double[] t, out double tangent) => DataStepPushforward(p, t, out tangent);
    public static double DataStep_Hvp(double[] p, double[] v, double[] g, double[] h) => DataStepHessianVectorProduct(p, v, g, h);
    public static double DataStep_Hessian(double[] p, double[] g, double[] m) => DataStepWithHessian(p, g, m);

    public static double Rotate_Value(double[] p) => Rotate(p);
    public static double Rotate_Gradient(double[] p, double[] g) => RotateWithGradient(p, g);
    public static void Rotate_Pullback(double[] p, double seed, double[] g) => RotatePullback(p, seed, g);
    public static double Rotate_Pushforward(double[] p, double[] t, out double tangent) => RotatePushforward(p, t, out tangent);
    public static double Rotate_Hvp(double[] p, double[] v, double[] g, double[] h) => RotateHessianVectorProduct(p, v, g, h);
    public static double Rotate_Hessian(double[] p, double[] g, double[] m) => RotateWithHessian(p, g, m);

    public static double PrefixInPlace_Value(double[] p) => PrefixInPlace(p);
    public static double PrefixInPlace_Gradient(double[] p, double[] g) => PrefixInPlaceWithGradient(p, g);
    public static void PrefixInPlace_Pullback(double[] p, double seed, double[] g) => PrefixInPlacePullback(p, seed, g);
    public static double PrefixInPlace_Pushforward(double[] p, double[] t, out double tangent) => PrefixInPlacePushforward(p, t, out tangent);
    public static double PrefixInPlace_Hvp(double[] p, double[] v, double[] g, double[] h) => PrefixInPlaceHessianVectorProduct(p, v, g, h);
    public static double PrefixInPlace_Hessian(double[] p, double[] g, double[] m) => PrefixInPlaceWithHessian(p, g, m);

    public static double BubbleSorted_Value(double[] p) => BubbleSorted(p);
    public static double BubbleSorted_Gradient(double[] p, double[] g) => BubbleSortedWithGradient(p, g);
    public static void BubbleSorted_Pullback(double[] p, double seed, double[] g) => BubbleSortedPullback(p, seed, g);
    public static double BubbleSorted_Pushforward(double[] p, double[] t, out double tangent) => BubbleSortedPushforward(p, t, out tangent);
    public static double BubbleSorted_Hvp(double[] p, double[] v, double[] g, double[] h) => BubbleSortedHessianVectorProduct(p, v, g, h);
    public static double BubbleSorted_Hessian(double[] p, double[] g, double[] m) => BubbleSortedWithHessian(p, g, m);

    public static double SoftmaxCrossEntropy_Value(double[] p) => SoftmaxCrossEntropy(p, Labels);
    public static double SoftmaxCrossEntropy_Gradient(double[] p, double[] g) => SoftmaxCrossEntropyWithGradient(p, Labels, g);
    public static void SoftmaxCrossEntropy_Pullback(double[] p, double seed, double[] g) => SoftmaxCrossEntropyPullback(p, Labels, seed, g);
    public static double SoftmaxCrossEntropy_Pushforward(double[] p, double[] t, out double tangent) => SoftmaxCrossEntropyPushforward(p, Labels, t, out tangent);
    public static double SoftmaxCrossEntropy_Hvp(double[] p, double[] v, double[] g, double[] h) => SoftmaxCrossEntropyHessianVectorProduct(p, Labels, v, g, h);
    public static double SoftmaxCrossEntropy_Hessian(double[] p, double[] g, double[] m) => SoftmaxCrossEntropyWithHessian(p, Labels, g, m);

    public static double LeakyCount_Value(double[] p) => LeakyCount(p);
    public static double LeakyCount_Gradient(double[] p, double[] g) => LeakyCountWithGradient(p, g);
    public static void LeakyCount_Pullback(double[] p, double seed, double[] g) => LeakyCountPullback(p, seed, g);
    public static double LeakyCount_Pushforward(double[] p, double[] t, out double tangent) => LeakyCountPushforward(p, t, out tangent);
    public static double LeakyCount_Hvp(double[] p, double[] v, double[] g, double[] h) => LeakyCountHessianVectorProduct(p, v, g, h);
    public static double LeakyCount_Hessian(double[] p, double[] g, double[] m) => LeakyCountWithHessian(p, g, m);

    public static double HornerReversed_Value(double[] p) => HornerReversed(p);
    public static double HornerReversed_Gradient(double[] p, double[] g) => HornerReversedWithGradient(p, g);
    public static void HornerReversed_Pullback(double[] p, double seed, double[] g) => HornerReversedPullback(p, seed, g);
    public static double HornerReversed_Pushforward(double[] p, double[] t, out double tangent) => HornerReversedPushforward(p, t, out tangent);
    public static double HornerReversed_Hvp(double[] p, double[] v, double[] g, double[] h) => HornerReversedHessianVectorProduct(p, v, g, h);
    public static double HornerReversed_Hessian(double[] p, double[] g, double[] m) => HornerReversedWithHessian(p, g, m);

    public static double WhileHelper_Value(double[] p) => WhileHelper(p);
    public static double WhileHelper_Gradient(double[] p, double[] g) => WhileHelperWithGradient(p, g);
    public static void WhileHelper_Pullback(double[] p, double seed, double[] g) => WhileHelperPullback(p, seed, g);
    public static double WhileHelper_Pushforward(double[] p, double[] t, out double tangent) => WhileHelperPushforward(p, t, out tangent);
    public static double WhileHelper_Hvp(double[] p, double[] v, double[] g, double[] h) => WhileHelperHessianVectorProduct(p, v, g, h);
    public static double WhileHelper_Hessian(double[] p, double[] g, double[] m) => WhileHelperWithHessian(p, g, m);

    public static double CollidingWrites_Value(double[] p) => CollidingWrites(p);
    public static double CollidingWrites_Gradient(double[] p, double[] g) => CollidingWritesWithGradient(p, g);
    public static void CollidingWrites_Pullback(double[] p, double seed, double[] g) => CollidingWritesPullback(p, seed, g);
    public static double CollidingWrites_Pushforward(double[] p, double[] t, out double tangent) => CollidingWritesPushforward(p, t, out tangent);
    public static double CollidingWrites_Hvp(double[] p, double[] v, double[] g, double[] h) => CollidingWritesHessianVectorProduct(p, v, g, h);
    public static double CollidingWrites_Hessian(double[] p, double[] g, double[] m) => CollidingWritesWithHessian(p, g, m);

    // The kink distances replay each function's branches on doubles and return how close the point is to flipping
    // one of them (in the compared quantity; the tests keep 0.01 away).
    public static double WrappedWalk_KinkDistance(double[] x)
    {
        int n = x.Length;
        int pos = 0;
        double nearest = double.PositiveInfinity;
        for (int t = 0; t < 2 * n; t++)
        {
            double probe = x[Wrap(pos, n)];
            nearest = Math.Min(nearest, Math.Abs(probe - 0.3));
            pos += probe > 0.3 ? 3 : -1;
        }

        return nearest;
    }

    public static double BranchBound_KinkDistance(double[] x)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in x)
        {
            nearest = Math.Min(nearest, Math.Abs(Math.Abs(v) - 0.5));
        }

        return nearest;
    }

    // Bins change where 2x + 1 is a whole number.
    public static double ClampedBins_KinkDistance(double[] x)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in x)
        {
            double edge = (2 * v) + 1;
            nearest = Math.Min(nearest, Math.Abs(edge - Math.Round(edge)) / 2);
        }

        return nearest;
    }

    // The running sum crossing 1 changes k's parity, which makes the function jump.
    public static double NestedHelpers_KinkDistance(double[] x)
    {
        double s = 0;
        int k = 0;
        double nearest = double.PositiveInfinity;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            s += Outer(x[i], x[i + 1], k);
            nearest = Math.Min(nearest, Math.Abs(s - 1));
            k += s > 1 ? 2 : 1;
        }

        return nearest;
    }

    public static double DataStep_KinkDistance(double[] x)
    {
        double nearest = double.PositiveInfinity;
        int step = 1;
        for (int i = 0; i < x.Length; i += step)
        {
            nearest = Math.Min(nearest, Math.Abs(x[i]));
            step = x[i] > 0 ? 2 : 1;
        }

        return nearest;
    }

    public static double Rotate_KinkDistance(double[] x) => Math.Abs(x[0]);

    // Every comparison of the sort, replayed.
    public static double BubbleSorted_KinkDistance(double[] x)
    {
        int n = x.Length;
        var a = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = x[i] + (0.1 * x[(i + 1) % n]);
        }

        double nearest = double.PositiveInfinity;
        for (int pass = 0; pass < n; pass++)
        {
            for (int i = 0; i + 1 < n - pass; i++)
            {
                nearest = Math.Min(nearest, Math.Abs(a[i] - a[i + 1]));
                if (a[i] > a[i + 1])
                {
                    (a[i], a[i + 1]) = (a[i + 1], a[i]);
                }
            }
        }

        return nearest;
    }

    public static double LeakyCount_KinkDistance(double[] x) => NearestTo(x, 0);

    // The loop's two comparisons, v < 6 and v > 2, at every step.
    public static double WhileHelper_KinkDistance(double[] x)
    {
        double v = (x[0] * x[0]) + 0.5;
        int k = 0;
        double nearest = double.PositiveInfinity;
        while (k < 20)
        {
            nearest = Math.Min(nearest, Math.Abs(v - 6));
            if (!(v < 6))
            {
                break;
            }

            v = (v * (1.2 + (0.1 * Math.Tanh(x[1 + (k % (x.Length - 1))])))) + Weight(k);
            nearest = Math.Min(nearest, Math.Abs(v - 2));
            k += v > 2 ? 2 : 1;
        }

        return nearest;
    }

    public static double CollidingWrites_KinkDistance(double[] x) => NearestTo(x, 0);

    private static double NearestTo(double[] p, double edge)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            nearest = Math.Min(nearest, Math.Abs(v - edge));
        }

        return nearest;
    }
}
