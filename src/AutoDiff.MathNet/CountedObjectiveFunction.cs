using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff;

/// <summary>
/// What the adapter's objectives share: a fixed number of parameters, the point last given to
/// <see cref="EvaluateAt"/> (checked for length), and an <see cref="EvaluationCounter"/> shared with every copy.
/// </summary>
public abstract class CountedObjectiveFunction : IObjectiveFunction
{
    private Vector<double>? point;

    /// <summary>Sets the number of parameters and the counter.</summary>
    /// <param name="dimension">Number of parameters; every point must have this length.</param>
    /// <param name="counter">Counts the calls of the wrapped function; a new one when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    private protected CountedObjectiveFunction(int dimension, EvaluationCounter? counter)
    {
        Dimension = dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "An objective needs at least one parameter.");
        Counter = counter ?? new EvaluationCounter();
    }

    /// <summary>Number of parameters.</summary>
    public int Dimension { get; }

    /// <summary>Calls of the wrapped function by this objective and all its copies.</summary>
    public EvaluationCounter Counter { get; }

    /// <inheritdoc/>
    public Vector<double> Point => point ?? throw new InvalidOperationException("The objective has not been evaluated yet: call EvaluateAt(point) first.");

    /// <inheritdoc/>
    public abstract double Value { get; }

    /// <inheritdoc/>
    public abstract Vector<double> Gradient { get; }

    /// <inheritdoc/>
    public abstract bool IsGradientSupported { get; }

    /// <inheritdoc/>
    public bool IsHessianSupported => false;

    /// <inheritdoc/>
    public Matrix<double> Hessian => throw new NotSupportedException("This objective has no Hessian; use a minimizer that needs at most a gradient.");

    /// <inheritdoc/>
    public void EvaluateAt(Vector<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != Dimension)
        {
            throw new ArgumentException($"The point has {point.Count} entries but the objective has {Dimension} parameters; they must be equal.", nameof(point));
        }

        this.point = point;
        OnEvaluateAt(point);
    }

    /// <inheritdoc/>
    public abstract IObjectiveFunction CreateNew();

    /// <inheritdoc/>
    public abstract IObjectiveFunction Fork();

    /// <summary>Reacts to a new point (evaluate now, or forget the last evaluation).</summary>
    /// <param name="point">The point, of the right length.</param>
    private protected abstract void OnEvaluateAt(Vector<double> point);

    /// <summary>Copies the evaluated point into a fork.</summary>
    /// <param name="fork">The fork.</param>
    /// <returns>The fork.</returns>
    private protected T WithPointOf<T>(T fork)
        where T : CountedObjectiveFunction
    {
        fork.point = point;
        return fork;
    }

    /// <summary>The point as a span, without copying for Math.NET's dense vectors (they wrap an array).</summary>
    /// <param name="point">The point.</param>
    /// <returns>Its entries.</returns>
    private protected static ReadOnlySpan<double> AsSpan(Vector<double> point) => point.AsArray() ?? point.ToArray();
}
