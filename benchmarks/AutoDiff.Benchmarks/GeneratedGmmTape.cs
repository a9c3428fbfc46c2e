namespace AutoDiff.Benchmarks;

/// <summary>The GMM objective on the runtime tape, for comparison with generated and hand-written gradients.</summary>
public static partial class GeneratedGmm
{
    public static double ObjectiveOnTape(Value[] alphas, Value[] means, Value[] qs, Value[] ls, double[] x, Value gamma, int m)
    {
        int n = x.Length / D;
        var sums = new Value[K];
        for (int k = 0; k < K; k++)
        {
            Value s = 0;
            for (int d = 0; d < D; d++)
            {
                s += qs[(k * D) + d];
            }

            sums[k] = s;
        }

        Value slse = 0;
        var mains = new Value[K];
        var xc = new Value[D];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < K; k++)
            {
                for (int d = 0; d < D; d++)
                {
                    xc[d] = x[(i * D) + d] - means[(k * D) + d];
                }

                int li = 0;
                Value norm = 0;
                for (int r = 0; r < D; r++)
                {
                    var row = qs[(k * D) + r].Exp() * xc[r];
                    for (int c = 0; c < r; c++)
                    {
                        row += ls[(k * LCount) + li++] * xc[c];
                    }

                    norm += row * row;
                }

                mains[k] = alphas[k] + sums[k] - (0.5 * norm);
            }

            slse += LogSumExp(mains);
        }

        Value prior = 0;
        for (int k = 0; k < K; k++)
        {
            Value frobenius = 0;
            for (int d = 0; d < D; d++)
            {
                frobenius += (2 * qs[(k * D) + d]).Exp();
            }

            for (int j = 0; j < LCount; j++)
            {
                frobenius += ls[(k * LCount) + j] * ls[(k * LCount) + j];
            }

            prior += (0.5 * gamma * gamma * frobenius) - (m * sums[k]);
        }

        const double halfLog2Pi = 0.91893853320467274178;
        var result = (-n * D * halfLog2Pi) + slse - (n * LogSumExp(alphas)) + prior;
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
