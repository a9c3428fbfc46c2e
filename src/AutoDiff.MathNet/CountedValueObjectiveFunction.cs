using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff;

/// <summary>
/// A value-only Math.NET <see cref="IObjectiveFunction"/> that counts its calls: what Math.NET's finite-difference
/// gradient (<c>ForwardDifferenceGradientObjectiveFunction</c>) wraps, so its evaluations can be compared with a
/// generated gradient's.
/// </summary>
public sealed class CountedValueObjectiveFunction : CountedObjectiveFunction
{
    private readonly ValueOnly function;
    private double value;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="dimension">Number of parameters; every point must have this length.</param>
    /// <param name="function">The objective.</param>
    /// <param name="counter">Counts the calls of <paramref name="function"/>; a new one when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public CountedValueObjectiveFunction(int dimension, ValueOnly function, EvaluationCounter? counter = null)
        : base(dimension, counter)
    {
        this.function = function ?? throw new ArgumentNullException(nameof(function));
    }

    /// <inheritdoc/>
    public override double Value
    {
        get
        {
            _ = Point; // throws before the first evaluation
            return value;
        }
    }

    /// <inheritdoc/>
    public override bool IsGradientSupported => false;

    /// <inheritdoc/>
    public override Vector<double> Gradient =>
        throw new NotSupportedException("This objective has no gradient; wrap it in ForwardDifferenceGradientObjectiveFunction or use a generated gradient.");

    /// <inheritdoc/>
    public override IObjectiveFunction CreateNew() => new CountedValueObjectiveFunction(Dimension, function, Counter);

    /// <inheritdoc/>
    public override IObjectiveFunction Fork() => WithPointOf(new CountedValueObjectiveFunction(Dimension, function, Counter) { value = value });

    /// <inheritdoc/>
    // Eager, like Math.NET's own value objective: its finite differences read Value right after EvaluateAt.
    private protected override void OnEvaluateAt(Vector<double> point)
    {
        value = function(AsSpan(point));
        Counter.Increment();
    }
}
