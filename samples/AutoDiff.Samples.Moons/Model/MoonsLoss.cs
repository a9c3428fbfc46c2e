namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// The whole training objective as one differentiable function of the flat weight vector: the network of
/// <see cref="MoonsNetwork"/> on every point, micrograd's SVM max-margin loss <c>mean(relu(1 - y·score))</c>,
/// plus L2 regularisation <c>1e-4 · Σ w²</c> over all parameters. The generator writes
/// <c>LossWithGradient</c> and <c>LossPullback</c> from this body at compile time.
/// </summary>
public static partial class MoonsLoss
{
    /// <summary>The training loss at weights <paramref name="w"/>.</summary>
    /// <param name="w">The 337 weights and biases in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="data">(x, y, label) triples, as <c>MoonsDataSet.ToInterleaved()</c> lays them out.</param>
    /// <param name="n">The number of points.</param>
    /// <returns>Mean hinge loss plus the L2 penalty.</returns>
    // The literals are MoonsNetwork's layout (16 hidden neurons; layers start at 0, 48 and 320; 337 in all) and micrograd's
    // alpha = 1e-4; the body sticks to what the generator differentiates: loops, span reads, local buffers.
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
