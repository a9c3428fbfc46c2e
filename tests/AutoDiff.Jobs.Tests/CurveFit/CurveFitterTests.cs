using AutoDiff.Samples.CurveFit;
using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;
using MathNet.Numerics.Optimization;

namespace AutoDiff.Jobs.Tests.CurveFit;

/// <summary>The fits against the truth they were drawn from, and their cost in objective evaluations.</summary>
public class CurveFitterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fits_on_the_generated_gradient_recover_the_truth_within_four_standard_errors(int seed)
    {
        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 400, 0.05, seed);
        double[] start = InitialGuess.Near(data.TrueParameters);

        List<FitResult> fits = [.. CurveFitApp.Fits().Select(run => CurveFitter.Fit(data, start, run.Minimizer, run.Source, repetitions: 1))];

        Assert.Empty(FitChecks.Failures(data, fits));
        foreach (FitResult fit in fits.Where(f => f.Source == GradientSource.Generated))
        {
            Assert.Equal(ExitCondition.AbsoluteGradient, fit.Exit);
            Assert.All(FitUncertainty.ErrorsInStandardErrors(data, fit.Parameters), e => Assert.InRange(e, 0.0, 4.0));
        }

        FitResult lbfgs = fits.Single(f => f.Minimizer == MinimizerKind.Lbfgs && f.Source == GradientSource.Generated);
        FitResult lbfgsDifferences = fits.Single(f => f.Minimizer == MinimizerKind.Lbfgs && f.Source == GradientSource.FiniteDifferences);
        Assert.True(lbfgs.Evaluations < lbfgsDifferences.Evaluations, $"generated {lbfgs.Evaluations}, finite differences {lbfgsDifferences.Evaluations}");
        Assert.True(lbfgs.Objective <= lbfgsDifferences.Objective + 1e-9, $"generated {lbfgs.Objective}, finite differences {lbfgsDifferences.Objective}");
    }

    [Fact]
    public void The_start_misses_the_truth_and_fails_the_check()
    {
        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 400, 0.05, seed: 1);
        double[] start = InitialGuess.Near(data.TrueParameters);
        var notFitted = new FitResult(MinimizerKind.Lbfgs, GradientSource.Generated, start, Spectrum.LeastSquares(start, data.X, data.Y), 0, 0, TimeSpan.Zero, ExitCondition.None, null);

        Assert.NotEmpty(FitChecks.Failures(data, [notFitted]));
    }

    [Fact]
    public void Standard_errors_match_the_spread_of_fits_over_many_noise_draws()
    {
        // The covariance σ²(JᵀJ)⁻¹ claims how much a fitted parameter varies from one noise draw to the next. Refit 40
        // draws and compare the observed spread with the claimed standard error: the sample standard deviation of
        // 40 normal draws is within ±3·(1/√78) ≈ ±34% of the true one with probability 0.997.
        const int draws = 40;
        var fitted = new List<double[]>();
        double[] claimed = [];
        for (int seed = 100; seed < 100 + draws; seed++)
        {
            SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 200, 0.05, seed);
            FitResult fit = CurveFitter.Fit(data, InitialGuess.Near(data.TrueParameters), MinimizerKind.Lbfgs, GradientSource.Generated, repetitions: 1);
            fitted.Add(fit.Parameters);
            claimed = FitUncertainty.NoiseStandardErrors(data);
        }

        for (int j = 0; j < claimed.Length; j++)
        {
            double mean = fitted.Average(p => p[j]);
            double spread = Math.Sqrt(fitted.Sum(p => (p[j] - mean) * (p[j] - mean)) / (draws - 1));
            Assert.InRange(spread / claimed[j], 0.66, 1.34);
        }
    }

    [Fact]
    public void A_start_of_the_wrong_length_is_rejected()
    {
        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 100, 0.05, seed: 1);

        var e = Assert.Throws<ArgumentException>(() => CurveFitter.Fit(data, [1.0, 2.0], MinimizerKind.Lbfgs, GradientSource.Generated));

        Assert.Equal("start", e.ParamName);
    }
}
