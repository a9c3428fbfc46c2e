using System;
using AutoDiff;

namespace Corpus;

// Forward mode from the same rules as reverse mode: each function's pushforward is checked against its gradient
// (JVP = ∇f · t) and against finite differences along the tangent.
public static partial class Forward
{
    [Differentiable(Derivatives.Pushforward)]
    public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    [Differentiable(Derivatives.Pushforward)]
    public static double Functions(double x, double y)
    {
        double e = Math.Exp(x * y);
        double t = Math.Tanh(e - y) + Math.Sqrt(1 + x * x);
        t *= Math.Pow(1.5 + y * y, x) / (2 + Math.Sin(y));
        t += Math.Max(x, y) * Math.Clamp(x - y, -0.5, 0.5) + double.Hypot(x, y) + Math.Atan2(y, 2 + x);
        return t - Math.Log(1 + e) + Math.FusedMultiplyAdd(x, y, e);
    }

    [Differentiable(Derivatives.Pushforward)]
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
            j++;
        }

        return acc;
    }

    [Differentiable(Derivatives.Pushforward)]
    public static double Calls(double x, double y)
    {
        var (s, c) = Math.SinCos(x);
        (x, y) = (c * x - s * y, s * x + c * y);
        return Rosenbrock(x, y) * 0.01 + Functions(y, x);
    }

    [Differentiable(Derivatives.Pushforward)]
    public static float Floats(float x, float y) => MathF.Exp(x * 0.5f) * y + MathF.Sqrt(x * x + y * y + 1f);

    public static double Loops_Value(double[] p) => Loops(p.AsSpan(1), p[0], 3);
    public static double Loops_Gradient(double[] p, double[] g) => LoopsWithGradient(p.AsSpan(1), p[0], 3, g.AsSpan(1), out g[0]);
    public static double Loops_Pushforward(double[] p, double[] t, out double tangent) => LoopsPushforward(p.AsSpan(1), p[0], 3, t.AsSpan(1), t[0], out tangent);
    public static double Rosenbrock_Pushforward(double[] p, double[] t, out double tangent) => RosenbrockPushforward(p[0], p[1], t[0], t[1], out tangent);
    public static double Functions_Pushforward(double[] p, double[] t, out double tangent) => FunctionsPushforward(p[0], p[1], t[0], t[1], out tangent);
    public static double Calls_Pushforward(double[] p, double[] t, out double tangent) => CallsPushforward(p[0], p[1], t[0], t[1], out tangent);
}
