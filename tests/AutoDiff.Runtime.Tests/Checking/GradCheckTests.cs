namespace AutoDiff.Tests.Checking;

public class GradCheckTests
{
    private static double Rosenbrock(double[] p) => (1 - p[0]) * (1 - p[0]) + 100 * Math.Pow(p[1] - p[0] * p[0], 2);

    // Closed form: d/dx = -2(1-x) - 400x(y - x²), d/dy = 200(y - x²).
    private static double[] RosenbrockGradient(double[] p) =>
        [-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]), 200 * (p[1] - p[0] * p[0])];

    [Fact]
    public void CorrectGradientPasses()
    {
        GradCheckReport report = GradCheck.Check(Rosenbrock, RosenbrockGradient, [-1.2, 1.0]);

        Assert.True(report.IsWithin(1e-7), report.ToString());
        Assert.Equal(2, report.Entries.Count);
        Assert.Equal(-215.6, report.Entries[0].Analytic, 10); // -2·2.2 - 400·-1.2·-0.44
        Assert.Equal(-88.0, report.Entries[1].Analytic, 10);  // 200·(1 - 1.44)
    }

    [Fact]
    public void WrongGradientIsReportedAtTheRightInput()
    {
        double[] wrong = RosenbrockGradient([-1.2, 1.0]);
        wrong[1] *= 1.01;

        GradCheckReport report = GradCheck.Check(Rosenbrock, [-1.2, 1.0], wrong);

        Assert.False(report.IsWithin(1e-4));
        Assert.Equal(1, report.WorstIndex);
        Assert.Equal(0.01 / 1.01, report.WorstError, 6); // |1.01a - a| / |1.01a|
    }

    [Fact]
    public void ValueGraphCheckUsesBackward()
    {
        GradCheckReport report = GradCheck.Check(v => v[0] * v[1].Exp() + v[1].Tanh(), [0.7, -0.3]);

        Assert.True(report.IsWithin(1e-8), report.ToString());
        Assert.Equal(Math.Exp(-0.3), report.Entries[0].Analytic, 15);
    }

    [Theory]
    [InlineData(2.0, 1.0, 0.5)]          // relative above 1: 1 / 2
    [InlineData(0.001, 0.002, 0.001)]    // absolute below 1
    [InlineData(double.NaN, double.NaN, 0.0)]
    [InlineData(double.NaN, 1.0, double.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, 0.0)]
    public void ErrorIsAbsoluteBelowOneAndRelativeAbove(double analytic, double numeric, double expected)
    {
        Assert.Equal(expected, GradCheck.Error(analytic, numeric), 12);
    }

    [Fact]
    public void LengthMismatchIsNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => GradCheck.Check(Rosenbrock, [1.0, 2.0], [1.0]));
        Assert.Contains("2 inputs but the analytic gradient has 1", error.Message);
    }
}
