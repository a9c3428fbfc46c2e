using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Loops whose adjoint the generator may run iteration by iteration, right after each primal iteration (the first
/// group), and loops that look alike but must keep the reverse loop, because an iteration reads what an earlier
/// one wrote, the code after the loop changes what the loop read, or the accumulator's adjoint is not known before
/// the loop (the second group). Every function is checked against finite differences; `IterationAdjointTests`
/// checks which form each got.
/// </summary>
public static partial class IndependentLoops
{
    // --- Run iteration by iteration ---

    // A batch loss: per point a hidden layer in a buffer overwritten whole, then a weighted sum; a scaled mean.
    [Differentiable]
    public static double BatchLoss(ReadOnlySpan<double> w)
    {
        Span<double> h = stackalloc double[3];
        double loss = 0;
        for (int p = 0; p < 4; p++)
        {
            for (int j = 0; j < 3; j++)
            {
                h[j] = Math.Tanh(w[j] * (p + 1) - w[3]);
            }

            double z = w[7];
            for (int j = 0; j < 3; j++)
            {
                z += h[j] * w[4 + j];
            }

            double r = z - 0.5 * p;
            loss += r * r;
        }

        return loss / 4 + 0.01 * w[0] * w[0];
    }

    // The accumulator's adjoint reads values set before the loop; the code after it writes only what the loop does not read.
    [Differentiable]
    public static double ScaledSum(ReadOnlySpan<double> v)
    {
        double c = v[0] * v[1];
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double u = Math.Sin(v[i]) * c;
            s += u * v[i];
        }

        double t = v[2] * 3;
        t = t * t;
        return 2 * s * v[3] + t;
    }

    // Two accumulators, one added to and one subtracted from, with different factors in the return.
    [Differentiable]
    public static double TwoAccumulators(ReadOnlySpan<double> v)
    {
        double a = 0;
        double b = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double e = Math.Exp(0.3 * v[i]);
            a += e * v[i];
            b -= e;
        }

        return a / v.Length - 3 * b * v[0];
    }

    // A float accumulator whose adjoint comes from a double partial derivative (its `+=` narrows it).
    [Differentiable]
    public static float FloatSum(ReadOnlySpan<float> v)
    {
        float s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += v[i] * v[i] * 0.5f;
        }

        return (float)(s * 0.1) + s;
    }

    // A differentiable callee, a while loop and a branch inside each iteration.
    [Differentiable]
    public static double WithCallsAndBranches(ReadOnlySpan<double> v)
    {
        double total = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double u = Softened(v[i]);
            int k = 0;
            double t = u;
            while (k < i % 3 + 1)
            {
                t = Math.Sin(t) + 0.5 * u;
                k++;
            }

            if (t > 0.2)
            {
                total += t * v[0];
            }
            else
            {
                total -= u * t;
            }
        }

        return total * 0.5;
    }

    [Differentiable]
    public static double Softened(double x) => Math.Log(1 + Math.Exp(x)) - 0.1 * x * x;

    // A scratch buffer cleared at the start of each iteration (a loop over its Length), then written and read at
    // offsets the analysis does not follow: the clearing is what makes the iterations independent.
    [Differentiable]
    public static double ClearedScratch(ReadOnlySpan<double> v)
    {
        Span<double> scratch = stackalloc double[4];
        double s = 0;
        for (int p = 0; p < 3; p++)
        {
            for (int u = 0; u < scratch.Length; u++)
            {
                scratch[u] = 0.0;
            }

            int at = p % 2;
            scratch[at] = v[p] * v[p + 1];
            scratch[at + 1] = Math.Sin(scratch[at]) + v[0];
            s += scratch[at + 1] * scratch[at] + scratch[3];
        }

        return s;
    }

    // The return's derivative branches (the max) on a gradient it shares with the accumulator's term (found by
    // the random programs: the branch only reads that shared gradient).
    [Differentiable]
    public static double SharedGradientInBranch(double x, ReadOnlySpan<double> w)
    {
        double a = 1.0;
        for (int i = 0; i < w.Length; i++)
        {
            a += x * w[i];
        }

        return x * (Math.Max(x, x) - a);
    }

    // --- Keep the reverse loop ---

    // A scalar carried from one iteration to the next.
    [Differentiable]
    public static double Recurrence(ReadOnlySpan<double> v)
    {
        double carry = 0.5;
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double y = carry * 0.5 + v[i];
            carry = Math.Sin(y);
            s += y * y;
        }

        return s;
    }

    // A buffer whose elements an iteration reads before it writes them.
    [Differentiable]
    public static double BufferRecurrence(ReadOnlySpan<double> v)
    {
        Span<double> state = stackalloc double[2];
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            state[1] = state[0] * v[i] + 0.25;
            state[0] = Math.Sin(state[1]) + v[i];
            s += state[0] * state[1];
        }

        return s;
    }

    // A buffer overwritten only in part: element 2 keeps the previous iteration's value.
    [Differentiable]
    public static double PartialCover(ReadOnlySpan<double> v)
    {
        Span<double> h = stackalloc double[3];
        double s = 0;
        for (int p = 0; p < v.Length; p++)
        {
            for (int j = 0; j < 2; j++)
            {
                h[j] = v[p] * (j + 1) + 0.5 * h[2];
            }

            h[2] = h[0] * h[1];
            s += h[2];
        }

        return s;
    }

    // A value read before the loop from the accumulator, whose adjoint needs the accumulator's old value.
    [Differentiable]
    public static double AccumulatorReadBefore(ReadOnlySpan<double> v)
    {
        double acc = v[0];
        double q = acc * acc;
        for (int i = 0; i < v.Length; i++)
        {
            acc += v[i] * v[i];
        }

        return acc + q;
    }

    // The code after the loop overwrites a value the loop read.
    [Differentiable]
    public static double TailOverwrites(ReadOnlySpan<double> v)
    {
        double c = v[0] * v[1];
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += c * v[i];
        }

        c = v[2] * v[3];
        return s + c;
    }

    // The return is not linear in the accumulator: its adjoint depends on the sum itself.
    [Differentiable]
    public static double NonlinearReturn(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += v[i] * v[i];
        }

        return Math.Log(1 + s);
    }

    // The accumulator's factor in the return changes after the loop.
    [Differentiable]
    public static double FactorChangesLater(ReadOnlySpan<double> v)
    {
        double k = v[0];
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += Math.Cos(v[i]);
        }

        k = k * v[1];
        return s * k;
    }

    // The loop that overwrites the buffer reads the previous iteration's element in an inner loop's bound first.
    [Differentiable]
    public static double BoundReadsBuffer(ReadOnlySpan<double> v)
    {
        Span<double> h = stackalloc double[2];
        double s = 0;
        for (int p = 0; p < 3; p++)
        {
            for (int u = 0; u < h.Length; u++)
            {
                double t = 0.25;
                for (int k = 0; k < 1 + (int)(h[u] * 1.5); k++)
                {
                    t += v[k] * v[k + 1];
                }

                h[u] = Math.Sin(t + v[p]);
            }

            s += h[0] * h[1];
        }

        return s;
    }

    // The accumulator is read inside the loop.
    [Differentiable]
    public static double AccumulatorReadInside(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += 0.1 * s + v[i];
        }

        return s;
    }

    // A scratch buffer overwritten whole in an inner loop whose bounds read the point loop's counter (a triangle of
    // pairs): its slices cannot be made before the point loop, where the counter has no value yet. Found by an
    // adversarial sweep, where the generated code did not compile.
    [Differentiable]
    public static double TrianglePairs(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> data)
    {
        Span<double> t = stackalloc double[2];
        double loss = 0;
        for (int p = 0; p < data.Length; p++)
        {
            for (int k = 0; k < p; k++)
            {
                for (int j = 0; j < t.Length; j++)
                {
                    t[j] = w[j] * data[k] + w[2] * data[p];
                }

                loss += t[0] * Math.Tanh(t[1]);
            }
        }

        return loss;
    }

    private static readonly double[] PairData = [0.5, -1.0, 1.5, 0.25];

    public static double TrianglePairs_Value(double[] p) => TrianglePairs(p, PairData);
    public static double TrianglePairs_Gradient(double[] p, double[] g) => TrianglePairsWithGradient(p, PairData, g);
    public static void TrianglePairs_Pullback(double[] p, double seed, double[] g) => TrianglePairsPullback(p, PairData, seed, g);

    public static double BatchLoss_Value(double[] p) => BatchLoss(p);
    public static double BatchLoss_Gradient(double[] p, double[] g) => BatchLossWithGradient(p, g);
    public static void BatchLoss_Pullback(double[] p, double seed, double[] g) => BatchLossPullback(p, seed, g);

    public static double ScaledSum_Value(double[] p) => ScaledSum(p);
    public static double ScaledSum_Gradient(double[] p, double[] g) => ScaledSumWithGradient(p, g);
    public static void ScaledSum_Pullback(double[] p, double seed, double[] g) => ScaledSumPullback(p, seed, g);

    public static double TwoAccumulators_Value(double[] p) => TwoAccumulators(p);
    public static double TwoAccumulators_Gradient(double[] p, double[] g) => TwoAccumulatorsWithGradient(p, g);
    public static void TwoAccumulators_Pullback(double[] p, double seed, double[] g) => TwoAccumulatorsPullback(p, seed, g);

    public static double FloatSum_Value(double[] p) => FloatSum(Array.ConvertAll(p, x => (float)x));
    public static double FloatSum_Gradient(double[] p, double[] g)
    {
        var adjoint = new float[p.Length];
        var value = FloatSumWithGradient(Array.ConvertAll(p, x => (float)x), adjoint);
        for (int i = 0; i < p.Length; i++)
        {
            g[i] = adjoint[i];
        }

        return value;
    }

    public static void FloatSum_Pullback(double[] p, double seed, double[] g)
    {
        var adjoint = Array.ConvertAll(g, x => (float)x);
        FloatSumPullback(Array.ConvertAll(p, x => (float)x), (float)seed, adjoint);
        for (int i = 0; i < p.Length; i++)
        {
            g[i] = adjoint[i];
        }
    }

    public static double WithCallsAndBranches_Value(double[] p) => WithCallsAndBranches(p);
    public static double WithCallsAndBranches_Gradient(double[] p, double[] g) => WithCallsAndBranchesWithGradient(p, g);
    public static void WithCallsAndBranches_Pullback(double[] p, double seed, double[] g) => WithCallsAndBranchesPullback(p, seed, g);

    /// <summary>How far the point is from switching the branch of WithCallsAndBranches (t = 0.2 in some iteration).</summary>
    public static double WithCallsAndBranches_KinkDistance(double[] v)
    {
        var distance = double.PositiveInfinity;
        for (int i = 0; i < v.Length; i++)
        {
            var u = Softened(v[i]);
            var t = u;
            for (int k = 0; k < i % 3 + 1; k++)
            {
                t = Math.Sin(t) + 0.5 * u;
            }

            distance = Math.Min(distance, Math.Abs(t - 0.2));
        }

        return distance;
    }

    public static double ClearedScratch_Value(double[] p) => ClearedScratch(p);
    public static double ClearedScratch_Gradient(double[] p, double[] g) => ClearedScratchWithGradient(p, g);
    public static void ClearedScratch_Pullback(double[] p, double seed, double[] g) => ClearedScratchPullback(p, seed, g);

    public static double SharedGradientInBranch_Value(double[] p) => SharedGradientInBranch(p[0], p.AsSpan(1));
    public static double SharedGradientInBranch_Gradient(double[] p, double[] g) => SharedGradientInBranchWithGradient(p[0], p.AsSpan(1), out g[0], g.AsSpan(1));
    public static void SharedGradientInBranch_Pullback(double[] p, double seed, double[] g) => SharedGradientInBranchPullback(p[0], p.AsSpan(1), seed, ref g[0], g.AsSpan(1));

    public static double Recurrence_Value(double[] p) => Recurrence(p);
    public static double Recurrence_Gradient(double[] p, double[] g) => RecurrenceWithGradient(p, g);
    public static void Recurrence_Pullback(double[] p, double seed, double[] g) => RecurrencePullback(p, seed, g);

    public static double BufferRecurrence_Value(double[] p) => BufferRecurrence(p);
    public static double BufferRecurrence_Gradient(double[] p, double[] g) => BufferRecurrenceWithGradient(p, g);
    public static void BufferRecurrence_Pullback(double[] p, double seed, double[] g) => BufferRecurrencePullback(p, seed, g);

    public static double PartialCover_Value(double[] p) => PartialCover(p);
    public static double PartialCover_Gradient(double[] p, double[] g) => PartialCoverWithGradient(p, g);
    public static void PartialCover_Pullback(double[] p, double seed, double[] g) => PartialCoverPullback(p, seed, g);

    public static double AccumulatorReadBefore_Value(double[] p) => AccumulatorReadBefore(p);
    public static double AccumulatorReadBefore_Gradient(double[] p, double[] g) => AccumulatorReadBeforeWithGradient(p, g);
    public static void AccumulatorReadBefore_Pullback(double[] p, double seed, double[] g) => AccumulatorReadBeforePullback(p, seed, g);

    public static double TailOverwrites_Value(double[] p) => TailOverwrites(p);
    public static double TailOverwrites_Gradient(double[] p, double[] g) => TailOverwritesWithGradient(p, g);
    public static void TailOverwrites_Pullback(double[] p, double seed, double[] g) => TailOverwritesPullback(p, seed, g);

    public static double NonlinearReturn_Value(double[] p) => NonlinearReturn(p);
    public static double NonlinearReturn_Gradient(double[] p, double[] g) => NonlinearReturnWithGradient(p, g);
    public static void NonlinearReturn_Pullback(double[] p, double seed, double[] g) => NonlinearReturnPullback(p, seed, g);

    public static double FactorChangesLater_Value(double[] p) => FactorChangesLater(p);
    public static double FactorChangesLater_Gradient(double[] p, double[] g) => FactorChangesLaterWithGradient(p, g);
    public static void FactorChangesLater_Pullback(double[] p, double seed, double[] g) => FactorChangesLaterPullback(p, seed, g);

    public static double BoundReadsBuffer_Value(double[] p) => BoundReadsBuffer(p);
    public static double BoundReadsBuffer_Gradient(double[] p, double[] g) => BoundReadsBufferWithGradient(p, g);
    public static void BoundReadsBuffer_Pullback(double[] p, double seed, double[] g) => BoundReadsBufferPullback(p, seed, g);

    public static double AccumulatorReadInside_Value(double[] p) => AccumulatorReadInside(p);
    public static double AccumulatorReadInside_Gradient(double[] p, double[] g) => AccumulatorReadInsideWithGradient(p, g);
    public static void AccumulatorReadInside_Pullback(double[] p, double seed, double[] g) => AccumulatorReadInsidePullback(p, seed, g);
}
