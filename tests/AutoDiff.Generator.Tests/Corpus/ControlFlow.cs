using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Control flow as users write it, written for this file and not tuned against the generator: ints that data
/// branches change and that then pick elements or a helper's mode, a tuple swap, a compound update that reads the
/// element it writes, a do/while loop left on the data, a continue, a break behind a flag, a running argmax used as
/// an index, a loop bound the body lowers, bins picked by a cast of the data, Newton iterations, a double loop
/// counter, foreach. (The same set's switch statement and returns from inside a loop run on the tape; they are in
/// <c>Fallback.cs</c>.) Each gradient is checked against finite differences away from the points where a branch
/// switches (<c>{Name}_KinkDistance</c>), and each function in forward mode and second order too.
/// </summary>
public static partial class ControlFlow
{
    // A position that moves by +2 or -1 as each element's sign says, clamped to the span, picks the element each
    // term multiplies and the one added at the end.
    [Differentiable(Derivatives.All)]
    public static double StrideByBranch(ReadOnlySpan<double> x)
    {
        int k = 0;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0)
            {
                k += 2;
            }
            else
            {
                k -= 1;
            }

            if (k < 0)
            {
                k = 0;
            }

            if (k >= x.Length)
            {
                k = x.Length - 1;
            }

            s += x[k] * x[i];
        }

        return s + x[k];
    }

    // Squares sorted pairwise by a tuple swap, then weighted by position.
    [Differentiable(Derivatives.All)]
    public static double PairSwap(ReadOnlySpan<double> x)
    {
        Span<double> b = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            b[i] = x[i] * x[i];
        }

        for (int i = 0; i + 1 < b.Length; i += 2)
        {
            if (b[i] < b[i + 1])
            {
                (b[i], b[i + 1]) = (b[i + 1], b[i]);
            }
        }

        double s = 0;
        for (int i = 0; i < b.Length; i++)
        {
            s += b[i] * (i + 1);
        }

        return s;
    }

    // a[i] += a[j] * a[i] where j = 3i mod n meets i at i = 0 (and wherever 2i is a multiple of n).
    [Differentiable(Derivatives.All)]
    public static double SelfReadingUpdate(ReadOnlySpan<double> x)
    {
        Span<double> a = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            a[i] = x[i];
        }

        for (int i = 0; i < a.Length; i++)
        {
            int j = (i * 3) % a.Length;
            a[i] += a[j] * a[i];
        }

        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i];
        }

        return s;
    }

    // A do/while that stops when the sum passes 1.5; the counter it leaves picks the last factor.
    [Differentiable(Derivatives.All)]
    public static double DoUntilSum(ReadOnlySpan<double> x)
    {
        double s = 0;
        int i = 0;
        do
        {
            s += Math.Exp(-x[i]) * x[i];
            i++;
        }
        while (i < x.Length && s < 1.5);

        return s * x[i - 1];
    }

    // A differentiable helper whose int mode flips wherever the data rises.
    [Differentiable(Derivatives.All)]
    private static double Combine(double a, double b, int mode) => mode == 0 ? a * b : a + b;

    [Differentiable(Derivatives.All)]
    public static double HelperModeFlips(ReadOnlySpan<double> x)
    {
        int mode = 0;
        double s = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            if (x[i] < x[i + 1])
            {
                mode = 1 - mode;
            }

            s += Combine(x[i], x[i + 1], mode);
        }

        return s;
    }

    // Pairs of opposite sign and the diagonal are skipped by `continue`; each row's sum is squared.
    [Differentiable(Derivatives.All)]
    public static double SkippedPairs(ReadOnlySpan<double> x)
    {
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double row = 0;
            for (int j = 0; j < x.Length; j++)
            {
                if (j == i)
                {
                    continue;
                }

                if (x[j] * x[i] < 0)
                {
                    continue;
                }

                row += x[i] * x[j];
            }

            total += row * row;
        }

        return total;
    }

    // The maximum and its index; the index also picks the element after it.
    [Differentiable(Derivatives.All)]
    public static double ArgMaxNeighbour(ReadOnlySpan<double> x)
    {
        int best = 0;
        double m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
            {
                m = x[i];
                best = i;
            }
        }

        int next = (best + 1) % x.Length;
        return (m * x[next]) + x[best];
    }

    // A root whose degree counts how often an element passed the running value.
    [Differentiable(Derivatives.All)]
    public static double RootDegreeCounter(ReadOnlySpan<double> x)
    {
        double s = 0.5;
        int p = 1;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > s)
            {
                p++;
            }

            s = Math.Pow(s + (x[i] * x[i]), 1.0 / p);
        }

        return s * p;
    }

    // Squares summed into four bins that a floor of the data picks.
    [Differentiable(Derivatives.All)]
    public static double FloorBins(ReadOnlySpan<double> x)
    {
        Span<double> bins = stackalloc double[4];
        for (int i = 0; i < x.Length; i++)
        {
            int b = (int)Math.Floor((x[i] + 1.2) / 0.75);
            if (b < 0)
            {
                b = 0;
            }

            if (b > 3)
            {
                b = 3;
            }

            bins[b] += x[i] * x[i];
        }

        double s = 0;
        for (int b = 0; b < 4; b++)
        {
            s += bins[b] * bins[b] * (b + 1);
        }

        return s;
    }

    // A scratch copy that each round overwrites only every other element from a shifted start.
    [Differentiable(Derivatives.All)]
    public static double InterleavedRounds(ReadOnlySpan<double> x)
    {
        Span<double> t = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            t[i] = x[i];
        }

        double s = 0;
        for (int r = 0; r < 3; r++)
        {
            for (int i = r; i < t.Length; i += 2)
            {
                t[i] = Math.Sin(t[i]) + (t[(i + 1) % t.Length] * 0.5);
            }

            s += t[r] * t[t.Length - 1 - r];
        }

        return s;
    }

    // The bound of the loop drops each time an element passes 0.5, and the last element in range is read.
    [Differentiable(Derivatives.All)]
    public static double ShrinkingBound(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += x[i] * x[n - 1];
            if (x[i] > 0.5)
            {
                n--;
            }
        }

        return s;
    }

    // A break out of the inner loop sets a flag that ends the outer loop's condition.
    [Differentiable(Derivatives.All)]
    public static double BreakByFlag(ReadOnlySpan<double> x)
    {
        double s = 0;
        bool stop = false;
        for (int i = 0; i < x.Length && !stop; i++)
        {
            for (int j = i; j < x.Length; j++)
            {
                s += x[i] * x[j];
                if (s > 2.5)
                {
                    stop = true;
                    break;
                }
            }
        }

        return s;
    }

    // Thirty Newton steps for the cube root of 2 + x², from 1: the derivative is that of the steps taken.
    [Differentiable(Derivatives.All)]
    public static double NewtonCubeRoots(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double a = 2 + (x[i] * x[i]);
            double y = 1.0;
            for (int step = 0; step < 30; step++)
            {
                y -= ((y * y * y) - a) / (3 * y * y);
            }

            s += y;
        }

        return s;
    }

    // Math.Sign as an int factor, and an alternating |x - 0.3|.
    [Differentiable(Derivatives.All)]
    public static double SignTimesSquare(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int sign = Math.Sign(x[i]);
            s += (sign * x[i] * x[i]) + (Math.Abs(x[i] - 0.3) * (i % 2 == 0 ? 1 : -1));
        }

        return s;
    }

    // -=, /= and a conditional product or sum on one accumulator, by position.
    [Differentiable(Derivatives.All)]
    public static double CompoundByPosition(ReadOnlySpan<double> x)
    {
        double s = 1;
        for (int i = 0; i < x.Length; i++)
        {
            if (i % 3 == 0)
            {
                s -= x[i] * s;
            }
            else if (i % 3 == 1)
            {
                s /= 1 + (x[i] * x[i]);
            }
            else
            {
                s = x[i] > 0 ? s * x[i] : s + x[i];
            }
        }

        return s;
    }

    // A buffer filled from the back through a carried value, then read with a lag.
    [Differentiable(Derivatives.All)]
    public static double BackwardCarry(ReadOnlySpan<double> x)
    {
        Span<double> b = stackalloc double[x.Length];
        double carry = 0;
        for (int i = x.Length - 1; i >= 0; i--)
        {
            carry = (0.5 * carry) + x[i];
            b[i] = carry * carry;
        }

        double s = 0;
        for (int i = 1; i < b.Length; i++)
        {
            s += b[i - 1] * x[i];
        }

        return s;
    }

    // A loop counter of type double.
    [Differentiable(Derivatives.All)]
    public static double DoubleCounter(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (double t = 0; t < 1; t += 0.25)
        {
            s += Math.Sin((t * x[0]) + x[1]);
        }

        return s;
    }

    // foreach over the span, a static readonly factor, and a division by the length.
    private static readonly double Scale = 1.5;

    [Differentiable(Derivatives.All)]
    public static double ForeachMean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x)
        {
            s += v * v * Scale;
        }

        return s / x.Length;
    }
}

// The probes' entry points (GradientProbe, SecondOrderTests, PushforwardTests call these by name) and where each
// piecewise function switches branch.
public static partial class ControlFlow
{
    public static double StrideByBranch_Value(double[] p) => StrideByBranch(p);
    public static double StrideByBranch_Gradient(double[] p, double[] g) => StrideByBranchWithGradient(p, g);
    public static void StrideByBranch_Pullback(double[] p, double seed, double[] g) => StrideByBranchPullback(p, seed, g);
    public static double StrideByBranch_Pushforward(double[] p, double[] t, out double tangent) => StrideByBranchPushforward(p, t, out tangent);
    public static double StrideByBranch_Hvp(double[] p, double[] v, double[] g, double[] h) => StrideByBranchHessianVectorProduct(p, v, g, h);
    public static double StrideByBranch_Hessian(double[] p, double[] g, double[] m) => StrideByBranchWithHessian(p, g, m);

    public static double PairSwap_Value(double[] p) => PairSwap(p);
    public static double PairSwap_Gradient(double[] p, double[] g) => PairSwapWithGradient(p, g);
    public static void PairSwap_Pullback(double[] p, double seed, double[] g) => PairSwapPullback(p, seed, g);
    public static double PairSwap_Pushforward(double[] p, double[] t, out double tangent) => PairSwapPushforward(p, t, out tangent);
    public static double PairSwap_Hvp(double[] p, double[] v, double[] g, double[] h) => PairSwapHessianVectorProduct(p, v, g, h);
    public static double PairSwap_Hessian(double[] p, double[] g, double[] m) => PairSwapWithHessian(p, g, m);

    public static double SelfReadingUpdate_Value(double[] p) => SelfReadingUpdate(p);
    public static double SelfReadingUpdate_Gradient(double[] p, double[] g) => SelfReadingUpdateWithGradient(p, g);
    public static void SelfReadingUpdate_Pullback(double[] p, double seed, double[] g) => SelfReadingUpdatePullback(p, seed, g);
    public static double SelfReadingUpdate_Pushforward(double[] p, double[] t, out double tangent) => SelfReadingUpdatePushforward(p, t, out tangent);
    public static double SelfReadingUpdate_Hvp(double[] p, double[] v, double[] g, double[] h) => SelfReadingUpdateHessianVectorProduct(p, v, g, h);
    public static double SelfReadingUpdate_Hessian(double[] p, double[] g, double[] m) => SelfReadingUpdateWithHessian(p, g, m);

    public static double DoUntilSum_Value(double[] p) => DoUntilSum(p);
    public static double DoUntilSum_Gradient(double[] p, double[] g) => DoUntilSumWithGradient(p, g);
    public static void DoUntilSum_Pullback(double[] p, double seed, double[] g) => DoUntilSumPullback(p, seed, g);
    public static double DoUntilSum_Pushforward(double[] p, double[] t, out double tangent) => DoUntilSumPushforward(p, t, out tangent);
    public static double DoUntilSum_Hvp(double[] p, double[] v, double[] g, double[] h) => DoUntilSumHessianVectorProduct(p, v, g, h);
    public static double DoUntilSum_Hessian(double[] p, double[] g, double[] m) => DoUntilSumWithHessian(p, g, m);

    public static double HelperModeFlips_Value(double[] p) => HelperModeFlips(p);
    public static double HelperModeFlips_Gradient(double[] p, double[] g) => HelperModeFlipsWithGradient(p, g);
    public static void HelperModeFlips_Pullback(double[] p, double seed, double[] g) => HelperModeFlipsPullback(p, seed, g);
    public static double HelperModeFlips_Pushforward(double[] p, double[] t, out double tangent) => HelperModeFlipsPushforward(p, t, out tangent);
    public static double HelperModeFlips_Hvp(double[] p, double[] v, double[] g, double[] h) => HelperModeFlipsHessianVectorProduct(p, v, g, h);
    public static double HelperModeFlips_Hessian(double[] p, double[] g, double[] m) => HelperModeFlipsWithHessian(p, g, m);

    public static double SkippedPairs_Value(double[] p) => SkippedPairs(p);
    public static double SkippedPairs_Gradient(double[] p, double[] g) => SkippedPairsWithGradient(p, g);
    public static void SkippedPairs_Pullback(double[] p, double seed, double[] g) => SkippedPairsPullback(p, seed, g);
    public static double SkippedPairs_Pushforward(double[] p, double[] t, out double tangent) => SkippedPairsPushforward(p, t, out tangent);
    public static double SkippedPairs_Hvp(double[] p, double[] v, double[] g, double[] h) => SkippedPairsHessianVectorProduct(p, v, g, h);
    public static double SkippedPairs_Hessian(double[] p, double[] g, double[] m) => SkippedPairsWithHessian(p, g, m);

    public static double ArgMaxNeighbour_Value(double[] p) => ArgMaxNeighbour(p);
    public static double ArgMaxNeighbour_Gradient(double[] p, double[] g) => ArgMaxNeighbourWithGradient(p, g);
    public static void ArgMaxNeighbour_Pullback(double[] p, double seed, double[] g) => ArgMaxNeighbourPullback(p, seed, g);
    public static double ArgMaxNeighbour_Pushforward(double[] p, double[] t, out double tangent) => ArgMaxNeighbourPushforward(p, t, out tangent);
    public static double ArgMaxNeighbour_Hvp(double[] p, double[] v, double[] g, double[] h) => ArgMaxNeighbourHessianVectorProduct(p, v, g, h);
    public static double ArgMaxNeighbour_Hessian(double[] p, double[] g, double[] m) => ArgMaxNeighbourWithHessian(p, g, m);

    public static double RootDegreeCounter_Value(double[] p) => RootDegreeCounter(p);
    public static double RootDegreeCounter_Gradient(double[] p, double[] g) => RootDegreeCounterWithGradient(p, g);
    public static void RootDegreeCounter_Pullback(double[] p, double seed, double[] g) => RootDegreeCounterPullback(p, seed, g);
    public static double RootDegreeCounter_Pushforward(double[] p, double[] t, out double tangent) => RootDegreeCounterPushforward(p, t, out tangent);
    public static double RootDegreeCounter_Hvp(double[] p, double[] v, double[] g, double[] h) => RootDegreeCounterHessianVectorProduct(p, v, g, h);
    public static double RootDegreeCounter_Hessian(double[] p, double[] g, double[] m) => RootDegreeCounterWithHessian(p, g, m);

    public static double FloorBins_Value(double[] p) => FloorBins(p);
    public static double FloorBins_Gradient(double[] p, double[] g) => FloorBinsWithGradient(p, g);
    public static void FloorBins_Pullback(double[] p, double seed, double[] g) => FloorBinsPullback(p, seed, g);
    public static double FloorBins_Pushforward(double[] p, double[] t, out double tangent) => FloorBinsPushforward(p, t, out tangent);
    public static double FloorBins_Hvp(double[] p, double[] v, double[] g, double[] h) => FloorBinsHessianVectorProduct(p, v, g, h);
    public static double FloorBins_Hessian(double[] p, double[] g, double[] m) => FloorBinsWithHessian(p, g, m);

    public static double InterleavedRounds_Value(double[] p) => InterleavedRounds(p);
    public static double InterleavedRounds_Gradient(double[] p, double[] g) => InterleavedRoundsWithGradient(p, g);
    public static void InterleavedRounds_Pullback(double[] p, double seed, double[] g) => InterleavedRoundsPullback(p, seed, g);
    public static double InterleavedRounds_Pushforward(double[] p, double[] t, out double tangent) => InterleavedRoundsPushforward(p, t, out tangent);
    public static double InterleavedRounds_Hvp(double[] p, double[] v, double[] g, double[] h) => InterleavedRoundsHessianVectorProduct(p, v, g, h);
    public static double InterleavedRounds_Hessian(double[] p, double[] g, double[] m) => InterleavedRoundsWithHessian(p, g, m);

    public static double ShrinkingBound_Value(double[] p) => ShrinkingBound(p);
    public static double ShrinkingBound_Gradient(double[] p, double[] g) => ShrinkingBoundWithGradient(p, g);
    public static void ShrinkingBound_Pullback(double[] p, double seed, double[] g) => ShrinkingBoundPullback(p, seed, g);
    public static double ShrinkingBound_Pushforward(double[] p, double[] t, out double tangent) => ShrinkingBoundPushforward(p, t, out tangent);
    public static double ShrinkingBound_Hvp(double[] p, double[] v, double[] g, double[] h) => ShrinkingBoundHessianVectorProduct(p, v, g, h);
    public static double ShrinkingBound_Hessian(double[] p, double[] g, double[] m) => ShrinkingBoundWithHessian(p, g, m);

    public static double BreakByFlag_Value(double[] p) => BreakByFlag(p);
    public static double BreakByFlag_Gradient(double[] p, double[] g) => BreakByFlagWithGradient(p, g);
    public static void BreakByFlag_Pullback(double[] p, double seed, double[] g) => BreakByFlagPullback(p, seed, g);
    public static double BreakByFlag_Pushforward(double[] p, double[] t, out double tangent) => BreakByFlagPushforward(p, t, out tangent);
    public static double BreakByFlag_Hvp(double[] p, double[] v, double[] g, double[] h) => BreakByFlagHessianVectorProduct(p, v, g, h);
    public static double BreakByFlag_Hessian(double[] p, double[] g, double[] m) => BreakByFlagWithHessian(p, g, m);

    public static double NewtonCubeRoots_Value(double[] p) => NewtonCubeRoots(p);
    public static double NewtonCubeRoots_Gradient(double[] p, double[] g) => NewtonCubeRootsWithGradient(p, g);
    public static void NewtonCubeRoots_Pullback(double[] p, double seed, double[] g) => NewtonCubeRootsPullback(p, seed, g);
    public static double NewtonCubeRoots_Pushforward(double[] p, double[] t, out double tangent) => NewtonCubeRootsPushforward(p, t, out tangent);
    public static double NewtonCubeRoots_Hvp(double[] p, double[] v, double[] g, double[] h) => NewtonCubeRootsHessianVectorProduct(p, v, g, h);
    public static double NewtonCubeRoots_Hessian(double[] p, double[] g, double[] m) => NewtonCubeRootsWithHessian(p, g, m);

    public static double SignTimesSquare_Value(double[] p) => SignTimesSquare(p);
    public static double SignTimesSquare_Gradient(double[] p, double[] g) => SignTimesSquareWithGradient(p, g);
    public static void SignTimesSquare_Pullback(double[] p, double seed, double[] g) => SignTimesSquarePullback(p, seed, g);
    public static double SignTimesSquare_Pushforward(double[] p, double[] t, out double tangent) => SignTimesSquarePushforward(p, t, out tangent);
    public static double SignTimesSquare_Hvp(double[] p, double[] v, double[] g, double[] h) => SignTimesSquareHessianVectorProduct(p, v, g, h);
    public static double SignTimesSquare_Hessian(double[] p, double[] g, double[] m) => SignTimesSquareWithHessian(p, g, m);

    public static double CompoundByPosition_Value(double[] p) => CompoundByPosition(p);
    public static double CompoundByPosition_Gradient(double[] p, double[] g) => CompoundByPositionWithGradient(p, g);
    public static void CompoundByPosition_Pullback(double[] p, double seed, double[] g) => CompoundByPositionPullback(p, seed, g);
    public static double CompoundByPosition_Pushforward(double[] p, double[] t, out double tangent) => CompoundByPositionPushforward(p, t, out tangent);
    public static double CompoundByPosition_Hvp(double[] p, double[] v, double[] g, double[] h) => CompoundByPositionHessianVectorProduct(p, v, g, h);
    public static double CompoundByPosition_Hessian(double[] p, double[] g, double[] m) => CompoundByPositionWithHessian(p, g, m);

    public static double BackwardCarry_Value(double[] p) => BackwardCarry(p);
    public static double BackwardCarry_Gradient(double[] p, double[] g) => BackwardCarryWithGradient(p, g);
    public static void BackwardCarry_Pullback(double[] p, double seed, double[] g) => BackwardCarryPullback(p, seed, g);
    public static double BackwardCarry_Pushforward(double[] p, double[] t, out double tangent) => BackwardCarryPushforward(p, t, out tangent);
    public static double BackwardCarry_Hvp(double[] p, double[] v, double[] g, double[] h) => BackwardCarryHessianVectorProduct(p, v, g, h);
    public static double BackwardCarry_Hessian(double[] p, double[] g, double[] m) => BackwardCarryWithHessian(p, g, m);

    public static double DoubleCounter_Value(double[] p) => DoubleCounter(p);
    public static double DoubleCounter_Gradient(double[] p, double[] g) => DoubleCounterWithGradient(p, g);
    public static void DoubleCounter_Pullback(double[] p, double seed, double[] g) => DoubleCounterPullback(p, seed, g);
    public static double DoubleCounter_Pushforward(double[] p, double[] t, out double tangent) => DoubleCounterPushforward(p, t, out tangent);
    public static double DoubleCounter_Hvp(double[] p, double[] v, double[] g, double[] h) => DoubleCounterHessianVectorProduct(p, v, g, h);
    public static double DoubleCounter_Hessian(double[] p, double[] g, double[] m) => DoubleCounterWithHessian(p, g, m);

    public static double ForeachMean_Value(double[] p) => ForeachMean(p);
    public static double ForeachMean_Gradient(double[] p, double[] g) => ForeachMeanWithGradient(p, g);
    public static void ForeachMean_Pullback(double[] p, double seed, double[] g) => ForeachMeanPullback(p, seed, g);
    public static double ForeachMean_Pushforward(double[] p, double[] t, out double tangent) => ForeachMeanPushforward(p, t, out tangent);
    public static double ForeachMean_Hvp(double[] p, double[] v, double[] g, double[] h) => ForeachMeanHessianVectorProduct(p, v, g, h);
    public static double ForeachMean_Hessian(double[] p, double[] g, double[] m) => ForeachMeanWithHessian(p, g, m);
    public static double StrideByBranch_KinkDistance(double[] p) => NearestTo(p, 0);

    public static double PairSwap_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 0; i + 1 < p.Length; i += 2)
        {
            nearest = Math.Min(nearest, Math.Abs((p[i] * p[i]) - (p[i + 1] * p[i + 1])));
        }

        return nearest;
    }

    public static double DoUntilSum_KinkDistance(double[] p)
    {
        double s = 0;
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            s += Math.Exp(-v) * v;
            nearest = Math.Min(nearest, Math.Abs(s - 1.5));
            if (s >= 1.5)
            {
                break;
            }
        }

        return nearest;
    }

    public static double HelperModeFlips_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 0; i + 1 < p.Length; i++)
        {
            nearest = Math.Min(nearest, Math.Abs(p[i] - p[i + 1]));
        }

        return nearest;
    }

    public static double SkippedPairs_KinkDistance(double[] p) => NearestTo(p, 0);

    public static double ArgMaxNeighbour_KinkDistance(double[] p)
    {
        double m = p[0];
        double nearest = double.PositiveInfinity;
        for (int i = 1; i < p.Length; i++)
        {
            nearest = Math.Min(nearest, Math.Abs(p[i] - m));
            m = Math.Max(m, p[i]);
        }

        return nearest;
    }

    public static double RootDegreeCounter_KinkDistance(double[] p)
    {
        double s = 0.5;
        int degree = 1;
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            nearest = Math.Min(nearest, Math.Abs(v - s));
            if (v > s)
            {
                degree++;
            }

            s = Math.Pow(s + (v * v), 1.0 / degree);
        }

        return nearest;
    }

    // Bin edges at -1.2 + 0.75·m.
    public static double FloorBins_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            double t = (v + 1.2) / 0.75;
            nearest = Math.Min(nearest, 0.75 * Math.Abs(t - Math.Round(t)));
        }

        return nearest;
    }

    public static double ShrinkingBound_KinkDistance(double[] p) => NearestTo(p, 0.5);

    public static double BreakByFlag_KinkDistance(double[] p)
    {
        double s = 0;
        double nearest = double.PositiveInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = i; j < p.Length; j++)
            {
                s += p[i] * p[j];
                nearest = Math.Min(nearest, Math.Abs(s - 2.5));
                if (s > 2.5)
                {
                    return nearest;
                }
            }
        }

        return nearest;
    }

    public static double SignTimesSquare_KinkDistance(double[] p) => Math.Min(NearestTo(p, 0), NearestTo(p, 0.3));

    public static double CompoundByPosition_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 2; i < p.Length; i += 3)
        {
            nearest = Math.Min(nearest, Math.Abs(p[i]));
        }

        return nearest;
    }

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
