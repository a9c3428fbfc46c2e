using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff;

/// <summary>
/// A value-only Math.NET <see cref="IObjectiveFunction"/> that counts its calls: what Math.NET's finite-difference
/// gradient (<c>ForwardDifferenceGradientObjectiveFunction</c>) wraps, so its evaluations can be compared with a
/// generated gradient's.
/// </summary>
public sealed class CountedValueObjectiveFunction : IObjectiveFunction
{
    private readonly ValueOnly function;
    private Vector<double>? point;
    private double value;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="dimension">Number of parameters; every point must have this length.</param>
    /// <param name="function">The objective.</param>
    /// <param name="counter">Counts the calls of <paramref name="function"/>; a new one when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public CountedValueObjectiveFunction(int dimension, ValueOnly function, EvaluationCounter? counter = null)
    {
        Dimension = PointChecks.Dimension(dimension);
        this.function = function ?? throw new ArgumentNullException(nameof(function));
        Counter = counter ?? new EvaluationCounter();
    }

    /// <summary>Number of parameters.</summary>
    public int Dimension { get; }

    /// <summary>Calls of the function by this objective and all its copies.</summary>
    public EvaluationCounter Counter { get; }

    /// <inheritdoc/>
    public Vector<double> Point => PointChecks.Evaluated(point);

    /// <inheritdoc/>
    public double Value
    {
        get
        {
            PointChecks.Evaluated(point);
            return value;
        }
    }

    /// <inheritdoc/>
    public bool IsGradientSupported => false;

    /// <inheritdoc/>
    public bool IsHessianSupported => false;

    /// <inheritdoc/>
    public Vector<double> Gradient => throw new NotSupportedException("This objective has no gradient; wrap it in ForwardDifferenceGradientObjectiveFunction or use a generated gradient.");

    /// <inheritdoc/>
    public Matrix<double> Hessian => throw new NotSupportedException("This objective has no Hessian.");

    /// <inheritdoc/>
    // Eager, like Math.NET's own value objective: its finite differences read Value right after EvaluateAt.
    public void EvaluateAt(Vector<double> point)
    {
        PointChecks.Point(point, Dimension);
        value = function(PointChecks.AsSpan(point));
        Counter.Increment();
        this.point = point;
    }

    /// <inheritdoc/>
    public IObjectiveFunction CreateNew() => new CountedValueObjectiveFunction(Dimension, function, Counter);

    /// <inheritdoc/>
    public IObjectiveFunction Fork() => new CountedValueObjectiveFunction(Dimension, function, Counter) { point = point, value = value };
}
