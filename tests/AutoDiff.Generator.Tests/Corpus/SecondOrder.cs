using System;
using AutoDiff;

namespace Corpus;

// Second order: each function's Hessian-vector product is checked against finite differences of its gradient, its
// full Hessian against the products and for symmetry, and Smooth and Floats against exact Hessians.
public static partial class Second
{
    [Differentiable(Derivatives.Hessian)]
    public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    // Its exact Hessian at (0.3, -0.4, 0.7) comes from sympy (see SecondOrderTests).
    [Differentiable(Derivatives.Hessian)]
    public static double Smooth(double x, double y, double z) =>
        Math.Exp(x * y) * Math.Sin(z) + Math.Log(1 + x * x) * Math.Sqrt(y * y + z * z + 1)
        + Math.Tanh(x - z) / (2 + Math.Cos(y)) + Math.Pow(1.5 + y * y, x) + Math.Atan2(y, 2 + x) * Math.Cbrt(1 + z * z);

    [Differentiable(Derivatives.Hessian)]
    public static double Functions(double x, double y)
    {
        double e = Math.Exp(x * y);
        double t = Math.Tanh(e - y) + Math.Sqrt(1 + x * x);
        t *= Math.Pow(1.5 + y * y, x) / (2 + Math.Sin(y));
        t += Math.Max(x, y) * Math.Clamp(x - y, -0.5, 0.5) + double.Hypot(x, y) + Math.Atan2(y, 2 + x);
        return t - Math.Log(1 + e) + Math.FusedMultiplyAdd(x, y, e);
    }

    [Differentiable(Derivatives.Hessian)]
    public static double Loops(ReadOnlySpan<double> w, double s, int n)
    {
        Span<double> h = stackalloc double[3];
        double acc = 0;
        for (int i = 0; i < w.Length; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                h[k] = Math.Tanh(h[k] * s + w[i] * (k + 1));
            }

            acc = i % 2 == 0 ? acc * 0.5 + h[0] * h[1] : acc + Math.Exp(h[2] * w[i]);
        }

        int j = 0;
        while (j < n)
        {
            acc += s * w[j % w.Length];
            acc /= 1 + s * s;
            j++;
        }

        return acc;
    }

    [Differentiable(Derivatives.Hessian)]
    public static double Bump(double v) => v * v * Math.Exp(0.1 * v);

    [Differentiable(Derivatives.Hessian)]
    public static double Calls(double x, double y)
    {
        var (s, c) = Math.SinCos(x);
        (x, y) = (c * x - s * y, s * x + c * y);
        return Functions(y, x) * 0.01 + Bump(x - Functions(x, y));
    }

    [Differentiable(Derivatives.Hessian)]
    public static double Norms(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double scale)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return scale * Bump(sum) + Spread(a);
    }

    [Differentiable(Derivatives.Hessian)]
    public static double Spread(ReadOnlySpan<double> a)
    {
        double mean = 0;
        for (int i = 0; i < a.Length; i++)
        {
            mean += a[i] / a.Length;
        }

        double spread = 0;
        foreach (double v in a)
        {
            spread += Math.Abs(v - mean) * Math.Log(1 + v * v);
        }

        return spread;
    }

    // A ReLU/tanh network with a hinge term: the adjoint sweep skips zero gradients, which must not skip their tangents.
    [Differentiable(Derivatives.Hessian)]
    public static double Mlp(ReadOnlySpan<double> p, [NoDerivative] ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys)
    {
        Span<double> hidden = stackalloc double[4];
        double loss = 0;
        for (int n = 0; n < ys.Length; n++)
        {
            for (int j = 0; j < 4; j++)
            {
                double a = p[12 + j];
                for (int i = 0; i < 3; i++)
                {
                    a += p[j * 3 + i] * xs[n * 3 + i];
                }

                hidden[j] = j % 2 == 0 ? Math.Tanh(a) : Math.Max(0.0, a) * a;
            }

            double output = p[20];
            for (int j = 0; j < 4; j++)
            {
                output += p[16 + j] * hidden[j] * hidden[j];
            }

            double error = output - ys[n];
            loss += error * error + Math.Max(0, 1 - output * ys[n]);
        }

        return loss / ys.Length;
    }

    // The loop form of a network (layer sizes, a running offset, a ReLU on hidden layers only, read back from the
    // stored output) over points whose iterations take their adjoints along, with a hinge term.
    [Differentiable(Derivatives.Hessian)]
    public static double Layered(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<int> sizes, [NoDerivative] ReadOnlySpan<double> xs)
    {
        Span<double> a = stackalloc double[6];
        double loss = 0;
        for (int p = 0; p < xs.Length; p++)
        {
            a[0] = xs[p];
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
                        sum += w[next + i] * Math.Tanh(a[input + i]);
                    }

                    a[output + j] = layer < sizes.Length - 1 ? Math.Max(0.0, sum) : sum;
                    next += fanIn + 1;
                }

                input = output;
            }

            loss += a[input] * a[input] + Math.Max(0, 1 - a[input] * xs[p]);
        }

        return loss / xs.Length;
    }

    // Ints that change inside branches, a break, and a value overwritten in a while loop.
    [Differentiable(Derivatives.Hessian)]
    public static double Steps(double x, double y, int n)
    {
        double acc = x;
        int k = 0;
        int flips = 0;
        while (k < n)
        {
            if (acc * y > 0.3)
            {
                acc = Math.Sin(acc * y) + x;
                flips++;
            }
            else
            {
                acc = acc * acc * 0.5 + y;
                k += flips % 2;
            }

            if (flips > 5)
            {
                break;
            }

            k++;
        }

        return acc * Math.Exp(-y * y) + flips * x;
    }

    // d²/dx² = ¼e^(x/2)·y + (y² + 1)/r³, d²/dxdy = ½e^(x/2) − xy/r³, d²/dy² = (x² + 1)/r³ with r = √(x² + y² + 1).
    [Differentiable(Derivatives.Hessian)]
    public static float Floats(float x, float y) => MathF.Exp(x * 0.5f) * y + MathF.Sqrt(x * x + y * y + 1f);

    public static double Rosenbrock_Gradient(double[] p, double[] g) => RosenbrockWithGradient(p[0], p[1], out g[0], out g[1]);
    public static double Rosenbrock_Hvp(double[] p, double[] v, double[] g, double[] h) => RosenbrockHessianVectorProduct(p[0], p[1], v[0], v[1], out g[0], out g[1], out h[0], out h[1]);
    public static double Rosenbrock_Hessian(double[] p, double[] g, double[] m) => RosenbrockWithHessian(p[0], p[1], out g[0], out g[1], m);

    public static double Smooth_Gradient(double[] p, double[] g) => SmoothWithGradient(p[0], p[1], p[2], out g[0], out g[1], out g[2]);
    public static double Smooth_Hvp(double[] p, double[] v, double[] g, double[] h) => SmoothHessianVectorProduct(p[0], p[1], p[2], v[0], v[1], v[2], out g[0], out g[1], out g[2], out h[0], out h[1], out h[2]);
    public static double Smooth_Hessian(double[] p, double[] g, double[] m) => SmoothWithHessian(p[0], p[1], p[2], out g[0], out g[1], out g[2], m);

    public static double Functions_Gradient(double[] p, double[] g) => FunctionsWithGradient(p[0], p[1], out g[0], out g[1]);
    public static double Functions_Hvp(double[] p, double[] v, double[] g, double[] h) => FunctionsHessianVectorProduct(p[0], p[1], v[0], v[1], out g[0], out g[1], out h[0], out h[1]);
    public static double Functions_Hessian(double[] p, double[] g, double[] m) => FunctionsWithHessian(p[0], p[1], out g[0], out g[1], m);

    // Flattened in parameter order, as WithHessian lays out its rows: w[0..3], then s.
    public static double Loops_Gradient(double[] p, double[] g) => LoopsWithGradient(p.AsSpan(0, 4), p[4], 3, g.AsSpan(0, 4), out g[4]);
    public static double Loops_Hvp(double[] p, double[] v, double[] g, double[] h) => LoopsHessianVectorProduct(p.AsSpan(0, 4), p[4], 3, v.AsSpan(0, 4), v[4], g.AsSpan(0, 4), out g[4], h.AsSpan(0, 4), out h[4]);
    public static double Loops_Hessian(double[] p, double[] g, double[] m) => LoopsWithHessian(p.AsSpan(0, 4), p[4], 3, g.AsSpan(0, 4), out g[4], m);

    public static double Calls_Gradient(double[] p, double[] g) => CallsWithGradient(p[0], p[1], out g[0], out g[1]);
    public static double Calls_Hvp(double[] p, double[] v, double[] g, double[] h) => CallsHessianVectorProduct(p[0], p[1], v[0], v[1], out g[0], out g[1], out h[0], out h[1]);
    public static double Calls_Hessian(double[] p, double[] g, double[] m) => CallsWithHessian(p[0], p[1], out g[0], out g[1], m);

    // a[0..2], b[0..2], then scale.
    public static double Norms_Gradient(double[] p, double[] g) => NormsWithGradient(p.AsSpan(0, 3), p.AsSpan(3, 3), p[6], g.AsSpan(0, 3), g.AsSpan(3, 3), out g[6]);
    public static double Norms_Hvp(double[] p, double[] v, double[] g, double[] h) => NormsHessianVectorProduct(p.AsSpan(0, 3), p.AsSpan(3, 3), p[6], v.AsSpan(0, 3), v.AsSpan(3, 3), v[6], g.AsSpan(0, 3), g.AsSpan(3, 3), out g[6], h.AsSpan(0, 3), h.AsSpan(3, 3), out h[6]);
    public static double Norms_Hessian(double[] p, double[] g, double[] m) => NormsWithHessian(p.AsSpan(0, 3), p.AsSpan(3, 3), p[6], g.AsSpan(0, 3), g.AsSpan(3, 3), out g[6], m);

    private static readonly double[] Xs = [0.5, -1.2, 0.3, 1.1, 0.4, -0.7, -0.2, 0.9, 1.4, 0.8, -0.5, 0.1, -1.0, 0.6, 0.2];
    private static readonly double[] Ys = [1, -1, 1, -1, 1];
    public static double Mlp_Gradient(double[] p, double[] g) => MlpWithGradient(p, Xs, Ys, g);
    public static double Mlp_Hvp(double[] p, double[] v, double[] g, double[] h) => MlpHessianVectorProduct(p, Xs, Ys, v, g, h);
    public static double Mlp_Hessian(double[] p, double[] g, double[] m) => MlpWithHessian(p, Xs, Ys, g, m);

    private static readonly int[] LayeredSizes = [1, 2, 2, 1];
    private static readonly double[] LayeredXs = [0.5, -1.2, 0.3, 1.1];
    public static double Layered_Gradient(double[] p, double[] g) => LayeredWithGradient(p, LayeredSizes, LayeredXs, g);
    public static double Layered_Hvp(double[] p, double[] v, double[] g, double[] h) => LayeredHessianVectorProduct(p, LayeredSizes, LayeredXs, v, g, h);
    public static double Layered_Hessian(double[] p, double[] g, double[] m) => LayeredWithHessian(p, LayeredSizes, LayeredXs, g, m);

    public static double Steps_Gradient(double[] p, double[] g) => StepsWithGradient(p[0], p[1], 9, out g[0], out g[1]);
    public static double Steps_Hvp(double[] p, double[] v, double[] g, double[] h) => StepsHessianVectorProduct(p[0], p[1], 9, v[0], v[1], out g[0], out g[1], out h[0], out h[1]);
    public static double Steps_Hessian(double[] p, double[] g, double[] m) => StepsWithHessian(p[0], p[1], 9, out g[0], out g[1], m);
}
