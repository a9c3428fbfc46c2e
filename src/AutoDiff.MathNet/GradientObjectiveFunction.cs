using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff;

/// <summary>
/// A Math.NET <see cref="IObjectiveFunction"/> on a gradient such as a generated <c>FWithGradient</c>: one call gives
/// the value and the gradient, made lazily the first time either is read after <see cref="EvaluateAt"/>.
/// </summary>
public sealed class GradientObjectiveFunction : IObjectiveFunction
{
    private readonly ValueAndGradient function;
    private Vector<double>? point;
    private double value;
    private Vector<double>? gradient;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="dimension">Number of parameters; every point must have this length.</param>
    /// <param name="function">Value and gradient at a point.</param>
    /// <param name="counter">Counts the calls of <paramref name="function"/>; a new one when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public GradientObjectiveFunction(int dimension, ValueAndGradient function, EvaluationCounter? counter = null)
    {
        Dimension = PointChecks.Dimension(dimension);
        this.function = function ?? throw new ArgumentNullException(nameof(function));
        Counter = counter ?? new EvaluationCounter();
    }

    /// <summary>Number of parameters.</summary>
    public int Dimension { get; }

    /// <summary>Calls of the gradient function by this objective and all its copies.</summary>
    public EvaluationCounter Counter { get; }

    /// <inheritdoc/>
    public Vector<double> Point => PointChecks.Evaluated(point);

    /// <inheritdoc/>
    public double Value
    {
        get
        {
            Evaluate();
            return value;
        }
    }

    /// <inheritdoc/>
    public Vector<double> Gradient
    {
        get
        {
            Evaluate();
            return gradient!;
        }
    }

    /// <inheritdoc/>
    public bool IsGradientSupported => true;

    /// <inheritdoc/>
    public bool IsHessianSupported => false;

    /// <inheritdoc/>
    public Matrix<double> Hessian => throw new NotSupportedException("This objective has a gradient but no Hessian; use a gradient-based minimizer.");

    /// <inheritdoc/>
    public void EvaluateAt(Vector<double> point)
    {
        PointChecks.Point(point, Dimension);
        this.point = point;
        gradient = null;
    }

    /// <inheritdoc/>
    public IObjectiveFunction CreateNew() => new GradientObjectiveFunction(Dimension, function, Counter);

    /// <inheritdoc/>
    // Minimizers keep forks as the previous iterate, so the fork gets its own gradient vector.
    public IObjectiveFunction Fork() =>
        new GradientObjectiveFunction(Dimension, function, Counter) { point = point, value = value, gradient = gradient?.Clone() };

    private void Evaluate()
    {
        Vector<double> at = PointChecks.Evaluated(point);
        if (gradient is not null)
        {
            return;
        }

        var result = new double[Dimension];
        value = function(PointChecks.AsSpan(at), result);
        Counter.Increment();
        gradient = Vector<double>.Build.Dense(result);
    }
}
