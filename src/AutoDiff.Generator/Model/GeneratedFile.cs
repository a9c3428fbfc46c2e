namespace AutoDiff.Generator.Model;

/// <summary>One generated file: what the source output adds. Holds no positions, so moving a method does not re-add it.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>The emit stage's result for one method: its file (null when it has none) and every diagnostic about it.</summary>
internal sealed record EmitResult(GeneratedFile? File, EquatableArray<DiagnosticInfo> Diagnostics);
