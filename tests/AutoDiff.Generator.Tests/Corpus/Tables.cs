using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Constant tables as numerical code keeps them: <c>static readonly</c> arrays of doubles, floats and ints, read by
/// element, by length and by <c>foreach</c>, in this type and in another one. The generator reads them like
/// <c>[NoDerivative]</c> span parameters. Each function is checked in reverse, forward and second order.
/// </summary>
public static partial class Tables
{
    // Five-point Gauss-Legendre rule on [-1, 1].
    private static readonly double[] Nodes = [-0.906179845938664, -0.5384693101056831, 0.0, 0.5384693101056831, 0.906179845938664];
    private static readonly double[] NodeWeights = [0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647, 0.23692688505618908];

    // The classic fourth-order Runge-Kutta tableau: A row by row (strictly lower), then b and c.
    private static readonly double[] ButcherA = [0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 1, 0];
    private static readonly double[] ButcherB = [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6];
    private static readonly double[] ButcherC = [0, 0.5, 0.5, 1];

    private static readonly int[] Order = [3, 0, 5, 1, 4, 2];
    private static readonly float[] Scales = [1.5f, 0.5f, 2.0f, 0.25f, 1.0f, 0.75f];

    // ∫ exp(-c t²) sin(a t + b) dt over [lower, upper], by the rule mapped onto the interval; x = (a, b, c, lower, upper).
    [Differentiable(Derivatives.All)]
    public static double GaussLegendre(ReadOnlySpan<double> x)
    {
        double half = 0.5 * (x[4] - x[3]);
        double mid = 0.5 * (x[4] + x[3]);
        double s = 0;
        for (int i = 0; i < Nodes.Length; i++)
        {
            double t = mid + (half * Nodes[i]);
            s += NodeWeights[i] * Math.Exp(-x[2] * t * t) * Math.Sin((x[0] * t) + x[1]);
        }

        return half * s;
    }

    // Two steps of RK4 for y' = -p0 y + sin(p1 t) from y(0) = p2, stages from the tableau.
    [Differentiable(Derivatives.All)]
    public static double RungeKutta(ReadOnlySpan<double> p)
    {
        Span<double> k = stackalloc double[4];
        double y = p[2];
        double t = 0;
        double h = 0.25;
        for (int step = 0; step < 2; step++)
        {
            for (int s = 0; s < 4; s++)
            {
                double ys = y;
                for (int j = 0; j < s; j++)
                {
                    ys += h * ButcherA[(s * 4) + j] * k[j];
                }

                k[s] = (-p[0] * ys) + Math.Sin(p[1] * (t + (ButcherC[s] * h)));
            }

            for (int s = 0; s < 4; s++)
            {
                y += h * ButcherB[s] * k[s];
            }

            t += h;
        }

        return y;
    }

    // An int table picks the partner of each element; a float table scales each term.
    [Differentiable(Derivatives.All)]
    public static double Permuted(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < Order.Length; i++)
        {
            s += x[Order[i]] * x[i] * Scales[i];
        }

        return s;
    }

    // foreach over a table of another type, with an int stepped by an int table.
    [Differentiable(Derivatives.All)]
    public static double ForeachTable(ReadOnlySpan<double> x)
    {
        double s = 0;
        int k = 0;
        foreach (double m in Layers.Matrix)
        {
            s += m * Math.Sin(x[k % x.Length] * m);
            k += Order[k % Order.Length] + 1;
        }

        return s;
    }

    // A 3×6 weight table of another type applied row by row (each row read through one window), then tanh.
    [Differentiable(Derivatives.All)]
    public static double MatVec(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int r = 0; r < Layers.Matrix.Length / x.Length; r++)
        {
            double row = Layers.Bias[r];
            for (int i = 0; i < x.Length; i++)
            {
                row += Layers.Matrix[(r * x.Length) + i] * x[i];
            }

            s += Math.Tanh(row) * (r + 1);
        }

        return s;
    }
}

/// <summary>Tables another type holds.</summary>
public static class Layers
{
    public static readonly double[] Matrix =
    [
        0.5, -1.0, 2.0, 0.25, 1.5, -0.75,
        1.0, 0.5, -2.0, 0.3, -0.2, 0.1,
        -0.4, 0.8, 0.6, -1.2, 0.9, 0.2,
    ];

    public static readonly double[] Bias = [0.1, -0.3, 0.2];
}

// The probes' entry points (GradientProbe, SecondOrderTests, PushforwardTests call these by name).
public static partial class Tables
{
    public static double GaussLegendre_Value(double[] p) => GaussLegendre(p);
    public static double GaussLegendre_Gradient(double[] p, double[] g) => GaussLegendreWithGradient(p, g);
    public static void GaussLegendre_Pullback(double[] p, double seed, double[] g) => GaussLegendrePullback(p, seed, g);
    public static double GaussLegendre_Pushforward(double[] p, double[] t, out double tangent) => GaussLegendrePushforward(p, t, out tangent);
    public static double GaussLegendre_Hvp(double[] p, double[] v, double[] g, double[] h) => GaussLegendreHessianVectorProduct(p, v, g, h);
    public static double GaussLegendre_Hessian(double[] p, double[] g, double[] m) => GaussLegendreWithHessian(p, g, m);

    public static double RungeKutta_Value(double[] p) => RungeKutta(p);
    public static double RungeKutta_Gradient(double[] p, double[] g) => RungeKuttaWithGradient(p, g);
    public static void RungeKutta_Pullback(double[] p, double seed, double[] g) => RungeKuttaPullback(p, seed, g);
    public static double RungeKutta_Pushforward(double[] p, double[] t, out double tangent) => RungeKuttaPushforward(p, t, out tangent);
    public static double RungeKutta_Hvp(double[] p, double[] v, double[] g, double[] h) => RungeKuttaHessianVectorProduct(p, v, g, h);
    public static double RungeKutta_Hessian(double[] p, double[] g, double[] m) => RungeKuttaWithHessian(p, g, m);

    public static double Permuted_Value(double[] p) => Permuted(p);
    public static double Permuted_Gradient(double[] p, double[] g) => PermutedWithGradient(p, g);
    public static void Permuted_Pullback(double[] p, double seed, double[] g) => PermutedPullback(p, seed, g);
    public static double Permuted_Pushforward(double[] p, double[] t, out double tangent) => PermutedPushforward(p, t, out tangent);
    public static double Permuted_Hvp(double[] p, double[] v, double[] g, double[] h) => PermutedHessianVectorProduct(p, v, g, h);
    public static double Permuted_Hessian(double[] p, double[] g, double[] m) => PermutedWithHessian(p, g, m);

    public static double ForeachTable_Value(double[] p) => ForeachTable(p);
    public static double ForeachTable_Gradient(double[] p, double[] g) => ForeachTableWithGradient(p, g);
    public static void ForeachTable_Pullback(double[] p, double seed, double[] g) => ForeachTablePullback(p, seed, g);
    public static double ForeachTable_Pushforward(double[] p, double[] t, out double tangent) => ForeachTablePushforward(p, t, out tangent);
    public static double ForeachTable_Hvp(double[] p, double[] v, double[] g, double[] h) => ForeachTableHessianVectorProduct(p, v, g, h);
    public static double ForeachTable_Hessian(double[] p, double[] g, double[] m) => ForeachTableWithHessian(p, g, m);

    public static double MatVec_Value(double[] p) => MatVec(p);
    public static double MatVec_Gradient(double[] p, double[] g) => MatVecWithGradient(p, g);
    public static void MatVec_Pullback(double[] p, double seed, double[] g) => MatVecPullback(p, seed, g);
    public static double MatVec_Pushforward(double[] p, double[] t, out double tangent) => MatVecPushforward(p, t, out tangent);
    public static double MatVec_Hvp(double[] p, double[] v, double[] g, double[] h) => MatVecHessianVectorProduct(p, v, g, h);
    public static double MatVec_Hessian(double[] p, double[] g, double[] m) => MatVecWithHessian(p, g, m);
}
