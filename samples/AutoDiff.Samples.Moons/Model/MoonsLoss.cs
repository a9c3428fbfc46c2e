namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// The whole training objective as one differentiable function of the flat weight vector: the network of
/// <see cref="MoonsNetwork"/> on every point, micrograd's SVM max-margin loss <c>mean(relu(1 - y·score))</c>,
/// plus L2 regularisation <c>1e-4 · Σ w²</c> over all parameters. The generator writes
/// <c>LossWithGradient</c> and <c>LossPullback</c> from this body at compile time.
/// </summary>
public static partial class MoonsLoss
{
    /// <summary>micrograd's L2 strength alpha; the other engines use this constant, the loss body the literal.</summary>
    public const double RegularizationStrength = 1e-4;

    /// <summary>The training loss at weights <paramref name="w"/>.</summary>
    /// <param name="w">The 337 weights and biases in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="data">(x, y, label) triples, as <c>MoonsDataSet.ToInterleaved()</c> lays them out.</param>
    /// <param name="n">The number of points.</param>
    /// <returns>Mean hinge loss plus the L2 penalty.</returns>
    // The literals are MoonsNetwork's layout (16 hidden neurons; layers start at 0, 48 and 320; 337 in all) and
    // micrograd's alpha = 1e-4. The body sticks to what the generator differentiates: loops, span reads, local
    // buffers. Each neuron's weighted sum is one expression, not a += loop: its derivative is then one block the
    // adjoint sweep skips when the neuron passes no gradient back; the loop form runs 2.3-2.6x slower (see
    // docs/benchmarks.md).
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
                int o = 3 * j; // neuron j of layer 1: weights at o, o + 1, bias at o + 2
                first[j] = Math.Max(0.0, w[o + 2] + w[o] * x + w[o + 1] * y);
            }

            for (int j = 0; j < 16; j++)
            {
                int o = 48 + 17 * j; // neuron j of layer 2: 16 weights, then the bias at o + 16
                second[j] = Math.Max(0.0, w[o + 16]
                    + w[o] * first[0] + w[o + 1] * first[1] + w[o + 2] * first[2] + w[o + 3] * first[3]
                    + w[o + 4] * first[4] + w[o + 5] * first[5] + w[o + 6] * first[6] + w[o + 7] * first[7]
                    + w[o + 8] * first[8] + w[o + 9] * first[9] + w[o + 10] * first[10] + w[o + 11] * first[11]
                    + w[o + 12] * first[12] + w[o + 13] * first[13] + w[o + 14] * first[14] + w[o + 15] * first[15]);
            }

            // The output neuron: 16 weights at 320..335, the bias at 336, no ReLU.
            double score = w[336]
                + w[320] * second[0] + w[321] * second[1] + w[322] * second[2] + w[323] * second[3]
                + w[324] * second[4] + w[325] * second[5] + w[326] * second[6] + w[327] * second[7]
                + w[328] * second[8] + w[329] * second[9] + w[330] * second[10] + w[331] * second[11]
                + w[332] * second[12] + w[333] * second[13] + w[334] * second[14] + w[335] * second[15];
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
