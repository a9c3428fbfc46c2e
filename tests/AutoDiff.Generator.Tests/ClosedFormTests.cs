using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>Generated gradients against hand-derived formulas, the tape's conventions at kinks, and float against double.</summary>
public class ClosedFormTests
{
    private static (double Value, double[] Gradient) Gradient(string file, string type, string method, params double[] point) =>
        new GradientProbe(CorpusFiles.Load(file), type, method).WithGradient(point);

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(-1.2, 1.0)]
    [InlineData(0.3, -0.7)]
    public void Rosenbrock_matches_its_closed_form(double x, double y)
    {
        var (value, gradient) = Gradient("Rosenbrock", "Corpus.Functions", "Rosenbrock", x, y);
        Assert.Equal(((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x))), value, 12);
        Assert.Equal((-2 * (1 - x)) - (400 * x * (y - (x * x))), gradient[0], 10);
        Assert.Equal(200 * (y - (x * x)), gradient[1], 10);
    }

    [Theory]
    [InlineData(0.3, -0.7, 1.1, 0.4)]
    [InlineData(-1.2, 0.5, -0.2, -0.9)]
    public void Writes_into_the_parameter_on_the_tape_match_the_closed_form_and_reach_the_caller(double w0, double w1, double w2, double w3)
    {
        // The body leaves w = [5, w1 w2, tanh w3, w2] and returns w0² + 5 w1 w2 + w2 tanh w3.
        var (value, gradient) = Gradient("Fallback", "Corpus.Fallback", "WritesIntoParameter", w0, w1, w2, w3);
        var t = Math.Tanh(w3);
        Assert.Equal((w0 * w0) + (5 * w1 * w2) + (w2 * t), value, 12);
        Assert.Equal(2 * w0, gradient[0], 12);
        Assert.Equal(5 * w2, gradient[1], 12);
        Assert.Equal((5 * w1) + t, gradient[2], 12);
        Assert.Equal(w2 * (1 - (t * t)), gradient[3], 12);

        var corpus = CorpusFiles.Load("Fallback");
        var bySource = (double[])corpus.Method("Corpus.Fallback", "WritesIntoParameter_StoredBySource").Invoke(null, [new[] { w0, w1, w2, w3 }])!;
        var byGradient = (double[])corpus.Method("Corpus.Fallback", "WritesIntoParameter_StoredByGradient").Invoke(null, [new[] { w0, w1, w2, w3 }])!;
        Assert.Equal(new[] { 5, w1 * w2, t, w2 }, bySource);
        Assert.Equal(bySource, byGradient);
    }

    [Theory]
    [InlineData(-0.9)]
    [InlineData(0.25)]
    [InlineData(0.7)]
    public void Recursive_Chebyshev_on_the_tape_matches_its_closed_form(double x)
    {
        // T5(x) = 16x⁵ − 20x³ + 5x, so T5'(x) = 80x⁴ − 60x² + 5.
        var (value, gradient) = Gradient("Fallback", "Corpus.Fallback", "Chebyshev", x);
        Assert.Equal((16 * Math.Pow(x, 5)) - (20 * Math.Pow(x, 3)) + (5 * x), value, 12);
        Assert.Equal((80 * Math.Pow(x, 4)) - (60 * x * x) + 5, gradient[0], 11);
    }

    [Fact]
    public void Softplus_derivative_is_the_sigmoid()
    {
        var (_, gradient) = Gradient("Softplus", "Corpus.Activations", "Softplus", 0.8);
        Assert.Equal(1 / (1 + Math.Exp(-0.8)), gradient[0], 14);
    }

    [Fact]
    public void Kinks_follow_the_runtime_conventions()
    {
        // Relu = Max(0, x): at the tie the first argument (the constant 0) wins, so the slope is 0.
        Assert.Equal(0, Gradient("MathFunctions", "Corpus.MathFns", "Relu", 0.0).Gradient[0]);
        // Max(x, y) * x at x == y: the first argument wins, d/dx = max + x = 2x, d/dy = 0.
        var max = Gradient("MathFunctions", "Corpus.MathFns", "Max", 1.5, 1.5).Gradient;
        Assert.Equal(3.0, max[0]);
        Assert.Equal(0.0, max[1]);
        // Abs(x) * x: d/dx = sign(x)·x + |x|, with Abs'(0) = 0.
        Assert.Equal(0, Gradient("MathFunctions", "Corpus.MathFns", "Abs", 0.0).Gradient[0]);
        // LeakyRelu at 0 takes the else branch: slope 0.01.
        Assert.Equal(0.01, Gradient("Branches", "Corpus.Branches", "LeakyRelu", 0.0).Gradient[0]);
    }

    [Fact]
    public void Float_gradients_agree_with_double_gradients()
    {
        var floats = CorpusFiles.Load("Floats").Assembly.GetType("Corpus.Floats")!;
        var withGradient = floats.GetMethod("RosenbrockWithGradient")!;
        var random = new Random(11);
        for (var n = 0; n < 20; n++)
        {
            var x = (float)((random.NextDouble() * 4) - 2);
            var y = (float)((random.NextDouble() * 4) - 2);
            object?[] args = [x, y, null, null];
            withGradient.Invoke(null, args);
            var (_, expected) = Gradient("Rosenbrock", "Corpus.Functions", "Rosenbrock", x, y);
            Assert.True(FiniteDifferences.RelativeError((float)args[2]!, expected[0]) < 1e-4, $"d/dx at ({x}, {y}): {args[2]} vs {expected[0]}");
            Assert.True(FiniteDifferences.RelativeError((float)args[3]!, expected[1]) < 1e-4, $"d/dy at ({x}, {y}): {args[3]} vs {expected[1]}");
        }
    }

    [Fact]
    public void Wrong_adjoint_length_names_the_parameter_and_both_lengths()
    {
        var type = CorpusFiles.Load("Loops").Assembly.GetType("Corpus.Loops")!;
        var gradient = type.GetMethod("LogSumExp_Gradient")!;
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => gradient.Invoke(null, [new double[3], new double[2]]));
        var argument = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Equal("dv", argument.ParamName);
        Assert.Contains("length 2", argument.Message);
        Assert.Contains("'v' has length 3", argument.Message);
    }
}
