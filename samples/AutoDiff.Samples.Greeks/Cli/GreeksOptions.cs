namespace AutoDiff.Samples.Greeks.Cli;

/// <summary>What the command line asked for.</summary>
public sealed record GreeksOptions
{
    /// <summary>Monte Carlo paths.</summary>
    public int Paths { get; init; } = 100_000;

    /// <summary>Time steps per path (52: weekly monitoring of the Asian average over a year).</summary>
    public int Steps { get; init; } = 52;

    /// <summary>Seed of the normal-number generator.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Folder the cost chart is written to.</summary>
    public string OutputFolder { get; init; } = Path.Combine("out", "greeks");

    /// <summary>Print the usage text and do nothing else.</summary>
    public bool ShowHelp { get; init; }
}
