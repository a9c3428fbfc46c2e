using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization.ObjectiveFunctions;

namespace AutoDiff;

/// <summary>
/// One line from a generated gradient to a Math.NET minimizer:
/// <code>
/// var objective = MathNetObjective.FromGradient(12, (p, dp) => Model.LossWithGradient(p, x, y, dp));
/// MinimizationResult result = new LimitedMemoryBfgsMinimizer(1e-8, 1e-8, 1e-8, 1000).FindMinimum(objective, start);
/// </code>
/// </summary>
public static class MathNetObjective
{
    /// <summary>The objective whose value and gradient come from <paramref name="function"/>.</summary>
    /// <param name="dimension">Number of parameters.</param>
    /// <param name="function">Value and gradient, e.g. a lambda over a generated <c>FWithGradient</c>.</param>
    /// <returns>The objective; its <see cref="CountedObjectiveFunction.Counter"/> counts the calls.</returns>
    public static GradientObjectiveFunction FromGradient(int dimension, ValueAndGradient function) => new(dimension, function);

    /// <summary>
    /// The same objective with Math.NET's own forward-difference gradient (one extra call per parameter per
    /// gradient), counting every call of <paramref name="function"/> in <paramref name="counter"/>.
    /// </summary>
    /// <param name="dimension">Number of parameters.</param>
    /// <param name="function">The objective's value.</param>
    /// <param name="counter">Receives the count of calls.</param>
    /// <returns>Math.NET's finite-difference objective over a counted value objective, unbounded.</returns>
    public static ForwardDifferenceGradientObjectiveFunction ForwardDifference(int dimension, ValueOnly function, EvaluationCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var inner = new CountedValueObjectiveFunction(dimension, function, counter);
        var unbounded = Vector<double>.Build.Dense(dimension, double.PositiveInfinity);
        return new ForwardDifferenceGradientObjectiveFunction(inner, -unbounded, unbounded);
    }
}
