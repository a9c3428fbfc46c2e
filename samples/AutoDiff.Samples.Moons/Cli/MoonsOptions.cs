using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Moons.Cli;

/// <summary>What the command line asked for; the defaults reproduce micrograd's demo.</summary>
public sealed record MoonsOptions
{
    /// <summary>micrograd's demo seeds its generators with 1337.</summary>
    public const int DefaultSeed = 1337;

    /// <summary>The engine to train with (ignored by <see cref="Compare"/>, which runs all three).</summary>
    public EngineKind Engine { get; init; } = EngineKind.Generated;

    /// <summary>Train on every engine from the same weights and print a comparison table.</summary>
    public bool Compare { get; init; }

    /// <summary>The network to train: its hidden layer widths (<c>--hidden 16,16</c>, micrograd's demo).</summary>
    public MoonsNetwork Network { get; init; } = MoonsNetwork.Default;

    /// <summary>Number of SGD steps.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Seed of the data set and of the initial weights.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Number of points in the data set.</summary>
    public int Points { get; init; } = 100;

    /// <summary>Folder the plot is written to.</summary>
    public string OutputFolder { get; init; } = Path.Combine("out", "moons");

    /// <summary>Print the usage text and do nothing else.</summary>
    public bool ShowHelp { get; init; }
}
