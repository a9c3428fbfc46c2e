namespace AutoDiff.Benchmarks;

/// <summary>
/// The Gaussian mixture objective of ADBench (arXiv:1807.10129): K components in D dimensions over the
/// points x. Q_k is lower triangular with diagonal exp(q_k) and strictly lower part l_k; Wishart prior (gamma, m).
/// </summary>
public static partial class GeneratedGmm
{
    public const int D = 4;
    public const int K = 5;
    public const int LCount = D * (D - 1) / 2;

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

        Span<double> diagonal = stackalloc double[K * D];
        for (int k = 0; k < K; k++)
        {
            double s = 0;
            for (int d = 0; d < D; d++)
            {
                s += qs[k * D + d];
                diagonal[k * D + d] = Math.Exp(qs[k * D + d]);
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
                    double row = diagonal[k * D + r] * xc[r];
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
                frobenius += diagonal[k * D + d] * diagonal[k * D + d];
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

    /// <summary>Hand-derived gradient: softmax weights per point flow back through Q_k (x_i − μ_k).</summary>
    public static double ObjectiveHandWritten(
        ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> qs, ReadOnlySpan<double> ls,
        ReadOnlySpan<double> x, double gamma, int m,
        Span<double> dalphas, Span<double> dmeans, Span<double> dqs, Span<double> dls, out double dgamma)
    {
        dalphas.Clear();
        dmeans.Clear();
        dqs.Clear();
        dls.Clear();
        int n = x.Length / D;
        Span<double> diag = stackalloc double[K * D];
        Span<double> sums = stackalloc double[K];
        for (int k = 0; k < K; k++)
        {
            sums[k] = 0;
            for (int d = 0; d < D; d++)
            {
                diag[(k * D) + d] = Math.Exp(qs[(k * D) + d]);
                sums[k] += qs[(k * D) + d];
            }
        }

        Span<double> xcs = stackalloc double[K * D];
        Span<double> lxcs = stackalloc double[K * D];
        Span<double> mains = stackalloc double[K];
        Span<double> dlxc = stackalloc double[D];
        Span<double> dxc = stackalloc double[D];
        double slse = 0;
        for (int i = 0; i < n; i++)
        {
            double top = double.NegativeInfinity;
            for (int k = 0; k < K; k++)
            {
                var xc = xcs.Slice(k * D, D);
                var lxc = lxcs.Slice(k * D, D);
                for (int d = 0; d < D; d++)
                {
                    xc[d] = x[(i * D) + d] - means[(k * D) + d];
                }

                int li = 0;
                double norm = 0;
                for (int r = 0; r < D; r++)
                {
                    double row = diag[(k * D) + r] * xc[r];
                    for (int c = 0; c < r; c++)
                    {
                        row += ls[(k * LCount) + li++] * xc[c];
                    }

                    lxc[r] = row;
                    norm += row * row;
                }

                mains[k] = alphas[k] + sums[k] - (0.5 * norm);
                top = Math.Max(top, mains[k]);
            }

            double total = 0;
            for (int k = 0; k < K; k++)
            {
                mains[k] = Math.Exp(mains[k] - top);
                total += mains[k];
            }

            slse += top + Math.Log(total);
            for (int k = 0; k < K; k++)
            {
                var weight = mains[k] / total;
                var xc = xcs.Slice(k * D, D);
                var lxc = lxcs.Slice(k * D, D);
                dalphas[k] += weight;
                dxc.Clear();
                int li = 0;
                for (int r = 0; r < D; r++)
                {
                    dqs[(k * D) + r] += weight;
                    dlxc[r] = -weight * lxc[r];
                    dqs[(k * D) + r] += dlxc[r] * diag[(k * D) + r] * xc[r];
                    dxc[r] += dlxc[r] * diag[(k * D) + r];
                    for (int c = 0; c < r; c++)
                    {
                        dls[(k * LCount) + li] += dlxc[r] * xc[c];
                        dxc[c] += dlxc[r] * ls[(k * LCount) + li];
                        li++;
                    }
                }

                for (int d = 0; d < D; d++)
                {
                    dmeans[(k * D) + d] -= dxc[d];
                }
            }
        }

        double amax = double.NegativeInfinity;
        for (int k = 0; k < K; k++)
        {
            amax = Math.Max(amax, alphas[k]);
        }

        double asum = 0;
        for (int k = 0; k < K; k++)
        {
            asum += Math.Exp(alphas[k] - amax);
        }

        for (int k = 0; k < K; k++)
        {
            dalphas[k] -= n * Math.Exp(alphas[k] - amax) / asum;
        }

        double prior = 0;
        double frobeniusTotal = 0;
        for (int k = 0; k < K; k++)
        {
            double frobenius = 0;
            for (int d = 0; d < D; d++)
            {
                var square = diag[(k * D) + d] * diag[(k * D) + d];
                frobenius += square;
                dqs[(k * D) + d] += (gamma * gamma * square) - m;
            }

            for (int j = 0; j < LCount; j++)
            {
                var l = ls[(k * LCount) + j];
                frobenius += l * l;
                dls[(k * LCount) + j] += gamma * gamma * l;
            }

            frobeniusTotal += frobenius;
            prior += (0.5 * gamma * gamma * frobenius) - (m * sums[k]);
        }

        dgamma = gamma * frobeniusTotal;
        const double halfLog2Pi = 0.91893853320467274178;
        return (-n * D * halfLog2Pi) + slse - (n * (amax + Math.Log(asum))) + prior;
    }
}
