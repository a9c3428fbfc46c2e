using AutoDiff.Samples.Greeks.Cli;

namespace AutoDiff.Jobs.Tests.Greeks;

public class GreeksOptionsTests
{
    [Fact]
    public void Defaults_and_both_value_forms()
    {
        Assert.Equal(new GreeksOptions(), OptionsParser.Parse([]));
        GreeksOptions options = OptionsParser.Parse(["--paths", "5000", "--steps=12", "--seed", "-3", "--out", "x"]);

        Assert.Equal((5000, 12, -3, "x"), (options.Paths, options.Steps, options.Seed, options.OutputFolder));
        Assert.True(OptionsParser.Parse(["--help"]).ShowHelp);
    }

    [Theory]
    [InlineData("--paths=10", "--paths must be between 1,000 and")]
    [InlineData("--paths=many", "--paths must be a whole number, not 'many'")]
    [InlineData("--steps=0", "--steps must be between 1 and 10,000, not 0")]
    [InlineData("--steps", "--steps needs a value")]
    [InlineData("--seed=1.5", "--seed must be a whole number")]
    [InlineData("--colour", "Unknown option '--colour'")]
    public void Bad_values_are_errors_that_name_the_option(string arg, string message)
    {
        Assert.Contains(message, Assert.Throws<OptionsException>(() => OptionsParser.Parse([arg])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_normals_is_an_error_naming_both_options()
    {
        var e = Assert.Throws<OptionsException>(() => OptionsParser.Parse(["--paths", "2000000", "--steps", "100"]));

        Assert.Contains("--paths 2,000,000 × --steps 100", e.Message, StringComparison.Ordinal);
    }
}
