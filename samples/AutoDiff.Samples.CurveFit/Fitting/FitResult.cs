using MathNet.Numerics.Optimization;

namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>One fit: where it ended and what it cost.</summary>
/// <param name="Minimizer">Which minimizer.</param>
/// <param name="Source">Which gradient.</param>
/// <param name="Parameters">The minimizing point (the start when the minimizer failed).</param>
/// <param name="Objective">½ Σ residual² at <paramref name="Parameters"/>.</param>
/// <param name="Iterations">The minimizer's iterations (0 when it failed).</param>
/// <param name="Evaluations">Calls of the objective, finite-difference calls included.</param>
/// <param name="Time">Wall-clock time of the fit (the fastest of several).</param>
/// <param name="Exit">Why the minimizer stopped; null when it threw.</param>
/// <param name="Failure">The exception's message when the minimizer threw.</param>
public sealed record FitResult(
    MinimizerKind Minimizer,
    GradientSource Source,
    double[] Parameters,
    double Objective,
    int Iterations,
    long Evaluations,
    TimeSpan Time,
    ExitCondition? Exit,
    string? Failure);
