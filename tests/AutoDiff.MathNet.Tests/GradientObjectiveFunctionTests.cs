using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff.MathNet.Tests;

public class GradientObjectiveFunctionTests
{
    private static readonly double[] Point = [-1.2, 1.0, 0.5, 2.0];

    // Rosenbrock's classic start; in two dimensions (1, 1) is the only minimum (in four there is a second, local one).
    private static readonly double[] ClassicStart = [-1.2, 1.0];

    private static GradientObjectiveFunction Rosenbrock() =>
        MathNetObjective.FromGradient(Point.Length, TestFunctions.RosenbrockWithGradient);

    [Fact]
    public void Value_and_gradient_are_the_generated_ones_and_match_the_closed_form()
    {
        GradientObjectiveFunction objective = Rosenbrock();
        var point = Vector<double>.Build.DenseOfArray(Point);
        objective.EvaluateAt(point);

        // (1 + 1.2)² + 100 (1 − 1.44)² + (1 − 1)² + 100 (0.5 − 1)² + (1 − 0.5)² + 100 (2 − 0.25)²
        Assert.Equal(4.84 + 19.36 + 0 + 25 + 0.25 + 306.25, objective.Value, 10);
        Assert.Equal(TestFunctions.RosenbrockGradientByHand(Point), objective.Gradient.ToArray(), new ToleranceComparer(1e-10));
        Assert.Same(point, objective.Point);
    }

    [Fact]
    public void One_call_gives_both_value_and_gradient_and_reading_them_again_costs_nothing()
    {
        GradientObjectiveFunction objective = Rosenbrock();
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray(Point));
        Assert.Equal(0, objective.Counter.Count); // lazy: nothing read yet

        _ = objective.Value;
        _ = objective.Gradient;
        _ = objective.Value;
        Assert.Equal(1, objective.Counter.Count);

        objective.EvaluateAt(Vector<double>.Build.Dense(Point.Length, 1.0));
        Assert.Equal(0.0, objective.Value);
        Assert.Equal(2, objective.Counter.Count);
    }

    [Fact]
    public void Forks_and_new_objectives_share_the_counter_and_forks_keep_their_own_gradient()
    {
        GradientObjectiveFunction objective = Rosenbrock();
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray(Point));
        double[] gradient = objective.Gradient.ToArray();

        IObjectiveFunction fork = objective.Fork();
        Assert.Equal(gradient, fork.Gradient.ToArray());
        Assert.Equal(1, objective.Counter.Count); // the fork copied the evaluation

        fork.EvaluateAt(Vector<double>.Build.Dense(Point.Length, 2.0));
        _ = fork.Value;
        IObjectiveFunction fresh = objective.CreateNew();
        fresh.EvaluateAt(Vector<double>.Build.Dense(Point.Length, 3.0));
        _ = fresh.Gradient;

        Assert.Equal(3, objective.Counter.Count);
        Assert.Equal(gradient, objective.Gradient.ToArray()); // the original is untouched by its fork
    }

    [Fact]
    public void Counter_counts_exactly_the_calls_a_minimizer_makes()
    {
        int calls = 0;
        GradientObjectiveFunction objective = MathNetObjective.FromGradient(ClassicStart.Length, (x, g) =>
        {
            calls++;
            return TestFunctions.RosenbrockWithGradient(x, g);
        });

        MinimizationResult result = new BfgsMinimizer(1e-10, 1e-12, 1e-14, 1000).FindMinimum(objective, Vector<double>.Build.DenseOfArray(ClassicStart));

        Assert.Equal(ExitCondition.AbsoluteGradient, result.ReasonForExit);
        Assert.All(result.MinimizingPoint, v => Assert.Equal(1.0, v, 6));
        Assert.True(calls > 0);
        Assert.Equal(calls, objective.Counter.Count);
    }

    [Fact]
    public void Lbfgs_on_the_generated_gradient_gets_closer_with_fewer_evaluations_than_on_forward_differences()
    {
        var start = Vector<double>.Build.DenseOfArray(ClassicStart);
        var minimizer = new LimitedMemoryBfgsMinimizer(1e-6, 1e-12, 1e-14, 5, 10_000);
        GradientObjectiveFunction generated = MathNetObjective.FromGradient(ClassicStart.Length, TestFunctions.RosenbrockWithGradient);
        var counter = new EvaluationCounter();

        MinimizationResult exact = minimizer.FindMinimum(generated, start);
        MinimizationResult differences = minimizer.FindMinimum(MathNetObjective.ForwardDifference(ClassicStart.Length, x => TestFunctions.Rosenbrock(x), counter), start);

        Assert.All(exact.MinimizingPoint, v => Assert.Equal(1.0, v, 5));
        // Forward differences stop short: their gradient error (about 1e-3 here) is above the tolerance's scale.
        Assert.All(differences.MinimizingPoint, v => Assert.Equal(1.0, v, 1));
        Assert.True(generated.Counter.Count < counter.Count, $"generated {generated.Counter.Count}, finite differences {counter.Count}");
    }

    [Fact]
    public void A_point_of_the_wrong_length_is_an_argument_exception_naming_both_lengths()
    {
        GradientObjectiveFunction objective = Rosenbrock();

        var e = Assert.Throws<ArgumentException>(() => objective.EvaluateAt(Vector<double>.Build.Dense(3)));

        Assert.Equal("point", e.ParamName);
        Assert.Contains("3 entries", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 parameters", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => objective.EvaluateAt(null!));
    }

    [Fact]
    public void Reading_before_evaluating_is_an_invalid_operation_that_says_what_to_call()
    {
        GradientObjectiveFunction objective = Rosenbrock();

        Assert.Contains("EvaluateAt", Assert.Throws<InvalidOperationException>(() => objective.Value).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => objective.Gradient);
        Assert.Throws<InvalidOperationException>(() => objective.Point);
        Assert.Equal(0, objective.Counter.Count);
    }

    [Fact]
    public void Bad_construction_arguments_are_rejected_by_name()
    {
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => MathNetObjective.FromGradient(0, TestFunctions.RosenbrockWithGradient)).ParamName);
        Assert.Equal("function", Assert.Throws<ArgumentNullException>(() => MathNetObjective.FromGradient(2, null!)).ParamName);
        Assert.Equal("counter", Assert.Throws<ArgumentNullException>(() => MathNetObjective.ForwardDifference(2, x => x[0], null!)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => MathNetObjective.ForwardDifference(-1, x => x[0], new EvaluationCounter())).ParamName);
    }

    [Fact]
    public void No_hessian_is_claimed()
    {
        GradientObjectiveFunction objective = Rosenbrock();

        Assert.True(objective.IsGradientSupported);
        Assert.False(objective.IsHessianSupported);
        Assert.Throws<NotSupportedException>(() => objective.Hessian);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1.0, Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
