using AutoDiff.Samples.CurveFit.Model;

namespace AutoDiff.Jobs.Tests.CurveFit;

/// <summary>The generated gradients of the model and of the objective against closed forms and finite differences.</summary>
public class SpectrumTests
{
    private static readonly double[] P = [0.3, 0.02, 1.0, 2.0, 0.35, 0.6, 4.2, 0.6];

    [Theory]
    [InlineData(1.9)]
    [InlineData(4.5)]
    public void Model_gradient_is_the_closed_form(double x)
    {
        var gradient = new double[P.Length];

        double value = Spectrum.ModelWithGradient(P, x, gradient);

        var expected = new double[P.Length];
        expected[0] = 1.0;
        expected[1] = x;
        double model = P[0] + P[1] * x;
        for (int k = 2; k < P.Length; k += 3)
        {
            // a·e^(−z²/2) with z = (x − c)/w: ∂/∂a = e, ∂/∂c = a·e·z/w, ∂/∂w = a·e·z²/w.
            double z = (x - P[k + 1]) / P[k + 2], e = Math.Exp(-0.5 * z * z);
            model += P[k] * e;
            (expected[k], expected[k + 1], expected[k + 2]) = (e, P[k] * e * z / P[k + 2], P[k] * e * z * z / P[k + 2]);
        }

        Assert.Equal(model, value, 14);
        for (int j = 0; j < P.Length; j++)
        {
            Assert.Equal(expected[j], gradient[j], 12);
        }
    }

    [Fact]
    public void Objective_gradient_matches_finite_differences_at_the_start_and_at_the_truth()
    {
        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 200, 0.05, seed: 1);
        foreach (double[] p in new[] { InitialGuess.Near(data.TrueParameters), data.TrueParameters })
        {
            var gradient = new double[p.Length];
            Spectrum.LeastSquaresWithGradient(p, data.X, data.Y, gradient);

            GradCheckReport report = GradCheck.Check(q => Spectrum.LeastSquares(q, data.X, data.Y), p, gradient);

            Assert.True(report.IsWithin(1e-6), report.ToString());
        }
    }

    [Fact]
    public void Canonical_makes_widths_positive_and_leaves_the_model_unchanged()
    {
        double[] flipped = [.. P];
        flipped[4] = -flipped[4];

        double[] canonical = Spectrum.Canonical(flipped);

        Assert.Equal(P, canonical);
        Assert.Equal(Spectrum.Model(flipped, 2.3), Spectrum.Model(canonical, 2.3), 15);
    }

    [Fact]
    public void Synthetic_data_rejects_what_cannot_be_fitted()
    {
        Assert.Equal("truth", Assert.Throws<ArgumentException>(() => SyntheticSpectrum.Generate([1.0, 2.0, 3.0], 100, 0.1, 0)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 14, 0.1, 0)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 100, 0.0, 0)).ParamName);
    }
}
