namespace AutoDiff.Samples.Moons.Data;

/// <summary>
/// A seeded two-moons set shaped like scikit-learn's <c>make_moons</c>: half the points on the upper half
/// circle (label -1), the rest on the lower half circle shifted by (1, -0.5) (label +1), shuffled, then moved
/// by Gaussian noise. micrograd's demo trains on <c>make_moons(n_samples=100, noise=0.1)</c> with labels
/// mapped to -1/+1 the same way.
/// </summary>
public sealed class MoonsDataSet
{
    /// <summary>Numbers per point in <see cref="ToInterleaved"/>: x, y, label.</summary>
    public const int Stride = 3;

    private readonly MoonPoint[] _points;

    private MoonsDataSet(MoonPoint[] points) => _points = points;

    /// <summary>The points, in shuffled order.</summary>
    public IReadOnlyList<MoonPoint> Points => _points;

    /// <summary>The number of points.</summary>
    public int Count => _points.Length;

    /// <summary>Generates the set.</summary>
    /// <param name="count">Number of points, at least 2 (one per moon).</param>
    /// <param name="noise">Standard deviation of the Gaussian noise added to both coordinates; 0 puts points on the arcs.</param>
    /// <param name="seed">Seed of the shuffle and the noise: the same seed gives the same set.</param>
    /// <returns>The data set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 points, or a negative or non-finite noise.</exception>
    public static MoonsDataSet Generate(int count, double noise, int seed)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The two-moons set needs at least 2 points, one per moon.");
        }

        if (!(noise >= 0.0 && double.IsFinite(noise)))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "The noise must be a finite number >= 0.");
        }

        // As in scikit-learn the upper moon gets the smaller half when the count is odd.
        int upperCount = count / 2;
        int lowerCount = count - upperCount;
        var points = new MoonPoint[count];
        for (int i = 0; i < upperCount; i++)
        {
            double angle = Math.PI * Fraction(i, upperCount);
            points[i] = new MoonPoint(Math.Cos(angle), Math.Sin(angle), -1.0);
        }

        for (int i = 0; i < lowerCount; i++)
        {
            double angle = Math.PI * Fraction(i, lowerCount);
            points[upperCount + i] = new MoonPoint(1.0 - Math.Cos(angle), 0.5 - Math.Sin(angle), +1.0);
        }

        var random = new Random(seed);
        random.Shuffle(points);
        for (int i = 0; i < count; i++)
        {
            MoonPoint p = points[i];
            points[i] = p with { X = p.X + noise * StandardNormal(random), Y = p.Y + noise * StandardNormal(random) };
        }

        return new MoonsDataSet(points);
    }

    /// <summary>
    /// The points as one flat array of (x, y, label) triples: the <c>[NoDerivative]</c> data span the
    /// generated loss reads.
    /// </summary>
    /// <returns>A new array of <see cref="Count"/> × <see cref="Stride"/> numbers.</returns>
    public double[] ToInterleaved()
    {
        var data = new double[_points.Length * Stride];
        for (int i = 0; i < _points.Length; i++)
        {
            data[Stride * i] = _points[i].X;
            data[Stride * i + 1] = _points[i].Y;
            data[Stride * i + 2] = _points[i].Label;
        }

        return data;
    }

    // Evenly spaced angles from 0 to π inclusive, like numpy's linspace(0, pi, n).
    private static double Fraction(int index, int count) => count == 1 ? 0.0 : (double)index / (count - 1);

    // Box–Muller: one standard normal sample from two uniforms (1 - u keeps the logarithm's argument above 0).
    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
