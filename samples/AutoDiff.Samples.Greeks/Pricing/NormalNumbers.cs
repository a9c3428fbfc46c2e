namespace AutoDiff.Samples.Greeks.Pricing;

/// <summary>
/// The Monte Carlo randomness, drawn once and shared by every pricing: <c>paths × steps</c> standard normals,
/// path-major, from a seeded generator. Bump-and-revalue on these same numbers is what makes its differences
/// small-noise ("common random numbers").
/// </summary>
public sealed class NormalNumbers
{
    /// <summary>Largest <c>paths × steps</c> accepted: 64 million doubles are half a gigabyte.</summary>
    public const long MaxCount = 64_000_000;

    private readonly double[] values;

    private NormalNumbers(double[] values, int paths, int steps)
    {
        this.values = values;
        Paths = paths;
        Steps = steps;
    }

    /// <summary>Number of paths.</summary>
    public int Paths { get; }

    /// <summary>Normals per path (time steps).</summary>
    public int Steps { get; }

    /// <summary>The normals of one path.</summary>
    /// <param name="path">The path index, 0 ≤ path &lt; <see cref="Paths"/>.</param>
    /// <returns>Its <see cref="Steps"/> numbers.</returns>
    public ReadOnlySpan<double> Path(int path) => values.AsSpan(path * Steps, Steps);

    /// <summary>Draws the numbers with the Marsaglia polar method on <see cref="Random"/> seeded with <paramref name="seed"/>.</summary>
    /// <param name="paths">Number of paths, at least 2 (a standard error needs two).</param>
    /// <param name="steps">Time steps per path, at least 1.</param>
    /// <param name="seed">The seed: equal seeds give equal numbers.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Too few paths or steps, or more than <see cref="MaxCount"/> numbers.</exception>
    public static NormalNumbers Draw(int paths, int steps, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if ((long)paths * steps > MaxCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(paths), $"{paths:N0} paths × {steps:N0} steps = {(long)paths * steps:N0} normals; at most {MaxCount:N0} fit in memory here.");
        }

        var random = new Random(seed);
        var values = new double[paths * steps];
        for (int i = 0; i < values.Length; i += 2)
        {
            double u, v, r;
            do
            {
                u = 2.0 * random.NextDouble() - 1.0;
                v = 2.0 * random.NextDouble() - 1.0;
                r = u * u + v * v;
            }
            while (r >= 1.0 || r == 0.0);

            double scale = Math.Sqrt(-2.0 * Math.Log(r) / r);
            values[i] = u * scale;
            if (i + 1 < values.Length)
            {
                values[i + 1] = v * scale;
            }
        }

        return new NormalNumbers(values, paths, steps);
    }
}
