namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// The whole training objective as one differentiable function of the flat weight vector: the network of
/// <see cref="MoonsNetwork"/> on every point, micrograd's SVM max-margin loss <c>mean(relu(1 - y·score))</c>,
/// plus L2 regularisation <c>1e-4 · Σ w²</c> over all parameters. The generator writes
/// <c>LossWithGradient</c> and <c>LossPullback</c> from this body at compile time.
/// </summary>
public static partial class MoonsLoss
{
    /// <summary>micrograd's L2 strength alpha.</summary>
    public const double RegularizationStrength = 1e-4;

    /// <summary>The training loss at weights <paramref name="w"/>.</summary>
    /// <param name="w">The weights and biases in <see cref="MoonsNetwork"/>'s order.</param>
    /// <param name="sizes">Every layer's width, inputs first, one output last: <see cref="MoonsNetwork.Sizes"/>.</param>
    /// <param name="data">(x, y, label) triples, as <c>MoonsDataSet.ToInterleaved()</c> lays them out.</param>
    /// <param name="n">The number of points.</param>
    /// <returns>Mean hinge loss plus the L2 penalty.</returns>
    // One forward pass over the layers, kept for one point at a time in `a`: the inputs, then each layer's outputs.
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<int> sizes, [NoDerivative] ReadOnlySpan<double> data, int n)
    {
        int layers = sizes.Length;
        int units = 0;
        for (int layer = 0; layer < layers; layer++)
        {
            units += sizes[layer];
        }

        Span<double> a = stackalloc double[units];
        int inputs = sizes[0];
        double hinge = 0.0;
        for (int p = 0; p < n; p++)
        {
            // Each point starts from a clean slate: no point reads what the previous one left in `a`, which lets
            // the generator run each point's adjoint right after it (docs/how-it-works.md, "Independent iterations").
            for (int u = 0; u < a.Length; u++)
            {
                a[u] = 0.0;
            }

            for (int i = 0; i < inputs; i++)
            {
                a[i] = data[(inputs + 1) * p + i];
            }

            int next = 0; // the next neuron's first weight; its bias follows its weights
            int input = 0; // where the layer being read starts in `a`
            for (int layer = 1; layer < layers; layer++)
            {
                int fanIn = sizes[layer - 1];
                int output = input + fanIn;
                for (int j = 0; j < sizes[layer]; j++)
                {
                    double sum = w[next + fanIn];
                    for (int i = 0; i < fanIn; i++)
                    {
                        sum += w[next + i] * a[input + i];
                    }

                    a[output + j] = layer < layers - 1 ? Math.Max(0.0, sum) : sum;
                    next += fanIn + 1;
                }

                input = output;
            }

            double label = data[(inputs + 1) * p + inputs];
            hinge += Math.Max(0.0, 1.0 - label * a[input]);
        }

        double squares = 0.0;
        for (int k = 0; k < w.Length; k++)
        {
            squares += w[k] * w[k];
        }

        return hinge / n + RegularizationStrength * squares;
    }
}
