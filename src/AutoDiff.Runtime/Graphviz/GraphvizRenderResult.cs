namespace AutoDiff;

/// <summary>What <see cref="Graphviz.TryRender"/> did.</summary>
/// <param name="Success">True when the output file was written.</param>
/// <param name="Message">A sentence for people, e.g. that Graphviz is not installed.</param>
public sealed record GraphvizRenderResult(bool Success, string Message);
