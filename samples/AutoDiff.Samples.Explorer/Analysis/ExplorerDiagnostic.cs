using Microsoft.CodeAnalysis;

namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// One problem or note about a request, as the API returns it. Lines and columns are 1-based and count in the
/// visitor's own source (the wrapper the explorer adds around it is subtracted); they are null when the
/// diagnostic is about the request as a whole or about generated code.
/// </summary>
public sealed record ExplorerDiagnostic(
    string Id,
    string Severity,
    string Message,
    int? Line = null,
    int? Column = null,
    int? EndLine = null,
    int? EndColumn = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsError => Severity == "error";

    /// <summary>An explorer diagnostic (EX…) that is an error at a span of the visitor's source.</summary>
    public static ExplorerDiagnostic Error(string id, string message, SourceSpanInfo? where = null) =>
        new(id, "error", message, where?.Line, where?.Column, where?.EndLine, where?.EndColumn);

    public static ExplorerDiagnostic Info(string id, string message) => new(id, "info", message);

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>A span in the visitor's source, 1-based lines and columns.</summary>
public sealed record SourceSpanInfo(int Line, int Column, int EndLine, int EndColumn);
