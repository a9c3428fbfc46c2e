namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// The explorer's own diagnostic ids (docs/explorer.md lists them). Roslyn's (CS…) and the generator's (AD…)
/// are passed through with their own ids.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>The request itself is malformed: not JSON, a missing field, a point value that is not a number.</summary>
    public const string BadRequest = "EX0001";

    /// <summary>The request or the source is larger than the explorer accepts.</summary>
    public const string TooLarge = "EX0002";

    /// <summary>The source is not one static method the explorer can wrap (several members, directives, too deeply nested).</summary>
    public const string SourceShape = "EX0003";

    /// <summary>A construct outside the subset the explorer evaluates.</summary>
    public const string OutsideSubset = "EX0004";

    /// <summary>The loops ran more iterations than the limit.</summary>
    public const string LoopLimit = "EX0005";

    /// <summary>The evaluation built more tape nodes than the limit.</summary>
    public const string NodeLimit = "EX0006";

    /// <summary>The request took longer than the time limit.</summary>
    public const string TimeLimit = "EX0007";

    /// <summary>An arithmetic error while evaluating (integer division by zero, an integer overflow C# would throw for).</summary>
    public const string ArithmeticError = "EX0008";

    /// <summary>The expression graph is too large to send as DOT (info).</summary>
    public const string GraphNotDrawn = "EX0009";
}
