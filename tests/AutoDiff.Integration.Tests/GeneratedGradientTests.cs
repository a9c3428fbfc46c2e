namespace AutoDiff.Tests;

/// <summary>Calls generated members as a user would; expected numbers come from hand-derived formulas.</summary>
public class GeneratedGradientTests
{
    [Fact]
    public void Rosenbrock_gradient_at_a_known_point()
    {
        var value = Functions.RosenbrockWithGradient(-1.2, 1.0, out var dx, out var dy);
        Assert.Equal(24.2, value, 12);                                   // (2.2)^2 + 100 (1 - 1.44)^2
        Assert.Equal((-2 * 2.2) - (400 * -1.2 * (1 - 1.44)), dx, 10);     // -2(1-x) - 400x(y-x²) = -215.6
        Assert.Equal(200 * (1 - 1.44), dy, 10);                           // 200(y-x²) = -88
    }

    [Fact]
    public void Pullback_adds_into_existing_adjoints()
    {
        double dx = 1, dy = 2;
        Functions.SoftplusOfProductPullback(0.5, 2.0, 3.0, ref dx, ref dy);
        var sigmoid = 1 / (1 + Math.Exp(-1.0));                            // softplus'(xy) at xy = 1
        Assert.Equal(1 + (3 * sigmoid * 2.0), dx, 14);
        Assert.Equal(2 + (3 * sigmoid * 0.5), dy, 14);
    }

    [Fact]
    public void Span_gradients_have_the_input_lengths()
    {
        double[] w = [1, 2, 3], x = [4, 5, 6];
        var dw = new double[3];
        var dx = new double[3];
        var value = Functions.DotWithGradient(w, x, dw, dx);
        Assert.Equal(32, value);
        Assert.Equal(x, dw);
        Assert.Equal(w, dx);
        Assert.Throws<ArgumentException>(() => Functions.DotWithGradient(w, x, new double[2], dx));
    }

    [Fact]
    public void Float_and_nested_types_and_constant_parameters()
    {
        Assert.Equal(9f, Functions.SquareWithGradient(3f, out var dx));
        Assert.Equal(6f, dx);
        Functions.Nested.ScaledWithGradient(0.3, 2.0, 3, out var ds);
        Assert.Equal(6 * Math.Cos(0.3), ds, 14);
    }
}

public class FallbackAndLoopTests
{
    [Fact]
    public void Recursive_power_runs_on_the_tape()
    {
        var value = MoreFunctions.PowerWithGradient(1.5, 4, out var dx);
        Assert.Equal(Math.Pow(1.5, 4), value, 12);
        Assert.Equal(4 * Math.Pow(1.5, 3), dx, 12);                      // d/dx x⁴ = 4x³
    }

    [Fact]
    public void Data_dependent_loop_matches_finite_differences()
    {
        const double x = 7.3, h = 1e-5;
        MoreFunctions.HalveUntilSmallWithGradient(x, out var dx);
        var expected = (MoreFunctions.HalveUntilSmall(x + h) - MoreFunctions.HalveUntilSmall(x - h)) / (2 * h);
        Assert.Equal(expected, dx, 6);
    }
}
