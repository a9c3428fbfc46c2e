using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// The Gaussian mixture objective of ADBench (Srajer, Kukelova, Fitzgibbon, arXiv:1807.10129), with
/// K components in D dimensions over N points. Each Q_k is lower triangular: diagonal exp(qDiag), strictly
/// lower part l (packed row by row). Wishart prior with gamma, m.
/// </summary>
public static partial class Gmm
{
    public const int D = 2;
    public const int K = 3;

    [Differentiable]
    public static double Objective(
        ReadOnlySpan<double> alphas,
        ReadOnlySpan<double> means,
        ReadOnlySpan<double> qs,
        ReadOnlySpan<double> ls,
        [NoDerivative] ReadOnlySpan<double> x,
        double gamma,
        int m)
    {
        int n = x.Length / D;
        int lCount = D * (D - 1) / 2;
        Span<double> sums = stackalloc double[K];
        Span<double> xc = stackalloc double[D];
        Span<double> lxc = stackalloc double[D];
        Span<double> mains = stackalloc double[K];

        for (int k = 0; k < K; k++)
        {
            double s = 0;
            for (int d = 0; d < D; d++)
            {
                s += qs[k * D + d];
            }

            sums[k] = s;
        }

        double slse = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < K; k++)
            {
                for (int d = 0; d < D; d++)
                {
                    xc[d] = x[i * D + d] - means[k * D + d];
                }

                // lxc = Q_k * xc, with Q_k = diag(exp(q_k)) + strictly lower L_k.
                int li = 0;
                for (int r = 0; r < D; r++)
                {
                    double row = Math.Exp(qs[k * D + r]) * xc[r];
                    for (int c = 0; c < r; c++)
                    {
                        row += ls[k * lCount + li] * xc[c];
                        li++;
                    }

                    lxc[r] = row;
                }

                double norm = 0;
                for (int d = 0; d < D; d++)
                {
                    norm += lxc[d] * lxc[d];
                }

                mains[k] = alphas[k] + sums[k] - 0.5 * norm;
            }

            double top = mains[0];
            for (int k = 1; k < K; k++)
            {
                top = Math.Max(top, mains[k]);
            }

            double total = 0;
            for (int k = 0; k < K; k++)
            {
                total += Math.Exp(mains[k] - top);
            }

            slse += top + Math.Log(total);
        }

        double amax = alphas[0];
        for (int k = 1; k < K; k++)
        {
            amax = Math.Max(amax, alphas[k]);
        }

        double asum = 0;
        for (int k = 0; k < K; k++)
        {
            asum += Math.Exp(alphas[k] - amax);
        }

        double lseAlphas = amax + Math.Log(asum);

        // Wishart prior: sum_k 0.5 gamma^2 (||exp(q_k)||^2 + ||l_k||^2) - m sum(q_k)
        double prior = 0;
        for (int k = 0; k < K; k++)
        {
            double frobenius = 0;
            for (int d = 0; d < D; d++)
            {
                frobenius += Math.Exp(2 * qs[k * D + d]);
            }

            for (int j = 0; j < lCount; j++)
            {
                frobenius += ls[k * lCount + j] * ls[k * lCount + j];
            }

            prior += 0.5 * gamma * gamma * frobenius - m * sums[k];
        }

        const double halfLog2Pi = 0.91893853320467274178;
        return -n * D * halfLog2Pi + slse - n * lseAlphas + prior;
    }

    public const int LCount = D * (D - 1) / 2;
    public const int ParameterCount = K + K * D + K * D + K * LCount;

    public static readonly double[] Points = [0.1, 0.4, -1.2, 0.8, 2.0, -0.5, 0.7, 1.9, -0.3, -0.9];

    public static double Objective_Value(double[] p) =>
        Objective(p.AsSpan(0, K), p.AsSpan(K, K * D), p.AsSpan(K + K * D, K * D), p.AsSpan(K + 2 * K * D), Points, 1.5, 3);

    public static double Objective_Gradient(double[] p, double[] g) =>
        ObjectiveWithGradient(p.AsSpan(0, K), p.AsSpan(K, K * D), p.AsSpan(K + K * D, K * D), p.AsSpan(K + 2 * K * D), Points, 1.5, 3,
            g.AsSpan(0, K), g.AsSpan(K, K * D), g.AsSpan(K + K * D, K * D), g.AsSpan(K + 2 * K * D), out _);

    public static void Objective_Pullback(double[] p, double seed, double[] g)
    {
        double dgamma = 0;
        ObjectivePullback(p.AsSpan(0, K), p.AsSpan(K, K * D), p.AsSpan(K + K * D, K * D), p.AsSpan(K + 2 * K * D), Points, 1.5, 3, seed,
            g.AsSpan(0, K), g.AsSpan(K, K * D), g.AsSpan(K + K * D, K * D), g.AsSpan(K + 2 * K * D), ref dgamma);
    }
}
