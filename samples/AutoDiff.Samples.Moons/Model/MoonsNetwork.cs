using AutoDiff.Samples.Moons.Data;

namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// The demo's network, micrograd's <c>MLP(2, [16, 16, 1])</c>: two ReLU layers of 16 neurons and a linear
/// output whose sign is the predicted class. Its weights are one flat vector in the order of
/// <c>AutoDiff.NN.MLP.Parameters()</c> — layer by layer, neuron by neuron, each neuron's weights then its
/// bias — so the generated, tape and tensor engines can start from the very same numbers.
/// </summary>
public static class MoonsNetwork
{
    /// <summary>Inputs per point (x, y).</summary>
    public const int Inputs = 2;

    /// <summary>Neurons in each of the two hidden layers.</summary>
    public const int Hidden = 16;

    /// <summary>The layer widths as <c>MLP</c> takes them.</summary>
    public static IReadOnlyList<int> LayerWidths { get; } = [Hidden, Hidden, 1];

    /// <summary>Offset of the second hidden layer's first neuron: 16 neurons × (2 weights + bias) before it.</summary>
    public const int SecondLayerOffset = Hidden * (Inputs + 1);

    /// <summary>Offset of the output neuron: 16 neurons × (16 weights + bias) after the first layer.</summary>
    public const int OutputOffset = SecondLayerOffset + Hidden * (Hidden + 1);

    /// <summary>All weights and biases: 48 + 272 + 17 = 337.</summary>
    public const int ParameterCount = OutputOffset + Hidden + 1;

    /// <summary>
    /// micrograd's initialisation: every weight uniform in [-1, 1), every bias 0, drawn in parameter order
    /// from one seeded generator.
    /// </summary>
    /// <param name="seed">The seed; the same seed gives the same weights.</param>
    /// <returns>A new vector of <see cref="ParameterCount"/> numbers.</returns>
    public static double[] InitialWeights(int seed)
    {
        var random = new Random(seed);
        var weights = new double[ParameterCount];
        int next = 0;
        foreach ((int fanIn, int neurons) in new[] { (Inputs, Hidden), (Hidden, Hidden), (Hidden, 1) })
        {
            for (int neuron = 0; neuron < neurons; neuron++)
            {
                for (int i = 0; i < fanIn; i++)
                {
                    weights[next++] = 2.0 * random.NextDouble() - 1.0;
                }

                weights[next++] = 0.0; // the bias
            }
        }

        return weights;
    }

    /// <summary>The network's output at one point; positive means class +1. Plain forward pass, no gradient.</summary>
    /// <param name="w">The weights in parameter order.</param>
    /// <param name="x">The point's first coordinate.</param>
    /// <param name="y">The point's second coordinate.</param>
    /// <returns>The score.</returns>
    public static double Score(ReadOnlySpan<double> w, double x, double y)
    {
        RequireParameterCount(w);
        Span<double> first = stackalloc double[Hidden];
        for (int j = 0; j < Hidden; j++)
        {
            int o = (Inputs + 1) * j;
            first[j] = Math.Max(0.0, w[o + 2] + w[o] * x + w[o + 1] * y);
        }

        Span<double> second = stackalloc double[Hidden];
        for (int j = 0; j < Hidden; j++)
        {
            int o = SecondLayerOffset + (Hidden + 1) * j;
            double sum = w[o + Hidden];
            for (int i = 0; i < Hidden; i++)
            {
                sum += w[o + i] * first[i];
            }

            second[j] = Math.Max(0.0, sum);
        }

        double score = w[OutputOffset + Hidden];
        for (int i = 0; i < Hidden; i++)
        {
            score += w[OutputOffset + i] * second[i];
        }

        return score;
    }

    /// <summary>micrograd's accuracy: the share of points whose score has the sign of their label.</summary>
    /// <param name="w">The weights in parameter order.</param>
    /// <param name="data">The points.</param>
    /// <returns>A number in [0, 1].</returns>
    public static double Accuracy(ReadOnlySpan<double> w, MoonsDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int correct = 0;
        foreach (MoonPoint p in data.Points)
        {
            if (Score(w, p.X, p.Y) > 0 == p.Label > 0)
            {
                correct++;
            }
        }

        return (double)correct / data.Count;
    }

    /// <summary>Throws unless <paramref name="w"/> holds exactly <see cref="ParameterCount"/> numbers.</summary>
    /// <param name="w">The weights.</param>
    /// <exception cref="ArgumentException">The length is wrong.</exception>
    public static void RequireParameterCount(ReadOnlySpan<double> w)
    {
        if (w.Length != ParameterCount)
        {
            throw new ArgumentException(
                $"The 2-16-16-1 network has {ParameterCount} weights and biases, but the vector has {w.Length}.", nameof(w));
        }
    }
}
