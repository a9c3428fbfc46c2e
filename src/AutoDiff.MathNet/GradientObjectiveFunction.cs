using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff;

/// <summary>
/// A Math.NET <see cref="IObjectiveFunction"/> on a gradient such as a generated <c>FWithGradient</c>: one call gives
/// the value and the gradient, made lazily the first time either is read after <see cref="CountedObjectiveFunction.EvaluateAt"/>.
/// </summary>
public sealed class GradientObjectiveFunction : CountedObjectiveFunction
{
    private readonly ValueAndGradient function;
    private double value;
    private Vector<double>? gradient;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="dimension">Number of parameters; every point must have this length.</param>
    /// <param name="function">Value and gradient at a point.</param>
    /// <param name="counter">Counts the calls of <paramref name="function"/>; a new one when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public GradientObjectiveFunction(int dimension, ValueAndGradient function, EvaluationCounter? counter = null)
        : base(dimension, counter)
    {
        this.function = function ?? throw new ArgumentNullException(nameof(function));
    }

    /// <inheritdoc/>
    public override double Value
    {
        get
        {
            Evaluate();
            return value;
        }
    }

    /// <inheritdoc/>
    public override Vector<double> Gradient
    {
        get
        {
            Evaluate();
            return gradient!;
        }
    }

    /// <inheritdoc/>
    public override bool IsGradientSupported => true;

    /// <inheritdoc/>
    public override IObjectiveFunction CreateNew() => new GradientObjectiveFunction(Dimension, function, Counter);

    /// <inheritdoc/>
    // Minimizers keep forks as the previous iterate, so the fork gets its own gradient vector.
    public override IObjectiveFunction Fork() =>
        WithPointOf(new GradientObjectiveFunction(Dimension, function, Counter) { value = value, gradient = gradient?.Clone() });

    private protected override void OnEvaluateAt(Vector<double> point) => gradient = null;

    private void Evaluate()
    {
        Vector<double> at = Point;
        if (gradient is not null)
        {
            return;
        }

        var result = new double[Dimension];
        value = function(AsSpan(at), result);
        Counter.Increment();
        gradient = Vector<double>.Build.Dense(result);
    }
}
