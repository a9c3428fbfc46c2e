using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Numerical kernels and small models as users write them, written for this file and not tuned against the
/// generator: a radix-2 FFT with its bit-reversal permutation, the Thomas algorithm, a recurrent cell over time,
/// one attention head, a padded convolution, a layer norm, an online log-sum-exp, Welford's running variance,
/// order statistics by insertion sort of a copy, piecewise-linear interpolation over knots the data moves,
/// Gauss-Seidel sweeps, an int state machine, max pooling by an arg-max index, and a loop whose trip count the
/// data sets.
/// </summary>
public static partial class Models
{
    // Power spectrum of an 8-point radix-2 FFT (in place, iterative, bit-reversed first) of x[0..8] with x[0..8]
    // scaled by a window: ints moved by shifts and masks pick the elements every butterfly reads and writes.
    [Differentiable(Derivatives.All)]
    public static double FftPower(ReadOnlySpan<double> x)
    {
        const int n = 8;
        Span<double> re = stackalloc double[n];
        Span<double> im = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            re[i] = x[i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n));
        }

        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (int len = 2; len <= n; len <<= 1)
        {
            double angle = -2 * Math.PI / len;
            for (int start = 0; start < n; start += len)
            {
                for (int k = 0; k < len / 2; k++)
                {
                    double wr = Math.Cos(angle * k);
                    double wi = Math.Sin(angle * k);
                    int a = start + k;
                    int b = a + len / 2;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }

        double power = 0;
        for (int f = 0; f < n; f++)
        {
            power += (re[f] * re[f] + im[f] * im[f]) * (f + 1);
        }

        return power / n;
    }

    // The Thomas algorithm on a diagonally dominant tridiagonal system built from x (sub, diagonal, super, right
    // side), then a weighted sum of the solution.
    [Differentiable(Derivatives.All)]
    public static double ThomasSolve(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> c = stackalloc double[n];
        Span<double> d = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            double sub = i > 0 ? 0.3 * x[i - 1] : 0.0;
            double diag = 4.0 + x[i] * x[i];
            double sup = i < n - 1 ? 0.2 * x[i] * x[(i + 1) % n] : 0.0;
            double rhs = Math.Sin(x[i]) + 1.0;
            if (i == 0)
            {
                c[i] = sup / diag;
                d[i] = rhs / diag;
            }
            else
            {
                double m = diag - sub * c[i - 1];
                c[i] = sup / m;
                d[i] = (rhs - sub * d[i - 1]) / m;
            }
        }

        for (int i = n - 2; i >= 0; i--)
        {
            d[i] -= c[i] * d[i + 1];
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += d[i] * (i + 1);
        }

        return s;
    }

    // An Elman cell: a hidden state of two units, updated in place over the time steps x[4..] through a new-state
    // buffer copied back, with recurrent weights x[0..4].
    [Differentiable(Derivatives.All)]
    public static double Recurrent(ReadOnlySpan<double> x)
    {
        Span<double> h = stackalloc double[2];
        Span<double> next = stackalloc double[2];
        double loss = 0;
        for (int t = 4; t < x.Length; t++)
        {
            for (int j = 0; j < 2; j++)
            {
                double s = x[t] * (j + 1) * 0.5;
                for (int i = 0; i < 2; i++)
                {
                    s += x[j * 2 + i] * h[i];
                }

                next[j] = Math.Tanh(s);
            }

            next.CopyTo(h);
            loss += (h[0] - 0.25) * (h[0] - 0.25) + h[1] * x[t];
        }

        return loss;
    }

    // One attention head over four tokens of two features (x[0..8]); the query is x[8..10]. Scaled dot products,
    // a softmax with the max subtracted, the weighted sum of values, squared.
    [Differentiable(Derivatives.All)]
    public static double Attention(ReadOnlySpan<double> x)
    {
        const int tokens = 4;
        const int width = 2;
        ReadOnlySpan<double> query = x.Slice(tokens * width, width);
        Span<double> scores = stackalloc double[tokens];
        double top = double.NegativeInfinity;
        for (int t = 0; t < tokens; t++)
        {
            double s = 0;
            for (int f = 0; f < width; f++)
            {
                s += query[f] * x[t * width + f];
            }

            scores[t] = s / Math.Sqrt(width);
            if (scores[t] > top)
            {
                top = scores[t];
            }
        }

        double total = 0;
        for (int t = 0; t < tokens; t++)
        {
            scores[t] = Math.Exp(scores[t] - top);
            total += scores[t];
        }

        double result = 0;
        for (int f = 0; f < width; f++)
        {
            double v = 0;
            for (int t = 0; t < tokens; t++)
            {
                v += scores[t] / total * x[t * width + (width - 1 - f)];
            }

            result += v * v;
        }

        return result;
    }

    // A 1-D convolution of x[3..] with the kernel x[0..3], zero padding of one on each side, stride one, then a
    // ReLU and a sum of squares.
    [Differentiable(Derivatives.All)]
    public static double PaddedConvolution(ReadOnlySpan<double> x)
    {
        ReadOnlySpan<double> kernel = x[..3];
        ReadOnlySpan<double> signal = x[3..];
        const int pad = 1;
        double s = 0;
        for (int o = 0; o < signal.Length; o++)
        {
            double acc = 0;
            for (int k = 0; k < kernel.Length; k++)
            {
                int idx = o + k - pad;
                if (idx >= 0 && idx < signal.Length)
                {
                    acc += kernel[k] * signal[idx];
                }
            }

            double r = Math.Max(0.0, acc);
            s += r * r;
        }

        return s;
    }

    // Layer norm of x into a buffer (mean, variance, normalised with an epsilon), then a gain and a bias from
    // constants, and a loss that reads the normalised buffer in reverse order.
    [Differentiable(Derivatives.All)]
    public static double LayerNorm(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double mean = 0;
        foreach (double v in x)
        {
            mean += v;
        }

        mean /= n;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            double dev = x[i] - mean;
            variance += dev * dev;
        }

        variance /= n;
        double inv = 1.0 / Math.Sqrt(variance + 1e-5);
        Span<double> y = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = (x[i] - mean) * inv * (1.0 + 0.1 * i) + 0.05 * i;
        }

        double loss = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            loss += y[i] * Math.Sin(i + 0.5) + 0.1 * y[i] * y[i];
        }

        return loss;
    }

    // Log-sum-exp in one pass with a running max: when a new max arrives the sum so far is rescaled.
    [Differentiable(Derivatives.All)]
    public static double OnlineLogSumExp(ReadOnlySpan<double> x)
    {
        double top = double.NegativeInfinity;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = 2 * x[i] + Math.Sin(x[(i + 1) % x.Length]);
            if (v > top)
            {
                sum = sum * Math.Exp(top - v) + 1.0;
                top = v;
            }
            else
            {
                sum += Math.Exp(v - top);
            }
        }

        return top + Math.Log(sum);
    }

    // Welford's running mean and variance of x², updated one element at a time.
    [Differentiable(Derivatives.All)]
    public static double WelfordVariance(ReadOnlySpan<double> x)
    {
        double mean = 0;
        double m2 = 0;
        int count = 0;
        foreach (double v in x)
        {
            double sample = v * v + v;
            count++;
            double delta = sample - mean;
            mean += delta / count;
            m2 += delta * (sample - mean);
        }

        return m2 / (count - 1) + mean;
    }

    // Order statistics: an insertion sort of a copy, then a weighted sum that favours the middle.
    [Differentiable(Derivatives.All)]
    public static double TrimmedMean(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> sorted = stackalloc double[n];
        x.CopyTo(sorted);
        for (int i = 1; i < n; i++)
        {
            double key = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > key)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = key;
        }

        double s = 0;
        for (int i = 1; i < n - 1; i++)
        {
            s += sorted[i] * sorted[i] * (1 + Math.Min(i, n - 1 - i));
        }

        return s;
    }

    // Piecewise-linear interpolation: knots at 0, 1, 2, 3 moved by x[0..4]·0.2, values x[4..8]; t from x[0] is
    // placed by a while loop that walks the knots.
    [Differentiable(Derivatives.All)]
    public static double Interpolate(ReadOnlySpan<double> x)
    {
        Span<double> knots = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            knots[i] = i + 0.2 * x[i];
        }

        double total = 0;
        for (int q = 0; q < 3; q++)
        {
            double t = 0.4 + q * 0.9 + 0.1 * x[q + 4];
            int seg = 0;
            while (seg < 2 && t > knots[seg + 1])
            {
                seg++;
            }

            double u = (t - knots[seg]) / (knots[seg + 1] - knots[seg]);
            total += (1 - u) * x[4 + seg] + u * x[5 + seg];
        }

        return total;
    }

    // Gauss-Seidel sweeps for A z = b with A diagonally dominant from x: each update reads the values this sweep
    // already changed.
    [Differentiable(Derivatives.All)]
    public static double GaussSeidel(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> z = stackalloc double[n];
        for (int sweep = 0; sweep < 4; sweep++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = Math.Cos(x[i]);
                for (int j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        s -= 0.3 * x[j] * x[i] / n * z[j];
                    }
                }

                z[i] = s / (3.0 + x[i] * x[i]);
            }
        }

        double r = 0;
        for (int i = 0; i < n; i++)
        {
            r += z[i] * (i + 1);
        }

        return r;
    }

    // An int state machine: the state jumps by an amount the branch picks, halves, or wraps, and picks the
    // element the next step reads.
    [Differentiable(Derivatives.All)]
    public static double StateMachine(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int state = 1;
        int visits = 0;
        double s = 0;
        for (int step = 0; step < 3 * n; step++)
        {
            double v = x[state % n];
            if (v > 0.5)
            {
                state = state * 2 + 1;
                s += v * v;
            }
            else if (v > -0.2)
            {
                state = state / 2 + visits;
                s += Math.Sin(v) * x[(state + 1) % n];
            }
            else
            {
                state += n - 1;
                visits++;
                s -= v * 0.5;
            }

            state %= 4 * n;
        }

        return s + visits;
    }

    // Max pooling by an arg-max index over windows of two, then a product of the pooled values' squares.
    [Differentiable(Derivatives.All)]
    public static double MaxPool(ReadOnlySpan<double> x)
    {
        double s = 1;
        for (int w = 0; w + 1 < x.Length; w += 2)
        {
            int best = w;
            for (int i = w + 1; i < w + 2; i++)
            {
                if (x[i] > x[best])
                {
                    best = i;
                }
            }

            s *= 1 + x[best] * x[best];
        }

        return Math.Log(s);
    }

    // Fixed-step integration of y' = -a y + sin(t) with a double counter for time and a trip count that x[0]
    // sets, then the end state.
    [Differentiable(Derivatives.All)]
    public static double DataTripCount(ReadOnlySpan<double> x)
    {
        int steps = 3 + (int)Math.Floor(2 * (x[0] + 1));
        double a = 1 + x[1] * x[1];
        double y = x[2];
        double h = 0.1;
        for (double t = 0; t < steps * h - 1e-9; t += h)
        {
            y += h * (-a * y + Math.Sin(t + x[3]));
        }

        return y * x[4] + steps * x[5];
    }

    // A two-component Gaussian mixture's log-likelihood of three points, as a user writes it: x[0..4] the two means,
    // x[4..8] each component's log-scales; per component the point centred, then scaled (and sheared) in a second
    // buffer, both rewritten for each component. Each component's iteration gets slices of its own (first order).
    [Differentiable(Derivatives.All)]
    public static double MixtureLogLikelihood(ReadOnlySpan<double> x)
    {
        const int d = 2, k = 2;
        Span<double> centred = stackalloc double[d];
        Span<double> scaled = stackalloc double[d];
        Span<double> terms = stackalloc double[k];
        double total = 0;
        for (int p = 0; p < 3; p++)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++)
                {
                    double coordinate = j == 0 ? 0.3 * p - 0.4 : 0.2 - 0.25 * p;
                    centred[j] = coordinate - x[c * d + j];
                }

                for (int j = 0; j < d; j++)
                {
                    scaled[j] = Math.Exp(x[4 + c * d + j]) * centred[j];
                }

                scaled[1] += 0.5 * Math.Tanh(x[4 + c * d]) * centred[0];
                double norm = 0;
                for (int j = 0; j < d; j++)
                {
                    norm += scaled[j] * scaled[j];
                }

                terms[c] = x[4 + c * d] + x[5 + c * d] - 0.5 * norm;
            }

            total += Math.Log(Math.Exp(terms[0]) + Math.Exp(terms[1]));
        }

        return total;
    }

    public static double DataTripCount_KinkDistance(double[] x)
    {
        double v = 2 * (x[0] + 1);
        return Math.Abs(v - Math.Round(v)) / 2;
    }

    public static double StateMachine_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            d = Math.Min(d, Math.Min(Math.Abs(v - 0.5), Math.Abs(v + 0.2)));
        }

        return d;
    }

    public static double MaxPool_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        for (int w = 0; w + 1 < x.Length; w += 2)
        {
            d = Math.Min(d, Math.Abs(x[w] - x[w + 1]) / 2);
        }

        return d;
    }

    public static double TrimmedMean_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                d = Math.Min(d, Math.Abs(x[i] - x[j]) / 2);
            }
        }

        return d;
    }

    public static double PaddedConvolution_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        int n = x.Length - 3;
        for (int o = 0; o < n; o++)
        {
            double acc = 0;
            double scale = 0;
            for (int k = 0; k < 3; k++)
            {
                int idx = o + k - 1;
                if (idx >= 0 && idx < n)
                {
                    acc += x[k] * x[3 + idx];
                    scale += Math.Abs(x[k]) + Math.Abs(x[3 + idx]);
                }
            }

            d = Math.Min(d, Math.Abs(acc) / Math.Max(scale, 1e-9));
        }

        return d;
    }

    public static double OnlineLogSumExp_KinkDistance(double[] x)
    {
        // The max switches where two of the v's meet; the value is continuous there but its branches differ.
        int n = x.Length;
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = 2 * x[i] + Math.Sin(x[(i + 1) % n]);
        }

        double d = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                d = Math.Min(d, Math.Abs(v[i] - v[j]) / 3);
            }
        }

        return d;
    }

    public static double Interpolate_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        for (int q = 0; q < 3; q++)
        {
            double t = 0.4 + q * 0.9 + 0.1 * x[q + 4];
            for (int i = 1; i < 3; i++)
            {
                d = Math.Min(d, Math.Abs(t - (i + 0.2 * x[i])) / 0.3);
            }
        }

        return d;
    }

    public static double Attention_KinkDistance(double[] x)
    {
        // The max only shifts the exponent; the result is smooth, but where two scores tie the branch flips.
        double d = double.PositiveInfinity;
        var s = new double[4];
        for (int t = 0; t < 4; t++)
        {
            s[t] = (x[8] * x[2 * t] + x[9] * x[2 * t + 1]) / Math.Sqrt(2);
        }

        for (int i = 0; i < 4; i++)
        {
            for (int j = i + 1; j < 4; j++)
            {
                d = Math.Min(d, Math.Abs(s[i] - s[j]));
            }
        }

        return d;
    }
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class Models
{
    public static double FftPower_Value(double[] p) => FftPower(p);
    public static double FftPower_Gradient(double[] p, double[] g) => FftPowerWithGradient(p, g);
    public static void FftPower_Pullback(double[] p, double seed, double[] g) => FftPowerPullback(p, seed, g);
    public static double FftPower_Pushforward(double[] p, double[] t, out double tangent) => FftPowerPushforward(p, t, out tangent);
    public static double FftPower_Hvp(double[] p, double[] v, double[] g, double[] h) => FftPowerHessianVectorProduct(p, v, g, h);
    public static double FftPower_Hessian(double[] p, double[] g, double[] m) => FftPowerWithHessian(p, g, m);

    public static double ThomasSolve_Value(double[] p) => ThomasSolve(p);
    public static double ThomasSolve_Gradient(double[] p, double[] g) => ThomasSolveWithGradient(p, g);
    public static void ThomasSolve_Pullback(double[] p, double seed, double[] g) => ThomasSolvePullback(p, seed, g);
    public static double ThomasSolve_Pushforward(double[] p, double[] t, out double tangent) => ThomasSolvePushforward(p, t, out tangent);
    public static double ThomasSolve_Hvp(double[] p, double[] v, double[] g, double[] h) => ThomasSolveHessianVectorProduct(p, v, g, h);
    public static double ThomasSolve_Hessian(double[] p, double[] g, double[] m) => ThomasSolveWithHessian(p, g, m);

    public static double Recurrent_Value(double[] p) => Recurrent(p);
    public static double Recurrent_Gradient(double[] p, double[] g) => RecurrentWithGradient(p, g);
    public static void Recurrent_Pullback(double[] p, double seed, double[] g) => RecurrentPullback(p, seed, g);
    public static double Recurrent_Pushforward(double[] p, double[] t, out double tangent) => RecurrentPushforward(p, t, out tangent);
    public static double Recurrent_Hvp(double[] p, double[] v, double[] g, double[] h) => RecurrentHessianVectorProduct(p, v, g, h);
    public static double Recurrent_Hessian(double[] p, double[] g, double[] m) => RecurrentWithHessian(p, g, m);

    public static double Attention_Value(double[] p) => Attention(p);
    public static double Attention_Gradient(double[] p, double[] g) => AttentionWithGradient(p, g);
    public static void Attention_Pullback(double[] p, double seed, double[] g) => AttentionPullback(p, seed, g);
    public static double Attention_Pushforward(double[] p, double[] t, out double tangent) => AttentionPushforward(p, t, out tangent);
    public static double Attention_Hvp(double[] p, double[] v, double[] g, double[] h) => AttentionHessianVectorProduct(p, v, g, h);
    public static double Attention_Hessian(double[] p, double[] g, double[] m) => AttentionWithHessian(p, g, m);

    public static double PaddedConvolution_Value(double[] p) => PaddedConvolution(p);
    public static double PaddedConvolution_Gradient(double[] p, double[] g) => PaddedConvolutionWithGradient(p, g);
    public static void PaddedConvolution_Pullback(double[] p, double seed, double[] g) => PaddedConvolutionPullback(p, seed, g);
    public static double PaddedConvolution_Pushforward(double[] p, double[] t, out double tangent) => PaddedConvolutionPushforward(p, t, out tangent);
    public static double PaddedConvolution_Hvp(double[] p, double[] v, double[] g, double[] h) => PaddedConvolutionHessianVectorProduct(p, v, g, h);
    public static double PaddedConvolution_Hessian(double[] p, double[] g, double[] m) => PaddedConvolutionWithHessian(p, g, m);

    public static double LayerNorm_Value(double[] p) => LayerNorm(p);
    public static double LayerNorm_Gradient(double[] p, double[] g) => LayerNormWithGradient(p, g);
    public static void LayerNorm_Pullback(double[] p, double seed, double[] g) => LayerNormPullback(p, seed, g);
    public static double LayerNorm_Pushforward(double[] p, double[] t, out double tangent) => LayerNormPushforward(p, t, out tangent);
    public static double LayerNorm_Hvp(double[] p, double[] v, double[] g, double[] h) => LayerNormHessianVectorProduct(p, v, g, h);
    public static double LayerNorm_Hessian(double[] p, double[] g, double[] m) => LayerNormWithHessian(p, g, m);

    public static double OnlineLogSumExp_Value(double[] p) => OnlineLogSumExp(p);
    public static double OnlineLogSumExp_Gradient(double[] p, double[] g) => OnlineLogSumExpWithGradient(p, g);
    public static void OnlineLogSumExp_Pullback(double[] p, double seed, double[] g) => OnlineLogSumExpPullback(p, seed, g);
    public static double OnlineLogSumExp_Pushforward(double[] p, double[] t, out double tangent) => OnlineLogSumExpPushforward(p, t, out tangent);
    public static double OnlineLogSumExp_Hvp(double[] p, double[] v, double[] g, double[] h) => OnlineLogSumExpHessianVectorProduct(p, v, g, h);
    public static double OnlineLogSumExp_Hessian(double[] p, double[] g, double[] m) => OnlineLogSumExpWithHessian(p, g, m);

    public static double WelfordVariance_Value(double[] p) => WelfordVariance(p);
    public static double WelfordVariance_Gradient(double[] p, double[] g) => WelfordVarianceWithGradient(p, g);
    public static void WelfordVariance_Pullback(double[] p, double seed, double[] g) => WelfordVariancePullback(p, seed, g);
    public static double WelfordVariance_Pushforward(double[] p, double[] t, out double tangent) => WelfordVariancePushforward(p, t, out tangent);
    public static double WelfordVariance_Hvp(double[] p, double[] v, double[] g, double[] h) => WelfordVarianceHessianVectorProduct(p, v, g, h);
    public static double WelfordVariance_Hessian(double[] p, double[] g, double[] m) => WelfordVarianceWithHessian(p, g, m);

    public static double TrimmedMean_Value(double[] p) => TrimmedMean(p);
    public static double TrimmedMean_Gradient(double[] p, double[] g) => TrimmedMeanWithGradient(p, g);
    public static void TrimmedMean_Pullback(double[] p, double seed, double[] g) => TrimmedMeanPullback(p, seed, g);
    public static double TrimmedMean_Pushforward(double[] p, double[] t, out double tangent) => TrimmedMeanPushforward(p, t, out tangent);
    public static double TrimmedMean_Hvp(double[] p, double[] v, double[] g, double[] h) => TrimmedMeanHessianVectorProduct(p, v, g, h);
    public static double TrimmedMean_Hessian(double[] p, double[] g, double[] m) => TrimmedMeanWithHessian(p, g, m);

    public static double Interpolate_Value(double[] p) => Interpolate(p);
    public static double Interpolate_Gradient(double[] p, double[] g) => InterpolateWithGradient(p, g);
    public static void Interpolate_Pullback(double[] p, double seed, double[] g) => InterpolatePullback(p, seed, g);
    public static double Interpolate_Pushforward(double[] p, double[] t, out double tangent) => InterpolatePushforward(p, t, out tangent);
    public static double Interpolate_Hvp(double[] p, double[] v, double[] g, double[] h) => InterpolateHessianVectorProduct(p, v, g, h);
    public static double Interpolate_Hessian(double[] p, double[] g, double[] m) => InterpolateWithHessian(p, g, m);

    public static double GaussSeidel_Value(double[] p) => GaussSeidel(p);
    public static double GaussSeidel_Gradient(double[] p, double[] g) => GaussSeidelWithGradient(p, g);
    public static void GaussSeidel_Pullback(double[] p, double seed, double[] g) => GaussSeidelPullback(p, seed, g);
    public static double GaussSeidel_Pushforward(double[] p, double[] t, out double tangent) => GaussSeidelPushforward(p, t, out tangent);
    public static double GaussSeidel_Hvp(double[] p, double[] v, double[] g, double[] h) => GaussSeidelHessianVectorProduct(p, v, g, h);
    public static double GaussSeidel_Hessian(double[] p, double[] g, double[] m) => GaussSeidelWithHessian(p, g, m);

    public static double StateMachine_Value(double[] p) => StateMachine(p);
    public static double StateMachine_Gradient(double[] p, double[] g) => StateMachineWithGradient(p, g);
    public static void StateMachine_Pullback(double[] p, double seed, double[] g) => StateMachinePullback(p, seed, g);
    public static double StateMachine_Pushforward(double[] p, double[] t, out double tangent) => StateMachinePushforward(p, t, out tangent);
    public static double StateMachine_Hvp(double[] p, double[] v, double[] g, double[] h) => StateMachineHessianVectorProduct(p, v, g, h);
    public static double StateMachine_Hessian(double[] p, double[] g, double[] m) => StateMachineWithHessian(p, g, m);

    public static double MaxPool_Value(double[] p) => MaxPool(p);
    public static double MaxPool_Gradient(double[] p, double[] g) => MaxPoolWithGradient(p, g);
    public static void MaxPool_Pullback(double[] p, double seed, double[] g) => MaxPoolPullback(p, seed, g);
    public static double MaxPool_Pushforward(double[] p, double[] t, out double tangent) => MaxPoolPushforward(p, t, out tangent);
    public static double MaxPool_Hvp(double[] p, double[] v, double[] g, double[] h) => MaxPoolHessianVectorProduct(p, v, g, h);
    public static double MaxPool_Hessian(double[] p, double[] g, double[] m) => MaxPoolWithHessian(p, g, m);

    public static double DataTripCount_Value(double[] p) => DataTripCount(p);
    public static double DataTripCount_Gradient(double[] p, double[] g) => DataTripCountWithGradient(p, g);
    public static void DataTripCount_Pullback(double[] p, double seed, double[] g) => DataTripCountPullback(p, seed, g);
    public static double DataTripCount_Pushforward(double[] p, double[] t, out double tangent) => DataTripCountPushforward(p, t, out tangent);
    public static double DataTripCount_Hvp(double[] p, double[] v, double[] g, double[] h) => DataTripCountHessianVectorProduct(p, v, g, h);
    public static double DataTripCount_Hessian(double[] p, double[] g, double[] m) => DataTripCountWithHessian(p, g, m);

    public static double MixtureLogLikelihood_Value(double[] p) => MixtureLogLikelihood(p);
    public static double MixtureLogLikelihood_Gradient(double[] p, double[] g) => MixtureLogLikelihoodWithGradient(p, g);
    public static void MixtureLogLikelihood_Pullback(double[] p, double seed, double[] g) => MixtureLogLikelihoodPullback(p, seed, g);
    public static double MixtureLogLikelihood_Pushforward(double[] p, double[] t, out double tangent) => MixtureLogLikelihoodPushforward(p, t, out tangent);
    public static double MixtureLogLikelihood_Hvp(double[] p, double[] v, double[] g, double[] h) => MixtureLogLikelihoodHessianVectorProduct(p, v, g, h);
    public static double MixtureLogLikelihood_Hessian(double[] p, double[] g, double[] m) => MixtureLogLikelihoodWithHessian(p, g, m);
}
