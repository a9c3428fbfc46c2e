using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;
using BenchmarkDotNet.Attributes;

namespace AutoDiff.Benchmarks;

/// <summary>
/// The CurveFit sample's fit (four Gaussian peaks on a linear baseline, 14 parameters, 400 points, seed 7), with
/// each Math.NET minimizer on the generated gradient (baseline) and on Math.NET's forward differences.
/// </summary>
public class CurveFitBenchmarks
{
    private SyntheticSpectrum _data = null!;
    private double[] _start = null!;

    /// <summary>L-BFGS or BFGS.</summary>
    [Params(MinimizerKind.Lbfgs, MinimizerKind.Bfgs)]
    public MinimizerKind Minimizer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, 400, 0.05, seed: 7);
        _start = InitialGuess.Near(_data.TrueParameters);
    }

    [Benchmark(Baseline = true, Description = "generated gradient")]
    public double Generated() => CurveFitter.Fit(_data, _start, Minimizer, GradientSource.Generated, repetitions: 1).Objective;

    [Benchmark(Description = "finite differences")]
    public double FiniteDifferences() => CurveFitter.Fit(_data, _start, Minimizer, GradientSource.FiniteDifferences, repetitions: 1).Objective;
}
