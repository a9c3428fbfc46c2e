using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Loops built to break the loop passes' assumptions, each next to the case a pass handles: an in-place update whose
/// element index meets the invariant one (invariant element sums), a buffer recomputed from another buffer that the
/// same body changes afterwards (recomputed buffers), a window start that a branch moves inside the outer loop
/// (hoisted windows), an int step that a branch on the data changes (undone int steps), a point loop whose scratch
/// buffer is not cleared and whose widths come in at run time (independent iterations), a while loop left on the
/// data, an index a plain helper computes from ints changed in both branches. The gradient must be right, whatever
/// form the generator picks, or the method refused; those marked <c>Derivatives.All</c> are also checked in forward
/// mode and second order.
/// </summary>
public static partial class LoopHazards
{
    private static readonly int[] Sizes = [2, 3, 2, 1];

    // x[j] = 0.9·x[j] + w[j]·x[i] for every (i, j): when j == i the element the inner loop overwrites is the one
    // whose adjoint the invariant-index sum would hold back.
    [Differentiable(Derivatives.All)]
    public static double SelfMixing(ReadOnlySpan<double> w)
    {
        int n = w.Length;
        Span<double> x = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Sin(w[i]) + (0.1 * i);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                x[j] = (0.9 * x[j]) + (w[j] * x[i]);
            }
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += x[i] * (i + 1);
        }

        return s;
    }

    // t is overwritten whole from u at each step and read after; u changes later in the same step.
    [Differentiable(Derivatives.All)]
    public static double RecomputeFromChangingBuffer(ReadOnlySpan<double> w)
    {
        int n = w.Length;
        Span<double> u = stackalloc double[n];
        Span<double> t = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            u[i] = w[i];
        }

        double s = 0;
        for (int step = 0; step < 3; step++)
        {
            for (int i = 0; i < n; i++)
            {
                t[i] = Math.Tanh(u[i] * w[i]);
            }

            for (int i = 0; i < n; i++)
            {
                s += t[i] * t[i] * (step + 1);
            }

            for (int i = 0; i < n; i++)
            {
                u[i] += 0.5 * t[i];
            }
        }

        return s;
    }

    // A layer loop whose inputs' start moves inside the neuron loop on a branch on the data, so the inner loop's
    // window is not the same for every neuron.
    [Differentiable]
    public static double MovingInputs(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<int> sizes)
    {
        int units = 0;
        for (int layer = 0; layer < sizes.Length; layer++)
        {
            units += sizes[layer];
        }

        Span<double> a = stackalloc double[units + 4];
        for (int u = 0; u < a.Length; u++)
        {
            a[u] = 0.3 + (0.1 * u);
        }

        int next = 0;
        int input = 0;
        double s = 0;
        for (int layer = 1; layer < sizes.Length; layer++)
        {
            int fanIn = sizes[layer - 1];
            int output = input + fanIn;
            for (int j = 0; j < sizes[layer]; j++)
            {
                double sum = w[next + fanIn];
                for (int i = 0; i < fanIn; i++)
                {
                    sum += w[next + i] * a[input + i];
                }

                a[output + j] = Math.Tanh(sum);
                s += a[output + j] * (j + 1);
                if (sum > 0)
                {
                    input += 1;
                }

                next += fanIn + 1;
            }

            input = output;
        }

        return s;
    }

    // An offset stepped by an amount a branch on the data picks.
    [Differentiable]
    public static double DataStep(ReadOnlySpan<double> w)
    {
        int at = 0;
        double s = 0.25;
        for (int k = 0; k < 5; k++)
        {
            int step = w[at] > 0 ? 2 : 1;
            s = Math.Sin(s + (w[at] * w[(at + 1) % w.Length]));
            at = (at + step) % w.Length;
        }

        return s;
    }

    // Points that share a scratch buffer without clearing it, with widths that come in at run time: with a negative
    // width (the tests pass [2, 2, -1, 2]) a later layer writes over an earlier layer's outputs, so the generator
    // must not take the layers' slots to be apart.
    [Differentiable(Derivatives.All)]
    public static double SharedScratch(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<int> sizes)
    {
        int units = 0;
        for (int layer = 0; layer < sizes.Length; layer++)
        {
            units += sizes[layer];
        }

        Span<double> a = stackalloc double[units];
        double loss = 0;
        for (int p = 0; p < 3; p++)
        {
            for (int i = 0; i < sizes[0]; i++)
            {
                a[i] = Math.Cos(p + i);
            }

            int next = 0;
            int input = 0;
            for (int layer = 1; layer < sizes.Length; layer++)
            {
                int fanIn = sizes[layer - 1];
                int output = input + fanIn;
                for (int j = 0; j < sizes[layer]; j++)
                {
                    double sum = w[next + fanIn];
                    for (int i = 0; i < fanIn; i++)
                    {
                        sum += w[next + i] * a[input + i];
                    }

                    a[output + j] = Math.Tanh(sum);
                    next += fanIn + 1;
                }

                input = output;
            }

            double r = a[units - 1] - (0.5 * p);
            loss += r * r;
        }

        return loss;
    }

    // A sum that stops at the first negative term; the exit depends on the data.
    [Differentiable]
    public static double UntilNegative(ReadOnlySpan<double> w)
    {
        double s = 0;
        int i = 0;
        while (i < w.Length)
        {
            double term = Math.Sin(3 * w[i]) + 0.2;
            if (term < 0)
            {
                break;
            }

            s += term * w[(i + 1) % w.Length];
            i++;
        }

        return s + i;
    }

    // A running index into the weights that a helper computes from ints changed in both branches.
    [Differentiable]
    public static double HelperIndex(ReadOnlySpan<double> w)
    {
        int row = 0;
        int column = 1;
        double s = 0;
        for (int k = 0; k < 6; k++)
        {
            if (s > 0.5)
            {
                row = (row + 1) % 3;
            }
            else
            {
                column = (column + 2) % 3;
                row = column;
            }

            s += w[Index(row, column)] * Math.Cos(s);
        }

        return s;
    }

    private static int Index(int row, int column) => (row * 3) + column;

    public static double SelfMixing_Value(double[] p) => SelfMixing(p);
    public static double SelfMixing_Gradient(double[] p, double[] g) => SelfMixingWithGradient(p, g);
    public static void SelfMixing_Pullback(double[] p, double seed, double[] g) => SelfMixingPullback(p, seed, g);
    public static double SelfMixing_Pushforward(double[] p, double[] t, out double tangent) => SelfMixingPushforward(p, t, out tangent);
    public static double SelfMixing_Hvp(double[] p, double[] v, double[] g, double[] h) => SelfMixingHessianVectorProduct(p, v, g, h);
    public static double SelfMixing_Hessian(double[] p, double[] g, double[] m) => SelfMixingWithHessian(p, g, m);

    public static double RecomputeFromChangingBuffer_Value(double[] p) => RecomputeFromChangingBuffer(p);
    public static double RecomputeFromChangingBuffer_Gradient(double[] p, double[] g) => RecomputeFromChangingBufferWithGradient(p, g);
    public static void RecomputeFromChangingBuffer_Pullback(double[] p, double seed, double[] g) => RecomputeFromChangingBufferPullback(p, seed, g);
    public static double RecomputeFromChangingBuffer_Pushforward(double[] p, double[] t, out double tangent) => RecomputeFromChangingBufferPushforward(p, t, out tangent);
    public static double RecomputeFromChangingBuffer_Hvp(double[] p, double[] v, double[] g, double[] h) => RecomputeFromChangingBufferHessianVectorProduct(p, v, g, h);
    public static double RecomputeFromChangingBuffer_Hessian(double[] p, double[] g, double[] m) => RecomputeFromChangingBufferWithHessian(p, g, m);

    public static double MovingInputs_Value(double[] p) => MovingInputs(p, Sizes);
    public static double MovingInputs_Gradient(double[] p, double[] g) => MovingInputsWithGradient(p, Sizes, g);
    public static void MovingInputs_Pullback(double[] p, double seed, double[] g) => MovingInputsPullback(p, Sizes, seed, g);

    // A neuron's tanh input crossing 0 moves the next neuron's inputs: the function jumps there.
    public static double MovingInputs_KinkDistance(double[] w)
    {
        Span<double> a = stackalloc double[12];
        for (int u = 0; u < a.Length; u++)
        {
            a[u] = 0.3 + (0.1 * u);
        }

        double nearest = double.PositiveInfinity;
        int next = 0;
        int input = 0;
        for (int layer = 1; layer < Sizes.Length; layer++)
        {
            int fanIn = Sizes[layer - 1];
            int output = input + fanIn;
            for (int j = 0; j < Sizes[layer]; j++)
            {
                double sum = w[next + fanIn];
                for (int i = 0; i < fanIn; i++)
                {
                    sum += w[next + i] * a[input + i];
                }

                a[output + j] = Math.Tanh(sum);
                nearest = Math.Min(nearest, Math.Abs(sum));
                if (sum > 0)
                {
                    input += 1;
                }

                next += fanIn + 1;
            }

            input = output;
        }

        return nearest;
    }

    public static double DataStep_Value(double[] p) => DataStep(p);
    public static double DataStep_Gradient(double[] p, double[] g) => DataStepWithGradient(p, g);
    public static void DataStep_Pullback(double[] p, double seed, double[] g) => DataStepPullback(p, seed, g);

    // The step switches where a visited weight crosses 0.
    public static double DataStep_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            nearest = Math.Min(nearest, Math.Abs(v));
        }

        return nearest;
    }

    public static double SharedScratch_Value(double[] p) => SharedScratch(p, ScratchSizes);
    public static double SharedScratch_Gradient(double[] p, double[] g) => SharedScratchWithGradient(p, ScratchSizes, g);
    public static void SharedScratch_Pullback(double[] p, double seed, double[] g) => SharedScratchPullback(p, ScratchSizes, seed, g);
    public static double SharedScratch_Pushforward(double[] p, double[] t, out double tangent) => SharedScratchPushforward(p, ScratchSizes, t, out tangent);
    public static double SharedScratch_Hvp(double[] p, double[] v, double[] g, double[] h) => SharedScratchHessianVectorProduct(p, ScratchSizes, v, g, h);
    public static double SharedScratch_Hessian(double[] p, double[] g, double[] m) => SharedScratchWithHessian(p, ScratchSizes, g, m);

    // A negative width: the last layer writes over the first hidden layer's outputs, and its neurons share one bias.
    private static readonly int[] ScratchSizes = [2, 2, -1, 2];

    public static double UntilNegative_Value(double[] p) => UntilNegative(p);
    public static double UntilNegative_Gradient(double[] p, double[] g) => UntilNegativeWithGradient(p, g);
    public static void UntilNegative_Pullback(double[] p, double seed, double[] g) => UntilNegativePullback(p, seed, g);

    // The loop stops where a term crosses 0.
    public static double UntilNegative_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            nearest = Math.Min(nearest, Math.Abs(Math.Sin(3 * v) + 0.2));
        }

        return nearest;
    }

    // The branch switches where the running sum crosses 0.5.
    public static double HelperIndex_KinkDistance(double[] w)
    {
        int row = 0;
        int column = 1;
        double s = 0;
        double nearest = double.PositiveInfinity;
        for (int k = 0; k < 6; k++)
        {
            nearest = Math.Min(nearest, Math.Abs(s - 0.5));
            if (s > 0.5)
            {
                row = (row + 1) % 3;
            }
            else
            {
                column = (column + 2) % 3;
                row = column;
            }

            s += w[Index(row, column)] * Math.Cos(s);
        }

        return nearest;
    }

    public static double HelperIndex_Value(double[] p) => HelperIndex(p);
    public static double HelperIndex_Gradient(double[] p, double[] g) => HelperIndexWithGradient(p, g);
    public static void HelperIndex_Pullback(double[] p, double seed, double[] g) => HelperIndexPullback(p, seed, g);
}
