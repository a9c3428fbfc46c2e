namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// What one request may cost. Every limit turns into a 4xx with a diagnostic that names it, so a visitor's
/// code can neither keep the server busy nor make it allocate without bound.
/// </summary>
public sealed record ExplorerLimits
{
    /// <summary>Request bodies above this many bytes are refused before they are parsed.</summary>
    public int MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>The longest source, in characters: a method, not a program (and Roslyn parses some 20,000-character texts in seconds).</summary>
    public int MaxSourceChars { get; init; } = 10_000;

    /// <summary>The deepest syntax tree: keeps every recursive walk (the generator's, the interpreter's) far from the stack's end.</summary>
    public int MaxSyntaxDepth { get; init; } = 200;

    /// <summary>Loop iterations in one evaluation, all loops together.</summary>
    public int MaxLoopIterations { get; init; } = 100_000;

    /// <summary>Tape nodes one evaluation may create.</summary>
    public int MaxTapeNodes { get; init; } = 200_000;

    /// <summary>Loop iterations for a whole plot, all its samples together.</summary>
    public int MaxPlotLoopIterations { get; init; } = 1_000_000;

    /// <summary>The most samples a plot may ask for.</summary>
    public int MaxPlotPoints { get; init; } = 401;

    /// <summary>Graphs with more nodes than this are not sent as DOT (the page could not lay them out readably anyway).</summary>
    public int MaxDrawnNodes { get; init; } = 1_000;

    /// <summary>
    /// Wall time for one request: analysis, generation and evaluation together. The first analysis in a process
    /// loads and compiles Roslyn and the generator, seconds on a busy two-core machine, hence ten.
    /// </summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
}
