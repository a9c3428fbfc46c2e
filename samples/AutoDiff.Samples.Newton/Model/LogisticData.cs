namespace AutoDiff.Samples.Newton.Model;

/// <summary>A synthetic, seeded logistic-regression problem: features, labels drawn from the model, and the weights that drew them.</summary>
public sealed record LogisticData(double[] Features, double[] Labels, double[] TrueWeights)
{
    public int Count => Labels.Length;

    public int Dimension => TrueWeights.Length;

    /// <summary>
    /// <paramref name="count"/> points with <paramref name="dimension"/> features each: a constant 1 (the bias) and
    /// standard normals of different scales, labelled 1 with probability sigmoid(x·w).
    /// </summary>
    public static LogisticData Generate(int count, int dimension, int seed)
    {
        if (count < 1 || dimension < 2)
        {
            throw new ArgumentOutOfRangeException(count < 1 ? nameof(count) : nameof(dimension), "Need at least one point and two features (the bias and one more).");
        }

        var random = new Random(seed);
        var weights = new double[dimension];
        for (var j = 0; j < dimension; j++)
        {
            weights[j] = (2 * random.NextDouble()) - 1;
        }

        var features = new double[count * dimension];
        var labels = new double[count];
        for (var i = 0; i < count; i++)
        {
            double z = 0;
            for (var j = 0; j < dimension; j++)
            {
                // Scales from 1 to 4 make the problem ill-conditioned enough that step size matters.
                var x = j == 0 ? 1.0 : Normal(random) * (1 + (3.0 * j / dimension));
                features[(i * dimension) + j] = x;
                z += x * weights[j];
            }

            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }

        return new LogisticData(features, labels, weights);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
