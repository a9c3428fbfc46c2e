using MathNet.Numerics.LinearAlgebra;

namespace AutoDiff;

/// <summary>Argument checks shared by the objectives.</summary>
internal static class PointChecks
{
    public static int Dimension(int dimension) =>
        dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "An objective needs at least one parameter.");

    public static void Point(Vector<double> point, int dimension)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != dimension)
        {
            throw new ArgumentException($"The point has {point.Count} entries but the objective has {dimension} parameters; they must be equal.", nameof(point));
        }
    }

    public static Vector<double> Evaluated(Vector<double>? point) =>
        point ?? throw new InvalidOperationException("The objective has not been evaluated yet: call EvaluateAt(point) first.");

    // Math.NET's dense vectors wrap an array, which the span reads without copying.
    public static ReadOnlySpan<double> AsSpan(Vector<double> point) => point.AsArray() ?? point.ToArray();
}
