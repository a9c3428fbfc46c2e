using AutoDiff.Samples.Explorer.Evaluation;

namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// Everything the explorer learns from a source without a point: the generator's output, every diagnostic
/// (Roslyn's, the generator's, the explorer's), and the lowered plan when the method is inside the subset.
/// </summary>
public sealed record SourceAnalysis(string Generated, IReadOnlyList<ExplorerDiagnostic> Diagnostics, MethodPlan? Plan)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>True when the source was refused for its size alone (a 413 rather than a 422).</summary>
    public bool TooLarge => Diagnostics.Any(d => d.Id == DiagnosticIds.TooLarge);
}
