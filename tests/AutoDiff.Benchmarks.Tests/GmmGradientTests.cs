using AutoDiff.Benchmarks;

namespace AutoDiff.Benchmarks.Tests;

/// <summary>The generated and hand-written GMM gradients: equal to each other, and to central differences.</summary>
public class GmmGradientTests
{
    [Theory]
    [InlineData(2, 5, 100)]
    [InlineData(3, 4, 20)]
    [InlineData(10, 25, 50)]
    [InlineData(20, 10, 30)]
    [InlineData(64, 5, 10)]
    public void Generated_and_hand_written_gradients_agree_to_1e_10(int d, int k, int n)
    {
        var input = GmmInput.Generate(d, k, n, seed: d * 1000 + k);
        var generated = new GmmGradient(input);
        var handWritten = new GmmGradient(input);

        double objective = input.Objective();
        double generatedValue = input.GeneratedGradient(generated);
        double handWrittenValue = input.HandWrittenGradient(handWritten);

        Assert.True(GmmAgreement.RelativeDifference(generatedValue, objective) <= 1e-12, $"{generatedValue:R} vs {objective:R}");
        Assert.True(GmmAgreement.RelativeDifference(handWrittenValue, objective) <= 1e-12, $"{handWrittenValue:R} vs {objective:R}");
        var g = generated.Flatten();
        var h = handWritten.Flatten();
        for (int i = 0; i < g.Length; i++)
        {
            Assert.True(GmmAgreement.RelativeDifference(g[i], h[i]) <= 1e-10, $"[{i}]: generated {g[i]:R}, hand-written {h[i]:R}");
        }
    }

    [Fact]
    public void Both_gradients_equal_central_differences()
    {
        var input = GmmInput.Generate(d: 3, k: 4, n: 20, seed: 11);
        var generated = new GmmGradient(input);
        var handWritten = new GmmGradient(input);
        input.GeneratedGradient(generated);
        input.HandWrittenGradient(handWritten);

        var differences = CentralDifferences(input);

        GmmReferenceTests.AssertClose(differences, generated.Flatten(), 1e-6);
        GmmReferenceTests.AssertClose(differences, handWritten.Flatten(), 1e-6);
    }

    [Fact]
    public void Agreement_check_accepts_an_instance_and_returns_its_generated_gradient()
    {
        var input = GmmInput.Generate(d: 4, k: 5, n: 50, seed: 7);
        var expected = new GmmGradient(input);
        input.GeneratedGradient(expected);

        var gradient = GmmAgreement.Require(input);

        Assert.Equal(expected.Flatten(), gradient.Flatten());
    }

    /// <summary>(f(p + h) - f(p - h)) / 2h for every parameter in ADBench's order, h = 1e-6 relative.</summary>
    private static double[] CentralDifferences(GmmInput input)
    {
        double[][] blocks = [input.Alphas, input.Means, input.Icf];
        var result = new List<double>();
        foreach (var block in blocks)
        {
            for (int i = 0; i < block.Length; i++)
            {
                double saved = block[i];
                double h = 1e-6 * Math.Max(1, Math.Abs(saved));
                block[i] = saved + h;
                double up = input.Objective();
                block[i] = saved - h;
                double down = input.Objective();
                block[i] = saved;
                result.Add((up - down) / (2 * h));
            }
        }

        return [.. result];
    }
}
