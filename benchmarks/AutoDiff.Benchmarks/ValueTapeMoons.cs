namespace AutoDiff.Benchmarks;

/// <summary>
/// A seeded two-moons set shaped like scikit-learn's <c>make_moons(n_samples=100, noise=0.1)</c>, which
/// micrograd's demo trains on: half the points on the upper arc, half on the lower shifted arc, labels ±1.
/// </summary>
internal static class ValueTapeMoons
{
    public static (double[][] Points, double[] Labels) Generate(int count, double noise, int seed)
    {
        var random = new Random(seed);
        var points = new double[count][];
        var labels = new double[count];
        int upper = count / 2;
        for (int i = 0; i < count; i++)
        {
            bool isUpper = i < upper;
            int k = isUpper ? i : i - upper;
            int n = isUpper ? upper : count - upper;
            double t = Math.PI * k / Math.Max(1, n - 1);
            double x = isUpper ? Math.Cos(t) : 1.0 - Math.Cos(t);
            double y = isUpper ? Math.Sin(t) : 0.5 - Math.Sin(t);
            points[i] = [x + noise * Gaussian(random), y + noise * Gaussian(random)];
            labels[i] = isUpper ? -1.0 : 1.0;
        }

        return (points, labels);
    }

    // Box–Muller: one standard normal sample from two uniforms.
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
