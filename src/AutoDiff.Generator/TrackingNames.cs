namespace AutoDiff.Generator;

/// <summary>Names of the incremental pipeline steps, so tests can check each one is cached.</summary>
internal static class TrackingNames
{
    public const string ParsedMethods = nameof(ParsedMethods);
    public const string Models = nameof(Models);
    public const string MethodDiagnostics = nameof(MethodDiagnostics);
    public const string DerivativeOfChecks = nameof(DerivativeOfChecks);
}
