using MathNet.Numerics.LinearAlgebra;

namespace AutoDiff.MathNet.Tests;

public class ForwardDifferenceTests
{
    [Fact]
    public void One_gradient_costs_one_call_per_parameter_plus_the_value()
    {
        double[] point = [0.5, -0.3, 1.5];
        var counter = new EvaluationCounter();
        var objective = MathNetObjective.ForwardDifference(point.Length, x => TestFunctions.Rosenbrock(x), counter);

        objective.EvaluateAt(Vector<double>.Build.DenseOfArray(point));
        double[] gradient = objective.Gradient.ToArray();

        Assert.Equal(1 + point.Length, counter.Count);
        double[] exact = TestFunctions.RosenbrockGradientByHand(point);
        for (int i = 0; i < point.Length; i++)
        {
            // Forward differences with Math.NET's relative step 1e-5 are accurate to about 1e-3 here.
            Assert.True(Math.Abs(gradient[i] - exact[i]) <= 1e-3 * Math.Max(1.0, Math.Abs(exact[i])), $"{i}: {gradient[i]} vs {exact[i]}");
        }
    }

    [Fact]
    public void The_counted_value_objective_rejects_gradients_and_wrong_lengths()
    {
        var objective = new CountedValueObjectiveFunction(2, x => x[0] * x[1]);

        Assert.Throws<InvalidOperationException>(() => objective.Value);
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray([2.0, 3.0]));
        Assert.Equal(6.0, objective.Value);
        Assert.Equal(1, objective.Counter.Count);
        Assert.False(objective.IsGradientSupported);
        Assert.Throws<NotSupportedException>(() => objective.Gradient);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => objective.EvaluateAt(Vector<double>.Build.Dense(5))).ParamName);
    }

    [Fact]
    public void Reset_starts_the_count_again()
    {
        var counter = new EvaluationCounter();
        var objective = new CountedValueObjectiveFunction(1, x => x[0], counter);
        objective.EvaluateAt(Vector<double>.Build.Dense(1));
        objective.Fork().EvaluateAt(Vector<double>.Build.Dense(1));
        Assert.Equal(2, counter.Count);

        counter.Reset();

        Assert.Equal(0, counter.Count);
    }
}
