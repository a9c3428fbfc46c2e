namespace AutoDiff.Benchmarks;

/// <summary>The GMM objective on the runtime tape, for comparison with generated and hand-written gradients.</summary>
public static partial class GeneratedGmm
{
    public static double ObjectiveOnTape(Value[] alphas, Value[] means, Value[] icf, double[] x, double gamma, int m, int d, int k)
    {
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        var sumQs = new Value[k];
        var qdiags = new Value[d * k];
        for (int ik = 0; ik < k; ik++)
        {
            Value sumQ = 0;
            for (int id = 0; id < d; id++)
            {
                sumQ += icf[(ik * icfSize) + id];
                qdiags[(ik * d) + id] = icf[(ik * icfSize) + id].Exp();
            }

            sumQs[ik] = sumQ;
        }

        Value slse = 0;
        var mainTerm = new Value[k];
        var qxcentered = new Value[d];
        var xcentered = new Value[d];
        for (int ix = 0; ix < n; ix++)
        {
            for (int ik = 0; ik < k; ik++)
            {
                for (int id = 0; id < d; id++)
                {
                    xcentered[id] = x[(ix * d) + id] - means[(ik * d) + id];
                    qxcentered[id] = qdiags[(ik * d) + id] * xcentered[id];
                }

                int lIndex = (ik * icfSize) + d;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                    {
                        qxcentered[j] += icf[lIndex++] * xcentered[i];
                    }
                }

                Value sqnorm = 0;
                foreach (var q in qxcentered)
                {
                    sqnorm += q * q;
                }

                mainTerm[ik] = alphas[ik] + sumQs[ik] - (0.5 * sqnorm);
            }

            slse += LogSumExp(mainTerm);
        }

        Value prior = 0;
        for (int ik = 0; ik < k; ik++)
        {
            Value frobenius = 0;
            for (int id = 0; id < d; id++)
            {
                frobenius += qdiags[(ik * d) + id] * qdiags[(ik * d) + id];
            }

            for (int j = (ik * icfSize) + d; j < (ik + 1) * icfSize; j++)
            {
                frobenius += icf[j] * icf[j];
            }

            prior += (0.5 * gamma * gamma * frobenius) - (m * sumQs[ik]);
        }

        double constant = (-n * d * 0.5 * Math.Log(2 * Math.PI)) - (k * WishartConstant.Of(d, m, gamma));
        var result = constant + slse - (n * LogSumExp(alphas)) + prior;
        result.Backward();
        return result.Data;
    }

    private static Value LogSumExp(Value[] values)
    {
        var top = values.Max(v => v.Data);
        Value total = 0;
        foreach (var v in values)
        {
            total += (v - top).Exp();
        }

        return top + total.Log();
    }
}
