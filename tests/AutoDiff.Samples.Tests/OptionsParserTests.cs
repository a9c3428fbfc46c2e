using AutoDiff.Samples.Moons;
using AutoDiff.Samples.Moons.Cli;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Tests;

public class OptionsParserTests
{
    [Fact]
    public void No_arguments_give_micrograds_demo()
    {
        MoonsOptions options = OptionsParser.Parse([]);

        Assert.Equal(new MoonsOptions
        {
            Engine = EngineKind.Generated, Compare = false, Network = new MoonsNetwork([16, 16]), Steps = 100, Seed = 1337, Points = 100,
            OutputFolder = Path.Combine("out", "moons"), ShowHelp = false,
        }, options);
    }

    [Fact]
    public void Every_option_is_read_in_both_spellings()
    {
        MoonsOptions spaced = OptionsParser.Parse(["--engine", "tape", "--compare", "--hidden", "5,7,3", "--steps", "20", "--seed", "-3", "--points", "40", "--out", "x/y"]);
        MoonsOptions inline = OptionsParser.Parse(["--engine=tape", "--compare", "--hidden=5,7,3", "--steps=20", "--seed=-3", "--points=40", "--out=x/y"]);

        var expected = new MoonsOptions
        {
            Engine = EngineKind.Tape, Compare = true, Network = new MoonsNetwork([5, 7, 3]), Steps = 20, Seed = -3, Points = 40, OutputFolder = "x/y",
        };
        Assert.Equal(expected, spaced);
        Assert.Equal(expected, inline);
    }

    [Theory]
    [InlineData("generated", EngineKind.Generated)]
    [InlineData("tape", EngineKind.Tape)]
    [InlineData("Tensor", EngineKind.Tensor)]
    public void Engines_are_named_case_insensitively(string name, EngineKind kind)
    {
        Assert.Equal(kind, OptionsParser.Parse(["--engine", name]).Engine);
    }

    [Theory]
    [InlineData("8", new[] { 8 })]
    [InlineData("16,16", new[] { 16, 16 })]
    [InlineData("32, 32 ,16", new[] { 32, 32, 16 })]
    [InlineData("1024,1", new[] { 1024, 1 })]
    public void Hidden_lists_the_layer_widths(string text, int[] widths)
    {
        MoonsNetwork network = OptionsParser.Parse(["--hidden", text]).Network;

        Assert.Equal(widths, network.Hidden);
        Assert.Equal([2, .. widths, 1], network.Sizes.ToArray());
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help_is_recognised(string flag)
    {
        Assert.True(OptionsParser.Parse([flag]).ShowHelp);
    }

    [Theory]
    [InlineData(new[] { "--engine", "gpu" }, "--engine must be generated, tape or tensor, not 'gpu'")]
    [InlineData(new[] { "--steps", "0" }, "--steps must be between 1 and")]
    [InlineData(new[] { "--steps", "ten" }, "--steps must be a whole number, not 'ten'")]
    [InlineData(new[] { "--points", "1" }, "--points must be between 2 and")]
    [InlineData(new[] { "--seed", "1.5" }, "--seed must be a whole number, not '1.5'")]
    [InlineData(new[] { "--steps" }, "--steps needs a value")]
    [InlineData(new[] { "--out", "--compare" }, "--out needs a value")]
    [InlineData(new[] { "--out=" }, "--out must name a folder")]
    [InlineData(new[] { "--compare=yes" }, "--compare takes no value")]
    [InlineData(new[] { "--epochs", "3" }, "Unknown option '--epochs'")]
    [InlineData(new[] { "--hidden" }, "--hidden needs a value")]
    [InlineData(new[] { "--hidden=" }, "--hidden must list positive whole numbers separated by commas (like 16,16), not ''")]
    [InlineData(new[] { "--hidden", "16,,16" }, "--hidden must list positive whole numbers separated by commas (like 16,16), not '16,,16'")]
    [InlineData(new[] { "--hidden", "16,0" }, "--hidden must list positive whole numbers separated by commas (like 16,16), not '16,0'")]
    [InlineData(new[] { "--hidden", "-4" }, "--hidden must list positive whole numbers separated by commas (like 16,16), not '-4'")]
    [InlineData(new[] { "--hidden", "--steps", "3" }, "--hidden needs a value")]
    [InlineData(new[] { "--hidden", "16x16" }, "--hidden must list positive whole numbers separated by commas (like 16,16), not '16x16'")]
    [InlineData(new[] { "--hidden", "8.5" }, "--hidden must list positive whole numbers separated by commas (like 16,16), not '8.5'")]
    [InlineData(new[] { "--hidden", "16,1025" }, "--hidden layers have at most 1024 neurons, not 1025")]
    [InlineData(new[] { "--hidden", "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1" }, "--hidden takes at most 16 layers, not 17")]
    public void Bad_values_are_named_in_the_message(string[] args, string message)
    {
        OptionsException e = Assert.Throws<OptionsException>(() => OptionsParser.Parse(args));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_option_exits_with_code_2_without_training()
    {
        TextWriter error = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Assert.Equal(2, MoonsApp.Run(["--steps", "-1"]));
        }
        finally
        {
            Console.SetError(error);
        }

        Assert.Contains("error: --steps must be between 1 and", captured.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", captured.ToString(), StringComparison.Ordinal); // no stack trace
    }
}
