using AutoDiff.Benchmarks;

namespace AutoDiff.Benchmarks.Tests;

/// <summary>
/// The GMM objective and both gradients against ADBench's own test case: <c>data/gmm/test.txt</c> (d = 2, K = 3,
/// one point) and the objective and gradient its C++ tests expect of every tool
/// (<c>test/cpp/modules/common/GmmTests.cpp</c>), to ADBench's tolerance of 1e-8.
/// </summary>
public class GmmReferenceTests
{
    private static readonly GmmInput TestCase = new(
        D: 2,
        K: 3,
        N: 1,
        Alphas: [-0.649014, 1.181166, -0.758453],
        Means: [0.092339, 0.186260, 0.345561, 0.396767, 0.538817, 0.419195],
        Icf: [0.586443, -0.851887, 0.800321, -1.509405, 0.875874, -0.242790, 0.166813, -1.965419, -1.270071],
        X: [1.175171, 2.029160],
        Gamma: 1,
        M: 0);

    private const double ExpectedObjective = 8.07380408004975791;

    private static readonly double[] ExpectedGradient =
    [
        1.08662855508652456e-01, -7.41270039523898472e-01, 6.32607184015246071e-01, 1.11692576532787013e+00,
        1.63333013551455269e-01, -2.19989824071193142e-02, 2.27778292254236098e-01, 1.20963025612832187e+00,
        -6.06375920733956339e-02, 2.58529994051162237e+00, 1.12632694524213789e-01, 3.85744309849611777e-01,
        7.35180573182305508e-02, 5.41836362715595232e+00, -3.21494409677446469e-01, 1.71892309775004937e+00,
        8.60091090790866875e-01, -9.94640930466322848e-01,
    ];

    [Fact]
    public void Objective_equals_ADBench()
    {
        Assert.Equal(ExpectedObjective, TestCase.Objective(), 1e-8);
    }

    [Theory]
    [InlineData("generated")]
    [InlineData("hand-written")]
    public void Gradient_equals_ADBench(string engine)
    {
        var gradient = new GmmGradient(TestCase);

        double value = engine == "generated" ? TestCase.GeneratedGradient(gradient) : TestCase.HandWrittenGradient(gradient);

        Assert.Equal(ExpectedObjective, value, 1e-8);
        AssertClose(ExpectedGradient, gradient.Flatten(), 1e-8);
    }

    /// <summary>Each entry within <paramref name="tolerance"/>, relative to max(1, |expected|).</summary>
    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(GmmAgreement.RelativeDifference(actual[i], expected[i]) <= tolerance, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
