using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff.Jobs.Tests.CurveFit;

/// <summary>The adapter example of docs/samples.md, run as written.</summary>
public class AdapterExampleTests
{
    [Fact]
    public void The_documented_one_line_objective_fits_the_spectrum()
    {
        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 400, 0.05, seed: 7);
        double[] start = InitialGuess.Near(data.TrueParameters);

        // docs/samples.md: adapter
        var objective = MathNetObjective.FromGradient(start.Length, (p, dp) => Spectrum.LeastSquaresWithGradient(p, data.X, data.Y, dp));
        var minimizer = new LimitedMemoryBfgsMinimizer(1e-4, 1e-10, 1e-12, 5, 2000);
        MinimizationResult result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
        Console.WriteLine($"{result.Iterations} iterations, {objective.Counter.Count} evaluations");
        // end

        Assert.All(FitUncertainty.ErrorsInStandardErrors(data, Spectrum.Canonical(result.MinimizingPoint.ToArray())), e => Assert.InRange(e, 0.0, 4.0));
        Assert.Equal(CurveFitter.Fit(data, start, MinimizerKind.Lbfgs, GradientSource.Generated, repetitions: 1).Evaluations, objective.Counter.Count);
    }
}
