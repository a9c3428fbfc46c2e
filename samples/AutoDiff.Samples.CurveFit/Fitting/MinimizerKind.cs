namespace AutoDiff.Samples.CurveFit.Fitting;

/// <summary>The Math.NET minimizers compared.</summary>
public enum MinimizerKind
{
    /// <summary><c>LimitedMemoryBfgsMinimizer</c>.</summary>
    Lbfgs,

    /// <summary><c>BfgsMinimizer</c>.</summary>
    Bfgs,
}
