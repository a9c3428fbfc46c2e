using System.Diagnostics;
using AutoDiff.Samples.CurveFit.Model;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>Fits <see cref="Spectrum.Model"/> to a spectrum with a Math.NET minimizer on either gradient.</summary>
public static class CurveFitter
{
    /// <summary>Stop when the gradient's (relative) size falls below this.</summary>
    public const double GradientTolerance = 1e-4;

    /// <summary>Stop when a step changes the parameters by less than this, relatively.</summary>
    public const double ParameterTolerance = 1e-10;

    /// <summary>Stop when the objective improves by less than this, relatively.</summary>
    public const double FunctionProgressTolerance = 1e-12;

    /// <summary>Iteration limit; Math.NET throws when it is reached.</summary>
    public const int MaxIterations = 2_000;

    /// <summary>Correction pairs L-BFGS keeps (Math.NET's usual 5 works; 10 is common elsewhere and helps little at 14 parameters).</summary>
    public const int LbfgsMemory = 5;

    /// <summary>Each fit is repeated this many times and the fastest time kept: the first run pays for compiling Math.NET's code, and the machine may be shared.</summary>
    public const int Repetitions = 3;

    /// <summary>Fits the spectrum.</summary>
    /// <param name="data">The spectrum.</param>
    /// <param name="start">The starting parameters.</param>
    /// <param name="minimizer">Which minimizer.</param>
    /// <param name="source">Which gradient.</param>
    /// <param name="repetitions">How many times to run the fit for its time (the results are identical).</param>
    /// <returns>The fit.</returns>
    public static FitResult Fit(SyntheticSpectrum data, IReadOnlyList<double> start, MinimizerKind minimizer, GradientSource source, int repetitions = Repetitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(start);
        if (start.Count != data.TrueParameters.Length)
        {
            throw new ArgumentException($"The start has {start.Count} parameters but the model has {data.TrueParameters.Length}.", nameof(start));
        }

        FitResult? fastest = null;
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            FitResult fit = FitOnce(data, Vector<double>.Build.DenseOfEnumerable(start), minimizer, source);
            fastest = fastest is null || fit.Time < fastest.Time ? fit : fastest;
        }

        return fastest!;
    }

    private static FitResult FitOnce(SyntheticSpectrum data, Vector<double> start, MinimizerKind minimizer, GradientSource source)
    {
        var counter = new EvaluationCounter();
        IObjectiveFunction objective = source == GradientSource.Generated
            ? new GradientObjectiveFunction(start.Count, (p, dp) => Spectrum.LeastSquaresWithGradient(p, data.X, data.Y, dp), counter)
            : MathNetObjective.ForwardDifference(start.Count, p => Spectrum.LeastSquares(p, data.X, data.Y), counter);
        IUnconstrainedMinimizer engine = minimizer == MinimizerKind.Lbfgs
            ? new LimitedMemoryBfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionProgressTolerance, LbfgsMemory, MaxIterations)
            : new BfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionProgressTolerance, MaxIterations);
        var clock = Stopwatch.StartNew();
        try
        {
            MinimizationResult result = engine.FindMinimum(objective, start);
            TimeSpan time = clock.Elapsed;
            double[] parameters = Spectrum.Canonical(result.MinimizingPoint.ToArray());
            return new FitResult(minimizer, source, parameters, Spectrum.LeastSquares(parameters, data.X, data.Y), result.Iterations, counter.Count, time, result.ReasonForExit, null);
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArithmeticException)
        {
            TimeSpan time = clock.Elapsed;
            double[] parameters = start.ToArray();
            return new FitResult(minimizer, source, parameters, Spectrum.LeastSquares(parameters, data.X, data.Y), 0, counter.Count, time, null, e.Message);
        }
    }
}
