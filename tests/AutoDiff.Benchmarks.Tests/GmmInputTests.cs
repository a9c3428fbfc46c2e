using AutoDiff.Benchmarks;

namespace AutoDiff.Benchmarks.Tests;

/// <summary>The generator draws what ADBench's gmm-data-gen.py draws, in ADBench's layout.</summary>
public class GmmInputTests
{
    [Fact]
    public void Generated_instance_has_ADBench_layout_and_distributions()
    {
        var input = GmmInput.Generate(d: 10, k: 25, n: 1000, seed: 3);

        Assert.Equal(25, input.Alphas.Length);
        Assert.Equal(25 * 10, input.Means.Length);
        Assert.Equal(25 * 55, input.Icf.Length);
        Assert.Equal(1000 * 10, input.X.Length);
        Assert.Equal((1.0, 0), (input.Gamma, input.M));
        Assert.All(input.Means, v => Assert.InRange(v, 0, 1));
        Assert.All(input.Alphas.Concat(input.Means).Concat(input.Icf).Concat(input.X), v => Assert.Equal(Math.Round(v, 6), v));
        // 10,000 standard normals: mean within 4 standard errors (0.04) of 0, variance within 0.06 of 1.
        double mean = input.X.Average();
        double variance = input.X.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.04, 0.04);
        Assert.InRange(variance, 0.94, 1.06);
    }

    [Theory]
    [InlineData(0, 5, 10, "d")]
    [InlineData(2, 0, 10, "k")]
    [InlineData(2, 5, 0, "n")]
    public void Sizes_below_one_are_refused_by_name(int d, int k, int n, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GmmInput.Generate(d, k, n, seed: 1));
        Assert.Equal(name, error.ParamName);
    }
}
