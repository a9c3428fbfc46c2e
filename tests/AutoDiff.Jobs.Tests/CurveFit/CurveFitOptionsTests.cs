using AutoDiff.Samples.CurveFit.Cli;

namespace AutoDiff.Jobs.Tests.CurveFit;

public class CurveFitOptionsTests
{
    [Fact]
    public void Defaults_and_both_value_forms()
    {
        Assert.Equal(new CurveFitOptions(), OptionsParser.Parse([]));
        CurveFitOptions options = OptionsParser.Parse(["--points", "120", "--noise=0.1", "--seed", "4", "--out=plots"]);

        Assert.Equal((120, 0.1, 4, "plots"), (options.Points, options.Noise, options.Seed, options.OutputFolder));
        Assert.True(OptionsParser.Parse(["-h"]).ShowHelp);
    }

    [Theory]
    [InlineData("--points=10", "--points must be between 50 and 1,000,000, not 10")]
    [InlineData("--noise=0", "--noise must be above 0 and at most 1, not 0")]
    [InlineData("--noise=loud", "--noise must be a number, not 'loud'")]
    [InlineData("--out=", "--out must name a folder")]
    [InlineData("--seed", "--seed needs a value")]
    [InlineData("extra", "Unknown option 'extra'")]
    public void Bad_values_are_errors_that_name_the_option(string arg, string message)
    {
        Assert.Contains(message, Assert.Throws<OptionsException>(() => OptionsParser.Parse([arg])).Message, StringComparison.Ordinal);
    }
}
