namespace AutoDiff.Benchmarks;

/// <summary>
/// The moons loss as a first draft would write it: each neuron's weighted sum as a <c>+=</c> loop. Same value
/// and gradient as <c>MoonsLoss.Loss</c>; kept to measure what the loop form costs in generated code.
/// </summary>
public static partial class MoonsLoopFormLoss
{
    /// <summary>The training loss; see <c>MoonsLoss.Loss</c> for the layout.</summary>
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> data, int n)
    {
        Span<double> first = stackalloc double[16];
        Span<double> second = stackalloc double[16];
        double hinge = 0.0;
        for (int p = 0; p < n; p++)
        {
            double x = data[3 * p];
            double y = data[3 * p + 1];
            double label = data[3 * p + 2];
            for (int j = 0; j < 16; j++)
            {
                first[j] = Math.Max(0.0, w[3 * j + 2] + w[3 * j] * x + w[3 * j + 1] * y);
            }

            for (int j = 0; j < 16; j++)
            {
                double sum = w[48 + 17 * j + 16];
                for (int i = 0; i < 16; i++)
                {
                    sum += w[48 + 17 * j + i] * first[i];
                }

                second[j] = Math.Max(0.0, sum);
            }

            double score = w[336];
            for (int i = 0; i < 16; i++)
            {
                score += w[320 + i] * second[i];
            }

            hinge += Math.Max(0.0, 1.0 - label * score);
        }

        double squares = 0.0;
        for (int k = 0; k < 337; k++)
        {
            squares += w[k] * w[k];
        }

        return hinge / n + 1e-4 * squares;
    }
}
