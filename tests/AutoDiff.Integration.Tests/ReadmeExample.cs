namespace AutoDiff.Tests.Readme;

// The README's first code example, verbatim (the docs test checks that README.md and this file agree).
public static partial class Functions
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
        => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}

public class ReadmeExampleTests
{
    [Fact]
    public void RosenbrockGradientIsTheHandDerivedOne()
    {
        double f = Functions.RosenbrockWithGradient(0.5, 1.0, out double dx, out double dy);
        // f = 56.5, dx = -151, dy = 150

        // By hand: f = (1-x)^2 + 100(y-x^2)^2, df/dx = -2(1-x) - 400x(y-x^2), df/dy = 200(y-x^2).
        Assert.Equal(0.25 + 100 * 0.75 * 0.75, f, 12);
        Assert.Equal(-2 * 0.5 - 400 * 0.5 * 0.75, dx, 12);
        Assert.Equal(200 * 0.75, dy, 12);
    }
}
