using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Loop code written the way users write models, none of it shaped for the generator: a convolution with soft
/// pooling, a recurrent net whose state is copied back each step, softmax cross-entropy with an int label, attention,
/// matrix factorisation over int-indexed observations, an Euler integrator updating its state in place, layer
/// normalisation, an in-place Cholesky factorisation, ints that change inside branches and feed plain helpers, a
/// bubble sort, and a few steps of gradient descent inside the function. Each is checked against finite differences;
/// those marked <c>Derivatives.All</c> also in forward mode (`PushforwardTests`) and second order (`SecondOrderTests`).
/// </summary>
public static partial class UserLoops
{
    // Units whose derivative reads back what they stored (tanh, exp, sqrt), stored at a loop's counter: once per
    // call at an offset (nothing to record), every round of an outer loop (the earlier round's outputs must come back
    // for its adjoint), counting down, and next to a unit that reads its neighbour's old value.
    [Differentiable(Derivatives.All)]
    public static double ReadBackUnits(ReadOnlySpan<double> x)
    {
        Span<double> h = stackalloc double[8];
        int offset = x.Length - 4;
        for (int j = 0; j < 4; j++)
        {
            h[j + offset] = Math.Tanh(x[j] * x[(j + 1) % x.Length]);
        }

        double s = 0;
        for (int round = 1; round <= 3; round++)
        {
            for (int j = 3; j >= 0; j--)
            {
                h[j] = Math.Exp(0.3 * h[j + offset] * round - 0.1 * x[j]);
            }

            for (int j = 0; j < 3; j++)
            {
                s += h[j] * h[j + 1] + h[j + offset] / round;
            }
        }

        for (int j = 1; j < 4; j++)
        {
            double neighbour = h[j - 1];
            h[j] = Math.Sqrt(1.0 + neighbour * neighbour + h[j + offset]);
            s += h[j] * neighbour;
        }

        return s;
    }

    public static double ReadBackUnits_Value(double[] p) => ReadBackUnits(p);
    public static double ReadBackUnits_Gradient(double[] p, double[] g) => ReadBackUnitsWithGradient(p, g);
    public static void ReadBackUnits_Pullback(double[] p, double seed, double[] g) => ReadBackUnitsPullback(p, seed, g);
    public static double ReadBackUnits_Pushforward(double[] p, double[] t, out double tangent) => ReadBackUnitsPushforward(p, t, out tangent);
    public static double ReadBackUnits_Hvp(double[] p, double[] v, double[] g, double[] h) => ReadBackUnitsHessianVectorProduct(p, v, g, h);
    public static double ReadBackUnits_Hessian(double[] p, double[] g, double[] m) => ReadBackUnitsWithHessian(p, g, m);

    // A 3-tap convolution over a fixed signal, tanh, then pairs pooled by a soft maximum, scaled.
    [Differentiable(Derivatives.All)]
    public static double ConvolutionPool(ReadOnlySpan<double> w)
    {
        Span<double> feature = stackalloc double[8];
        for (int t = 0; t < feature.Length; t++)
        {
            double s = w[3];
            for (int k = 0; k < 3; k++)
            {
                s += w[k] * Math.Sin(0.7 * (t + k));
            }

            feature[t] = Math.Tanh(s);
        }

        double pooled = 0;
        for (int t = 0; t + 1 < feature.Length; t += 2)
        {
            pooled += Math.Log(Math.Exp(feature[t]) + Math.Exp(feature[t + 1]));
        }

        return pooled * w[4];
    }

    // An Elman recurrent net with two hidden units: each step computes the new state into a scratch buffer and
    // copies it back, so every step reads what the previous one wrote.
    [Differentiable(Derivatives.All)]
    public static double Recurrent(ReadOnlySpan<double> w)
    {
        Span<double> h = stackalloc double[2];
        Span<double> next = stackalloc double[2];
        for (int t = 0; t < 5; t++)
        {
            double x = Math.Cos(0.9 * t);
            for (int i = 0; i < 2; i++)
            {
                double s = (w[6 + i] * x) + w[8 + i];
                for (int j = 0; j < 2; j++)
                {
                    s += w[(2 * i) + j] * h[j];
                }

                next[i] = Math.Tanh(s);
            }

            for (int i = 0; i < 2; i++)
            {
                h[i] = next[i];
            }
        }

        return (h[0] * w[4]) + (h[1] * w[5]);
    }

    // Softmax cross-entropy of a linear classifier (3 classes, 2 features plus a bias) over 5 points whose labels
    // are ints computed in the loop; the logits are shifted by their maximum before the exponentials.
    [Differentiable(Derivatives.All)]
    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> w)
    {
        Span<double> logits = stackalloc double[3];
        double loss = 0;
        for (int p = 0; p < 5; p++)
        {
            double x0 = Math.Sin(p + 0.5);
            double x1 = Math.Cos(1.3 * p);
            int label = (p * 2) % 3;
            for (int c = 0; c < 3; c++)
            {
                logits[c] = (w[3 * c] * x0) + (w[(3 * c) + 1] * x1) + w[(3 * c) + 2];
            }

            double top = logits[0];
            for (int c = 1; c < 3; c++)
            {
                if (logits[c] > top)
                {
                    top = logits[c];
                }
            }

            double total = 0;
            for (int c = 0; c < 3; c++)
            {
                total += Math.Exp(logits[c] - top);
            }

            loss += top + Math.Log(total) - logits[label];
        }

        return loss / 5;
    }

    // One attention head: a 2-d query against 4 keys, scaled dot-product scores, softmax, weighted sum of values.
    [Differentiable(Derivatives.All)]
    public static double Attention(ReadOnlySpan<double> w)
    {
        Span<double> scores = stackalloc double[4];
        double scale = 1.0 / Math.Sqrt(2.0);
        for (int j = 0; j < 4; j++)
        {
            double s = 0;
            for (int i = 0; i < 2; i++)
            {
                s += w[i] * w[2 + (2 * j) + i];
            }

            scores[j] = s * scale;
        }

        double top = scores[0];
        for (int j = 1; j < 4; j++)
        {
            top = Math.Max(top, scores[j]);
        }

        double total = 0;
        for (int j = 0; j < 4; j++)
        {
            scores[j] = Math.Exp(scores[j] - top);
            total += scores[j];
        }

        double output = 0;
        for (int j = 0; j < 4; j++)
        {
            output += scores[j] / total * w[10 + j];
        }

        return output;
    }

    // Matrix factorisation: 3 users and 2 items with 2 factors each; the observed (user, item) pairs and their
    // ratings are computed from the observation's index; squared error plus L2.
    [Differentiable(Derivatives.All)]
    public static double Factorization(ReadOnlySpan<double> w)
    {
        double loss = 0;
        for (int o = 0; o < 5; o++)
        {
            int user = o % 3;
            int item = o % 2 == 0 ? 1 : 0;
            double rating = 0.5 * o - 1;
            double predicted = 0;
            for (int f = 0; f < 2; f++)
            {
                predicted += w[(2 * user) + f] * w[6 + (2 * item) + f];
            }

            double error = predicted - rating;
            loss += error * error;
        }

        double squares = 0;
        for (int i = 0; i < w.Length; i++)
        {
            squares += w[i] * w[i];
        }

        return loss + (0.1 * squares);
    }

    // A damped pendulum integrated by explicit Euler, its state updated in place; the parameters are the damping,
    // the stiffness and the initial state.
    [Differentiable(Derivatives.All)]
    public static double Pendulum(ReadOnlySpan<double> w)
    {
        Span<double> y = stackalloc double[2];
        y[0] = w[2];
        y[1] = w[3];
        const double dt = 0.1;
        for (int step = 0; step < 12; step++)
        {
            double velocity = y[1];
            double acceleration = (-w[0] * y[1]) - (w[1] * Math.Sin(y[0]));
            y[0] += dt * velocity;
            y[1] += dt * acceleration;
        }

        return (y[0] * y[0]) + y[1];
    }

    // Layer normalisation of five inputs with a learned gain and shift, then a fixed readout.
    [Differentiable(Derivatives.All)]
    public static double LayerNorm(ReadOnlySpan<double> w)
    {
        const int n = 5;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += w[i];
        }

        mean /= n;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            double centered = w[i] - mean;
            variance += centered * centered;
        }

        variance /= n;
        double inverse = 1.0 / Math.Sqrt(variance + 1e-3);
        double output = 0;
        for (int i = 0; i < n; i++)
        {
            double normalized = ((w[i] - mean) * inverse * w[5]) + w[6];
            output += normalized * (i + 1) * Math.Tanh(normalized);
        }

        return output;
    }

    // log det(B Bᵀ + I) for a lower-triangular 3×3 B from six parameters, through a Cholesky factorisation done in
    // place in a row-major buffer: each entry is overwritten from entries the same loops wrote before.
    [Differentiable(Derivatives.All)]
    public static double CholeskyLogDet(ReadOnlySpan<double> w)
    {
        const int n = 3;
        Span<double> a = stackalloc double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = i == j ? 1.0 : 0.0;
                for (int k = 0; k <= Math.Min(i, j); k++)
                {
                    s += w[(i * (i + 1) / 2) + k] * w[(j * (j + 1) / 2) + k];
                }

                a[(i * n) + j] = s;
            }
        }

        for (int j = 0; j < n; j++)
        {
            double diagonal = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[(j * n) + k] * a[(j * n) + k];
            }

            a[(j * n) + j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < n; i++)
            {
                double s = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = s / a[(j * n) + j];
            }
        }

        double logDet = 0;
        for (int i = 0; i < n; i++)
        {
            logDet += 2 * Math.Log(a[(i * n) + i]);
        }

        return logDet;
    }

    // An int stride that a branch on the data changes, moving a read position; the position feeds a plain helper.
    [Differentiable]
    public static double BranchingStride(ReadOnlySpan<double> w)
    {
        int position = 0;
        int stride = 1;
        double total = 0;
        for (int i = 0; i < 6; i++)
        {
            if (w[i] > 0)
            {
                stride = 2;
            }
            else
            {
                stride = 1;
                position += 3;
            }

            position = (position + stride) % 6;
            total += w[position] * w[i] * Decay(position);
        }

        return total;
    }

    private static double Decay(int k) => 1.0 / (1 + k);

    // Sorts a copy of the parameters with a bubble sort, then weights them by rank.
    [Differentiable(Derivatives.All)]
    public static double SortedWeights(ReadOnlySpan<double> w)
    {
        Span<double> sorted = stackalloc double[5];
        for (int i = 0; i < 5; i++)
        {
            sorted[i] = w[i];
        }

        for (int pass = 0; pass < 4; pass++)
        {
            for (int i = 0; i + 1 < 5 - pass; i++)
            {
                if (sorted[i] > sorted[i + 1])
                {
                    double swap = sorted[i];
                    sorted[i] = sorted[i + 1];
                    sorted[i + 1] = swap;
                }
            }
        }

        double total = 0;
        for (int i = 0; i < 5; i++)
        {
            total += (i + 1) * sorted[i] * sorted[i];
        }

        return total;
    }

    // Three steps of gradient descent on a least-squares line fit, inside the function, from a starting line given
    // by w[0..2] with learning rate w[2]; the loss after the steps (a learned-optimiser objective).
    [Differentiable(Derivatives.All)]
    public static double InnerDescent(ReadOnlySpan<double> w)
    {
        Span<double> line = stackalloc double[2];
        line[0] = w[0];
        line[1] = w[1];
        double rate = 0.1 + (0.05 * Math.Tanh(w[2]));
        for (int step = 0; step < 3; step++)
        {
            double g0 = 0;
            double g1 = 0;
            for (int p = 0; p < 4; p++)
            {
                double x = p - 1.5;
                double r = (line[0] * x) + line[1] - Math.Sin(x);
                g0 += 2 * r * x;
                g1 += 2 * r;
            }

            line[0] -= rate * g0 / 4;
            line[1] -= rate * g1 / 4;
        }

        double loss = 0;
        for (int p = 0; p < 4; p++)
        {
            double x = p - 1.5;
            double r = (line[0] * x) + line[1] - Math.Sin(x);
            loss += r * r;
        }

        return loss;
    }

    public static double ConvolutionPool_Value(double[] p) => ConvolutionPool(p);
    public static double ConvolutionPool_Gradient(double[] p, double[] g) => ConvolutionPoolWithGradient(p, g);
    public static void ConvolutionPool_Pullback(double[] p, double seed, double[] g) => ConvolutionPoolPullback(p, seed, g);
    public static double ConvolutionPool_Pushforward(double[] p, double[] t, out double tangent) => ConvolutionPoolPushforward(p, t, out tangent);
    public static double ConvolutionPool_Hvp(double[] p, double[] v, double[] g, double[] h) => ConvolutionPoolHessianVectorProduct(p, v, g, h);
    public static double ConvolutionPool_Hessian(double[] p, double[] g, double[] m) => ConvolutionPoolWithHessian(p, g, m);

    public static double Recurrent_Value(double[] p) => Recurrent(p);
    public static double Recurrent_Gradient(double[] p, double[] g) => RecurrentWithGradient(p, g);
    public static void Recurrent_Pullback(double[] p, double seed, double[] g) => RecurrentPullback(p, seed, g);
    public static double Recurrent_Pushforward(double[] p, double[] t, out double tangent) => RecurrentPushforward(p, t, out tangent);
    public static double Recurrent_Hvp(double[] p, double[] v, double[] g, double[] h) => RecurrentHessianVectorProduct(p, v, g, h);
    public static double Recurrent_Hessian(double[] p, double[] g, double[] m) => RecurrentWithHessian(p, g, m);

    public static double SoftmaxCrossEntropy_Value(double[] p) => SoftmaxCrossEntropy(p);
    public static double SoftmaxCrossEntropy_Gradient(double[] p, double[] g) => SoftmaxCrossEntropyWithGradient(p, g);
    public static void SoftmaxCrossEntropy_Pullback(double[] p, double seed, double[] g) => SoftmaxCrossEntropyPullback(p, seed, g);
    public static double SoftmaxCrossEntropy_Pushforward(double[] p, double[] t, out double tangent) => SoftmaxCrossEntropyPushforward(p, t, out tangent);
    public static double SoftmaxCrossEntropy_Hvp(double[] p, double[] v, double[] g, double[] h) => SoftmaxCrossEntropyHessianVectorProduct(p, v, g, h);
    public static double SoftmaxCrossEntropy_Hessian(double[] p, double[] g, double[] m) => SoftmaxCrossEntropyWithHessian(p, g, m);

    public static double Attention_Value(double[] p) => Attention(p);
    public static double Attention_Gradient(double[] p, double[] g) => AttentionWithGradient(p, g);
    public static void Attention_Pullback(double[] p, double seed, double[] g) => AttentionPullback(p, seed, g);
    public static double Attention_Pushforward(double[] p, double[] t, out double tangent) => AttentionPushforward(p, t, out tangent);
    public static double Attention_Hvp(double[] p, double[] v, double[] g, double[] h) => AttentionHessianVectorProduct(p, v, g, h);
    public static double Attention_Hessian(double[] p, double[] g, double[] m) => AttentionWithHessian(p, g, m);

    public static double Factorization_Value(double[] p) => Factorization(p);
    public static double Factorization_Gradient(double[] p, double[] g) => FactorizationWithGradient(p, g);
    public static void Factorization_Pullback(double[] p, double seed, double[] g) => FactorizationPullback(p, seed, g);
    public static double Factorization_Pushforward(double[] p, double[] t, out double tangent) => FactorizationPushforward(p, t, out tangent);
    public static double Factorization_Hvp(double[] p, double[] v, double[] g, double[] h) => FactorizationHessianVectorProduct(p, v, g, h);
    public static double Factorization_Hessian(double[] p, double[] g, double[] m) => FactorizationWithHessian(p, g, m);

    public static double Pendulum_Value(double[] p) => Pendulum(p);
    public static double Pendulum_Gradient(double[] p, double[] g) => PendulumWithGradient(p, g);
    public static void Pendulum_Pullback(double[] p, double seed, double[] g) => PendulumPullback(p, seed, g);
    public static double Pendulum_Pushforward(double[] p, double[] t, out double tangent) => PendulumPushforward(p, t, out tangent);
    public static double Pendulum_Hvp(double[] p, double[] v, double[] g, double[] h) => PendulumHessianVectorProduct(p, v, g, h);
    public static double Pendulum_Hessian(double[] p, double[] g, double[] m) => PendulumWithHessian(p, g, m);

    public static double LayerNorm_Value(double[] p) => LayerNorm(p);
    public static double LayerNorm_Gradient(double[] p, double[] g) => LayerNormWithGradient(p, g);
    public static void LayerNorm_Pullback(double[] p, double seed, double[] g) => LayerNormPullback(p, seed, g);
    public static double LayerNorm_Pushforward(double[] p, double[] t, out double tangent) => LayerNormPushforward(p, t, out tangent);
    public static double LayerNorm_Hvp(double[] p, double[] v, double[] g, double[] h) => LayerNormHessianVectorProduct(p, v, g, h);
    public static double LayerNorm_Hessian(double[] p, double[] g, double[] m) => LayerNormWithHessian(p, g, m);

    public static double CholeskyLogDet_Value(double[] p) => CholeskyLogDet(p);
    public static double CholeskyLogDet_Gradient(double[] p, double[] g) => CholeskyLogDetWithGradient(p, g);
    public static void CholeskyLogDet_Pullback(double[] p, double seed, double[] g) => CholeskyLogDetPullback(p, seed, g);
    public static double CholeskyLogDet_Pushforward(double[] p, double[] t, out double tangent) => CholeskyLogDetPushforward(p, t, out tangent);
    public static double CholeskyLogDet_Hvp(double[] p, double[] v, double[] g, double[] h) => CholeskyLogDetHessianVectorProduct(p, v, g, h);
    public static double CholeskyLogDet_Hessian(double[] p, double[] g, double[] m) => CholeskyLogDetWithHessian(p, g, m);

    public static double BranchingStride_Value(double[] p) => BranchingStride(p);
    public static double BranchingStride_Gradient(double[] p, double[] g) => BranchingStrideWithGradient(p, g);
    public static void BranchingStride_Pullback(double[] p, double seed, double[] g) => BranchingStridePullback(p, seed, g);

    // The branch on each w[i]'s sign switches at w[i] = 0.
    public static double BranchingStride_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 0; i < 6; i++)
        {
            nearest = Math.Min(nearest, Math.Abs(p[i]));
        }

        return nearest;
    }

    public static double SortedWeights_Value(double[] p) => SortedWeights(p);
    public static double SortedWeights_Gradient(double[] p, double[] g) => SortedWeightsWithGradient(p, g);
    public static void SortedWeights_Pullback(double[] p, double seed, double[] g) => SortedWeightsPullback(p, seed, g);
    public static double SortedWeights_Pushforward(double[] p, double[] t, out double tangent) => SortedWeightsPushforward(p, t, out tangent);
    public static double SortedWeights_Hvp(double[] p, double[] v, double[] g, double[] h) => SortedWeightsHessianVectorProduct(p, v, g, h);
    public static double SortedWeights_Hessian(double[] p, double[] g, double[] m) => SortedWeightsWithHessian(p, g, m);

    // The sort's order changes where two parameters are equal.
    public static double SortedWeights_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 0; i < 5; i++)
        {
            for (int j = i + 1; j < 5; j++)
            {
                nearest = Math.Min(nearest, Math.Abs(p[i] - p[j]));
            }
        }

        return nearest;
    }

    public static double InnerDescent_Value(double[] p) => InnerDescent(p);
    public static double InnerDescent_Gradient(double[] p, double[] g) => InnerDescentWithGradient(p, g);
    public static void InnerDescent_Pullback(double[] p, double seed, double[] g) => InnerDescentPullback(p, seed, g);
    public static double InnerDescent_Pushforward(double[] p, double[] t, out double tangent) => InnerDescentPushforward(p, t, out tangent);
    public static double InnerDescent_Hvp(double[] p, double[] v, double[] g, double[] h) => InnerDescentHessianVectorProduct(p, v, g, h);
    public static double InnerDescent_Hessian(double[] p, double[] g, double[] m) => InnerDescentWithHessian(p, g, m);
}
