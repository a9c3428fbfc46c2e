using AutoDiff.Benchmarks;

namespace AutoDiff.Benchmarks.Tests;

/// <summary>The dot product's gradients against the closed form: d(w . x)/dw = x, d(w . x)/dx = w.</summary>
public class DotProductTests
{
    private static readonly double[] W = [0.5, -1.25, 2, 3.5];
    private static readonly double[] X = [4, 0.75, -1.5, 0.25];
    private const double Expected = 2 - 0.9375 - 3 + 0.875;

    private delegate double Gradient(ReadOnlySpan<double> w, ReadOnlySpan<double> x, Span<double> dw, Span<double> dx);

    [Theory]
    [InlineData("generated")]
    [InlineData("hand-written")]
    public void Gradient_is_the_other_vector(string engine)
    {
        Gradient gradient = engine == "generated" ? DotProduct.DotWithGradient : DotProduct.DotHandWritten;
        var dw = new double[W.Length];
        var dx = new double[X.Length];

        double value = gradient(W, X, dw, dx);

        Assert.Equal(Expected, value, 1e-15);
        Assert.Equal(X, dw);
        Assert.Equal(W, dx);
    }
}
