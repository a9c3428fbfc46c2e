using AutoDiff.Benchmarks;

namespace AutoDiff.Benchmarks.Tests;

/// <summary>Expected values are Python's <c>math.lgamma</c> (and sums of it), computed once and written here.</summary>
public class WishartConstantTests
{
    [Theory]
    [InlineData(1, 0.5723649429247004)]
    [InlineData(2, 0.0)]
    [InlineData(3, -0.12078223763524543)]
    [InlineData(7, 1.2009736023470738)]
    [InlineData(66, 81.55795945611503)]
    [InlineData(129, 203.0868048358281)]
    public void Log_gamma_of_half_equals_lgamma(int t, double expected)
    {
        Assert.Equal(expected, WishartConstant.LogGammaOfHalf(t), 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [InlineData(3, 2, 0.45158270528945466)]
    [InlineData(67, 64, 3429.9629350846726)]
    public void Log_multivariate_gamma_equals_the_sum_of_lgamma(int n, int p, double expected)
    {
        Assert.Equal(expected, WishartConstant.LogMultivariateGammaOfHalf(n, p), 1e-12 * expected);
    }

    [Fact]
    public void Log_gamma_of_zero_or_less_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WishartConstant.LogGammaOfHalf(0));
        Assert.Equal("t", error.ParamName);
    }
}
