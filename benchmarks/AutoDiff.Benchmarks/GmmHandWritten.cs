using System.Buffers;

namespace AutoDiff.Benchmarks;

/// <summary>
/// The GMM gradient as a careful engineer writes it by hand (what ADBench's "Manual" C++ is): one forward pass
/// per point that keeps each component's x - mu_k and Q_k (x - mu_k), the log-sum-exp's derivative in closed form
/// (softmax weights), then each component's partials scaled by its weight. No stack, nothing recorded.
/// </summary>
public static class GmmHandWritten
{
    public static double ObjectiveWithGradient(
        ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, ReadOnlySpan<double> x,
        double gamma, int m, int d, int k, Span<double> dalphas, Span<double> dmeans, Span<double> dicf)
    {
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        int lSize = icfSize - d;
        dalphas.Clear();
        dmeans.Clear();
        dicf.Clear();

        double[] rented = ArrayPool<double>.Shared.Rent((3 * d * k) + (2 * k) + d);
        Span<double> scratch = rented;
        var qdiags = scratch.Slice(0, d * k);
        var xcs = scratch.Slice(d * k, d * k);
        var qxcs = scratch.Slice(2 * d * k, d * k);
        var sumQs = scratch.Slice(3 * d * k, k);
        var weights = scratch.Slice((3 * d * k) + k, k);
        var weighted = scratch.Slice((3 * d * k) + (2 * k), d);

        for (int ik = 0; ik < k; ik++)
        {
            double sumQ = 0;
            for (int id = 0; id < d; id++)
            {
                sumQ += icf[(ik * icfSize) + id];
                qdiags[(ik * d) + id] = Math.Exp(icf[(ik * icfSize) + id]);
            }

            sumQs[ik] = sumQ;
        }

        double slse = 0;
        for (int ix = 0; ix < n; ix++)
        {
            var point = x.Slice(ix * d, d);
            double top = double.NegativeInfinity;
            for (int ik = 0; ik < k; ik++)
            {
                var xc = xcs.Slice(ik * d, d);
                var qxc = qxcs.Slice(ik * d, d);
                var qdiag = qdiags.Slice(ik * d, d);
                var lower = icf.Slice((ik * icfSize) + d, lSize);
                var mean = means.Slice(ik * d, d);
                for (int id = 0; id < d; id++)
                {
                    xc[id] = point[id] - mean[id];
                    qxc[id] = qdiag[id] * xc[id];
                }

                int li = 0;
                for (int i = 0; i < d; i++)
                {
                    double xci = xc[i];
                    for (int j = i + 1; j < d; j++)
                    {
                        qxc[j] += lower[li++] * xci;
                    }
                }

                double sqnorm = 0;
                for (int id = 0; id < d; id++)
                {
                    sqnorm += qxc[id] * qxc[id];
                }

                weights[ik] = alphas[ik] + sumQs[ik] - (0.5 * sqnorm);
                top = Math.Max(top, weights[ik]);
            }

            double total = 0;
            for (int ik = 0; ik < k; ik++)
            {
                weights[ik] = Math.Exp(weights[ik] - top);
                total += weights[ik];
            }

            slse += top + Math.Log(total);
            double inverseTotal = 1 / total;
            for (int ik = 0; ik < k; ik++)
            {
                // d main_k: 1 to alpha_k; 1 - Qdiag_j xc_j (Q xc)_j to q_kj; -(Q xc)_j xc_i to L_k(j, i);
                // Q^T Q xc to mu_k. Each is scaled by the component's softmax weight w.
                double w = weights[ik] * inverseTotal;
                var xc = xcs.Slice(ik * d, d);
                var qxc = qxcs.Slice(ik * d, d);
                var qdiag = qdiags.Slice(ik * d, d);
                var lower = icf.Slice((ik * icfSize) + d, lSize);
                var dq = dicf.Slice(ik * icfSize, d);
                var dlower = dicf.Slice((ik * icfSize) + d, lSize);
                var dmean = dmeans.Slice(ik * d, d);
                dalphas[ik] += w;
                for (int id = 0; id < d; id++)
                {
                    weighted[id] = w * qxc[id];
                    dq[id] += w - (qdiag[id] * xc[id] * weighted[id]);
                }

                // One pass over L_k's column i gives both its adjoint and row i of Q_k^T (w Q xc).
                int li = 0;
                for (int i = 0; i < d; i++)
                {
                    double xci = xc[i];
                    double qtv = qdiag[i] * weighted[i];
                    for (int j = i + 1; j < d; j++)
                    {
                        dlower[li] -= weighted[j] * xci;
                        qtv += lower[li] * weighted[j];
                        li++;
                    }

                    dmean[i] += qtv;
                }
            }
        }

        double alphaTop = double.NegativeInfinity;
        for (int ik = 0; ik < k; ik++)
        {
            alphaTop = Math.Max(alphaTop, alphas[ik]);
        }

        double alphaTotal = 0;
        for (int ik = 0; ik < k; ik++)
        {
            alphaTotal += Math.Exp(alphas[ik] - alphaTop);
        }

        double prior = 0;
        double gammaSquared = gamma * gamma;
        for (int ik = 0; ik < k; ik++)
        {
            dalphas[ik] -= n * Math.Exp(alphas[ik] - alphaTop) / alphaTotal;
            double frobenius = 0;
            for (int id = 0; id < d; id++)
            {
                double square = qdiags[(ik * d) + id] * qdiags[(ik * d) + id];
                frobenius += square;
                dicf[(ik * icfSize) + id] += (gammaSquared * square) - m;
            }

            for (int j = (ik * icfSize) + d; j < (ik + 1) * icfSize; j++)
            {
                frobenius += icf[j] * icf[j];
                dicf[j] += gammaSquared * icf[j];
            }

            prior += (0.5 * gammaSquared * frobenius) - (m * sumQs[ik]);
        }

        ArrayPool<double>.Shared.Return(rented);
        double constant = -n * d * 0.5 * Math.Log(2 * Math.PI);
        return constant + slse - (n * (alphaTop + Math.Log(alphaTotal))) + prior - (k * WishartConstant.Of(d, m, gamma));
    }
}
