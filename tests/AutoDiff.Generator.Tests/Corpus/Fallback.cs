using System;
using AutoDiff;

namespace Corpus;

/// <summary>Bodies outside the static transformation; the generated members run them on the runtime tape.</summary>
public static partial class Fallback
{
    // Chebyshev polynomial T_n by its recurrence, written recursively.
    [Differentiable]
    public static double Chebyshev(double x, int n) => n == 0 ? 1 : n == 1 ? x : 2 * x * Chebyshev(x, n - 1) - Chebyshev(x, n - 2);

    // A local function with a loop in its body is not differentiated in place (one-expression bodies are).
    [Differentiable]
    public static double WithLocalFunction(double x, double y)
    {
        double Power(double v, int n)
        {
            double p = 1;
            for (int i = 0; i < n; i++)
            {
                p *= v;
            }

            return p;
        }

        return Power(x, 2) + Math.Sin(Power(y, 3) * x);
    }

    [Differentiable]
    public static double Switch(double x, int mode)
    {
        switch (mode)
        {
            case 0:
                return x * x;
            default:
                return Math.Exp(x) / (1 + x * x);
        }
    }

    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v, double scale)
    {
        Func<double, double> square = t => t * t;
        double s = 0;
        foreach (var item in v)
        {
            s += square(item * scale);
        }

        return s == 0 ? 0 : Math.Sqrt(s);
    }

    public static double Chebyshev_Value(double[] p) => Chebyshev(p[0], 5);
    public static double Chebyshev_Gradient(double[] p, double[] g) => ChebyshevWithGradient(p[0], 5, out g[0]);
    public static void Chebyshev_Pullback(double[] p, double seed, double[] g) => ChebyshevPullback(p[0], 5, seed, ref g[0]);

    public static double Switch_Value(double[] p) => Switch(p[0], 1);
    public static double Switch_Gradient(double[] p, double[] g) => SwitchWithGradient(p[0], 1, out g[0]);
    public static void Switch_Pullback(double[] p, double seed, double[] g) => SwitchPullback(p[0], 1, seed, ref g[0]);

    public static double SumOfSquares_Value(double[] p) => SumOfSquares(p.AsSpan(1), p[0]);
    public static double SumOfSquares_Gradient(double[] p, double[] g) => SumOfSquaresWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void SumOfSquares_Pullback(double[] p, double seed, double[] g) => SumOfSquaresPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);
}
