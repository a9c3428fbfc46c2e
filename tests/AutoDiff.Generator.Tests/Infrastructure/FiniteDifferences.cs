namespace AutoDiff.Generator.Tests.Infrastructure;

/// <summary>
/// Gradients by central differences D(h) with two Richardson extrapolation steps: R(h) = (4·D(h/2) − D(h)) / 3
/// cancels the h² term, (16·R(h/2) − R(h)) / 15 the h⁴ term, leaving O(h⁶) truncation, so agreement to 1e-7
/// is reachable with h ≈ 1e-3 even for quickly varying functions.
/// </summary>
internal static class FiniteDifferences
{
    public static double[] Gradient(Func<double[], double> f, double[] point)
    {
        var gradient = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var h = 1e-3 * Math.Max(1, Math.Abs(point[i]));
            var d1 = Central(f, point, i, h);
            var d2 = Central(f, point, i, h / 2);
            var d4 = Central(f, point, i, h / 4);
            var r1 = ((4 * d2) - d1) / 3;
            var r2 = ((4 * d4) - d2) / 3;
            gradient[i] = ((16 * r2) - r1) / 15;
        }

        return gradient;
    }

    private static double Central(Func<double[], double> f, double[] point, int i, double h)
    {
        var shifted = (double[])point.Clone();
        shifted[i] = point[i] + h;
        var up = f(shifted);
        shifted[i] = point[i] - h;
        var down = f(shifted);
        return (up - down) / (2 * h);
    }

    /// <summary>
    /// The derivative of a vector function (a gradient) along <paramref name="direction"/>: central differences with
    /// one Richardson step, at two step sizes. Null where the two disagree, which means a kink of the function within
    /// the step (max, abs, a branch), where differences measure neither side.
    /// </summary>
    public static double[]? AlongDirection(Func<double[], double[]> f, double[] point, double[] direction)
    {
        double[] CentralAlong(double h)
        {
            var plus = f(point.Zip(direction, (p, d) => p + (h * d)).ToArray());
            var minus = f(point.Zip(direction, (p, d) => p - (h * d)).ToArray());
            return plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray();
        }

        double[] Richardson(double h) => CentralAlong(h / 2).Zip(CentralAlong(h), (fine, coarse) => ((4 * fine) - coarse) / 3).ToArray();

        var first = Richardson(2e-3);
        var second = Richardson(1e-3);
        return first.Zip(second).All(pair => Math.Abs(pair.First - pair.Second) <= 1e-6 * (1 + Math.Abs(pair.Second))) ? second : null;
    }

    /// <summary>|a − b| relative to the larger magnitude, with magnitudes below 1 treated as 1.</summary>
    public static double RelativeError(double a, double b) => Math.Abs(a - b) / Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
