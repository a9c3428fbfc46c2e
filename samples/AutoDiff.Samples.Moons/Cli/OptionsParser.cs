using System.Globalization;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Moons.Cli;

/// <summary>Turns the command line into <see cref="MoonsOptions"/>; accepts <c>--name value</c> and <c>--name=value</c>.</summary>
public static class OptionsParser
{
    /// <summary>Largest accepted <c>--steps</c> and <c>--points</c>: beyond it the tape engine would run for hours.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Trains micrograd's two-moons classifier (an MLP, 2-16-16-1 by default, ReLU, SVM max-margin loss + 1e-4 L2,
        SGD with learning rate 1 - 0.9·k/steps) on gradients from AutoDiff, then plots the decision boundary.

        Usage: AutoDiff.Samples.Moons [options]

        Options:
          --engine <name>   generated (default): the compile-time [Differentiable] gradient
                            tape: the runtime scalar tape (AutoDiff.Value, MLP, Losses)
                            tensor: the tensor engine (AutoDiff.Tensor, Sequential of Linear layers)
          --compare         train on all three engines from the same initial weights and compare
                            time per step and losses
          --hidden <sizes>  hidden layer widths, comma-separated (default 16,16); 1 to 16 layers of
                            1 to 1024 neurons, e.g. --hidden 8 or --hidden 32,32,16
          --steps <n>       SGD steps (default 100)
          --seed <n>        seed of the data set and the initial weights (default 1337)
          --points <n>      points in the data set, at least 2 (default 100)
          --out <folder>    where moons.png goes (default out/moons)
          -h, --help        show this text
        """;

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="OptionsException">An unknown option, a missing value, or a value out of range.</exception>
    public static MoonsOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new MoonsOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals >= 0 && arg.StartsWith("--", StringComparison.Ordinal) ? arg[..equals] : arg;
            string? inline = equals >= 0 && arg.StartsWith("--", StringComparison.Ordinal) ? arg[(equals + 1)..] : null;
            string Value() => inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new OptionsException($"{name} needs a value."));

            options = name switch
            {
                "-h" or "--help" => options with { ShowHelp = true },
                "--compare" => inline is null ? options with { Compare = true } : throw new OptionsException("--compare takes no value."),
                "--engine" => options with { Engine = ParseEngine(Value()) },
                "--hidden" => options with { Network = ParseHidden(Value()) },
                "--steps" => options with { Steps = ParseCount(name, Value(), minimum: 1) },
                "--points" => options with { Points = ParseCount(name, Value(), minimum: 2) },
                "--seed" => options with { Seed = ParseInt(name, Value()) },
                "--out" => options with { OutputFolder = ParseFolder(Value()) },
                _ => throw new OptionsException($"Unknown option '{arg}'."),
            };
        }

        return options;
    }

    private static EngineKind ParseEngine(string text) => text.ToLowerInvariant() switch
    {
        "generated" => EngineKind.Generated,
        "tape" => EngineKind.Tape,
        "tensor" => EngineKind.Tensor,
        _ => throw new OptionsException($"--engine must be generated, tape or tensor, not '{text}'."),
    };

    private static MoonsNetwork ParseHidden(string text)
    {
        string[] parts = text.Split(',');
        if (parts.Length > MoonsNetwork.MaxHiddenLayers)
        {
            throw new OptionsException($"--hidden takes at most {MoonsNetwork.MaxHiddenLayers} layers, not {parts.Length}.");
        }

        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
            {
                throw new OptionsException($"--hidden must list positive whole numbers separated by commas (like 16,16), not '{text}'.");
            }

            if (widths[i] > MoonsNetwork.MaxWidth)
            {
                throw new OptionsException($"--hidden layers have at most {MoonsNetwork.MaxWidth} neurons, not {widths[i]}.");
            }
        }

        return new MoonsNetwork(widths);
    }

    private static int ParseCount(string name, string text, int minimum)
    {
        int value = ParseInt(name, text);
        return value >= minimum && value <= MaxCount
            ? value
            : throw new OptionsException($"{name} must be between {minimum} and {MaxCount:N0}, not {value}.");
    }

    private static int ParseInt(string name, string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new OptionsException($"{name} must be a whole number, not '{text}'.");

    private static string ParseFolder(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new OptionsException("--out must name a folder.") : text;
}
