namespace AutoDiff.Generator;

/// <summary>Names of the incremental pipeline steps, so tests can check each one is cached.</summary>
internal static class TrackingNames
{
    public const string ParsedMethods = nameof(ParsedMethods);
    public const string EmittedMethods = nameof(EmittedMethods);
    public const string GeneratedFiles = nameof(GeneratedFiles);
    public const string MethodDiagnostics = nameof(MethodDiagnostics);
    public const string DerivativeOfChecks = nameof(DerivativeOfChecks);
}
