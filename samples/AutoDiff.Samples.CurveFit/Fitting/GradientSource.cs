namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>Where the minimizer's gradient comes from.</summary>
public enum GradientSource
{
    /// <summary><c>LeastSquaresWithGradient</c>, written by the generator, through <c>MathNetObjective.FromGradient</c>.</summary>
    Generated,

    /// <summary>Math.NET's <c>ForwardDifferenceGradientObjectiveFunction</c> on the objective's value.</summary>
    FiniteDifferences,
}
