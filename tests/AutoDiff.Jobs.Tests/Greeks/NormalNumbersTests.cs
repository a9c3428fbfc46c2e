using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Jobs.Tests.Greeks;

public class NormalNumbersTests
{
    [Fact]
    public void Same_seed_same_numbers_other_seed_other_numbers()
    {
        NormalNumbers a = NormalNumbers.Draw(100, 7, seed: 3), b = NormalNumbers.Draw(100, 7, seed: 3), c = NormalNumbers.Draw(100, 7, seed: 4);

        Assert.True(a.Path(42).SequenceEqual(b.Path(42)));
        Assert.False(a.Path(42).SequenceEqual(c.Path(42)));
        Assert.Equal(7, a.Path(99).Length);
    }

    [Fact]
    public void Numbers_have_standard_normal_moments()
    {
        NormalNumbers normals = NormalNumbers.Draw(100_000, 1, seed: 11);
        double[] z = [.. Enumerable.Range(0, normals.Paths).Select(p => normals.Path(p)[0])];
        double mean = z.Average(), variance = z.Sum(v => (v - mean) * (v - mean)) / (z.Length - 1);

        // Sampling errors for n = 100,000: mean 1/√n = 0.0032, variance √(2/n) = 0.0045; 4 of them.
        Assert.InRange(mean, -0.013, 0.013);
        Assert.InRange(variance, 1 - 0.018, 1 + 0.018);
        Assert.InRange(z.Count(v => v < -1.959964) / (double)z.Length, 0.025 - 0.002, 0.025 + 0.002); // 4·√(p(1−p)/n) ≈ 0.002
    }

    [Fact]
    public void Bad_sizes_are_rejected_with_the_reason()
    {
        Assert.Equal("paths", Assert.Throws<ArgumentOutOfRangeException>(() => NormalNumbers.Draw(1, 5, 0)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => NormalNumbers.Draw(10, 0, 0)).ParamName);
        Assert.Contains("at most", Assert.Throws<ArgumentOutOfRangeException>(() => NormalNumbers.Draw(1_000_000, 1_000, 0)).Message, StringComparison.Ordinal);
    }
}
