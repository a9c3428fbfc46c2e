namespace AutoDiff.Samples.CurveFit.Cli;

/// <summary>What the command line asked for.</summary>
public sealed record CurveFitOptions
{
    /// <summary>Points in the spectrum.</summary>
    public int Points { get; init; } = 400;

    /// <summary>Standard deviation of the noise.</summary>
    public double Noise { get; init; } = 0.05;

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Folder the plot is written to.</summary>
    public string OutputFolder { get; init; } = Path.Combine("out", "curvefit");

    /// <summary>Print the usage text and do nothing else.</summary>
    public bool ShowHelp { get; init; }
}
