namespace AutoDiff.Benchmarks;

/// <summary>
/// One ADBench GMM instance: d dimensions, k components, n points, in ADBench's layout (see <see cref="GeneratedGmm"/>).
/// </summary>
public sealed record GmmInput(int D, int K, int N, double[] Alphas, double[] Means, double[] Icf, double[] X, double Gamma, int M)
{
    public int IcfSize => D * (D + 1) / 2;

    /// <summary>
    /// Draws an instance the way ADBench's <c>data/gmm/gmm-data-gen.py</c> does: alphas, icf and x from the standard
    /// normal, the means uniform on [0, 1), every number rounded to 6 decimals (ADBench writes them with "%.6f"),
    /// gamma = 1 and m = 0. ADBench draws with NumPy and an unrecorded seed; here one <see cref="Random"/> with
    /// <paramref name="seed"/> gives the uniforms and, through Box-Muller, the normals.
    /// </summary>
    public static GmmInput Generate(int d, int k, int n, int seed)
    {
        foreach (var (value, name) in new[] { (d, nameof(d)), (k, nameof(k)), (n, nameof(n)) })
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(name, value, $"A GMM needs d, k and n of at least 1; {name} is {value}.");
            }
        }

        var random = new Random(seed);
        double Uniform() => Math.Round(random.NextDouble(), 6);
        double Normal()
        {
            // Box-Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
            double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            return Math.Round(radius * Math.Cos(2 * Math.PI * random.NextDouble()), 6);
        }

        double[] Draw(int count, Func<double> next)
        {
            var values = new double[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = next();
            }

            return values;
        }

        var alphas = Draw(k, Normal);
        var means = Draw(k * d, Uniform);
        var icf = Draw(k * d * (d + 1) / 2, Normal);
        var x = Draw(n * d, Normal);
        return new GmmInput(d, k, n, alphas, means, icf, x, Gamma: 1, M: 0);
    }

    public double Objective() => GeneratedGmm.Objective(Alphas, Means, Icf, X, Gamma, M, D, K);

    /// <summary>The generated gradient into (alphas, means, icf) adjoints of this instance's lengths.</summary>
    public double GeneratedGradient(GmmGradient into) =>
        GeneratedGmm.ObjectiveWithGradient(Alphas, Means, Icf, X, Gamma, M, D, K, into.Alphas, into.Means, into.Icf);

    public double HandWrittenGradient(GmmGradient into) =>
        GmmHandWritten.ObjectiveWithGradient(Alphas, Means, Icf, X, Gamma, M, D, K, into.Alphas, into.Means, into.Icf);
}

/// <summary>A gradient of a <see cref="GmmInput"/>'s objective, in ADBench's order: alphas, means, icf.</summary>
public sealed class GmmGradient(GmmInput input)
{
    public double[] Alphas { get; } = new double[input.K];
    public double[] Means { get; } = new double[input.K * input.D];
    public double[] Icf { get; } = new double[input.K * input.IcfSize];

    public double[] Flatten() => [.. Alphas, .. Means, .. Icf];
}
