namespace AutoDiff.Benchmarks;

/// <summary>
/// The Gaussian mixture objective of ADBench (Srajer, Kukelova, Fitzgibbon, arXiv:1807.10129), written the way
/// ADBench's reference C++ (<c>src/cpp/shared/gmm.h</c>) writes it, with the dimension <c>d</c> and the number of
/// components <c>k</c> as run-time arguments so one generated gradient serves every size.
/// </summary>
/// <remarks>
/// Layout as in ADBench: <c>alphas</c> holds k log mixture weights; <c>means</c> k rows of d; <c>icf</c> k rows of
/// d(d+1)/2 inverse covariance factors, first the logs of Q_k's diagonal, then its strictly lower part column by
/// column; <c>x</c> n rows of d. The Wishart prior (gamma, m) is a constant of the problem, as in ADBench, so
/// the gradient is with respect to alphas, means and icf only.
/// </remarks>
public static partial class GeneratedGmm
{
    [Differentiable]
    public static double Objective(
        ReadOnlySpan<double> alphas,
        ReadOnlySpan<double> means,
        ReadOnlySpan<double> icf,
        [NoDerivative] ReadOnlySpan<double> x,
        [NoDerivative] double gamma,
        int m,
        int d,
        int k)
    {
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        Span<double> qdiags = stackalloc double[d * k];
        Span<double> sumQs = stackalloc double[k];
        Span<double> xcentered = stackalloc double[d];
        Span<double> qxcentered = stackalloc double[d];
        Span<double> mainTerm = stackalloc double[k];

        // preprocess_qs: each component's sum of log-diagonal entries and its diagonal exp(q).
        for (int ik = 0; ik < k; ik++)
        {
            double sumQ = 0;
            for (int id = 0; id < d; id++)
            {
                sumQ += icf[ik * icfSize + id];
                qdiags[ik * d + id] = Math.Exp(icf[ik * icfSize + id]);
            }

            sumQs[ik] = sumQ;
        }

        double slse = 0;
        for (int ix = 0; ix < n; ix++)
        {
            for (int ik = 0; ik < k; ik++)
            {
                for (int id = 0; id < d; id++)
                {
                    xcentered[id] = x[ix * d + id] - means[ik * d + id];
                }

                // Qtimesx: Q_k (x - mu_k), the strictly lower part read column by column as icf stores it.
                for (int id = 0; id < d; id++)
                {
                    qxcentered[id] = qdiags[ik * d + id] * xcentered[id];
                }

                int lIndex = ik * icfSize + d;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                    {
                        qxcentered[j] += icf[lIndex] * xcentered[i];
                        lIndex++;
                    }
                }

                double sqnorm = 0;
                for (int id = 0; id < d; id++)
                {
                    sqnorm += qxcentered[id] * qxcentered[id];
                }

                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * sqnorm;
            }

            double top = mainTerm[0];
            for (int ik = 1; ik < k; ik++)
            {
                top = Math.Max(top, mainTerm[ik]);
            }

            double total = 0;
            for (int ik = 0; ik < k; ik++)
            {
                total += Math.Exp(mainTerm[ik] - top);
            }

            slse += top + Math.Log(total);
        }

        double alphaTop = alphas[0];
        for (int ik = 1; ik < k; ik++)
        {
            alphaTop = Math.Max(alphaTop, alphas[ik]);
        }

        double alphaTotal = 0;
        for (int ik = 0; ik < k; ik++)
        {
            alphaTotal += Math.Exp(alphas[ik] - alphaTop);
        }

        double lseAlphas = alphaTop + Math.Log(alphaTotal);

        // log_wishart_prior: sum_k 0.5 gamma^2 ||Q_k||_F^2 - m sum(q_k), less k times its normalising constant.
        double prior = 0;
        for (int ik = 0; ik < k; ik++)
        {
            double frobenius = 0;
            for (int id = 0; id < d; id++)
            {
                frobenius += qdiags[ik * d + id] * qdiags[ik * d + id];
            }

            for (int j = ik * icfSize + d; j < (ik + 1) * icfSize; j++)
            {
                frobenius += icf[j] * icf[j];
            }

            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[ik];
        }

        // WishartConstant.Of(d, m, gamma), spelled out: a plain helper may take a double only when it is a
        // compile-time constant, and gamma is a parameter.
        int freedom = d + m + 1;
        double wishart = freedom * d * (Math.Log(gamma) - 0.5 * Math.Log(2)) - WishartConstant.LogMultivariateGammaOfHalf(freedom, d);
        double constant = -n * d * 0.5 * Math.Log(2 * Math.PI);
        return constant + slse - n * lseAlphas + prior - k * wishart;
    }
}
