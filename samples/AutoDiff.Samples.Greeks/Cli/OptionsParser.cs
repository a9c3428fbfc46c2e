using AutoDiff.Samples.Greeks.Pricing;
using AutoDiff.Samples.Shared;

namespace AutoDiff.Samples.Greeks.Cli;

/// <summary>Turns the command line into <see cref="GreeksOptions"/>; accepts <c>--name value</c> and <c>--name=value</c>.</summary>
public static class OptionsParser
{
    /// <summary>Fewest paths: below this a standard error says little and the 4-standard-error checks mean nothing.</summary>
    public const int MinPaths = 1_000;

    /// <summary>Most time steps per path.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Prices an at-the-money one-year call (S = K = 100, vol 20%, r 5%) by Monte Carlo under geometric Brownian
        motion, European and arithmetic-average (Asian), and computes delta, vega, rho, theta and gamma three ways:
        from the [Differentiable] pricer's generated gradient, by bump-and-revalue on the same normals, and (European)
        from Black-Scholes. Exits 1 when a Greek is more than 4 standard errors from Black-Scholes or the generated
        and bumped Greeks disagree.

        Usage: AutoDiff.Samples.Greeks [options]

        Options:
          --paths <n>      Monte Carlo paths, at least 1,000 (default 100,000)
          --steps <n>      time steps per path, 1 to 10,000 (default 52)
          --seed <n>       seed of the normal-number generator (default 2026)
          --out <folder>   where greeks-cost.png goes (default out/greeks)
          -h, --help       show this text
        """;

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="OptionsException">An unknown option, a missing value, or a value out of range.</exception>
    public static GreeksOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new GreeksOptions();
        var reader = new ArgumentReader(args, message => new OptionsException(message));
        while (reader.MoveNext())
        {
            options = reader.Name switch
            {
                "-h" or "--help" => options with { ShowHelp = true },
                "--paths" => options with { Paths = reader.Int(MinPaths, int.MaxValue) },
                "--steps" => options with { Steps = reader.Int(1, MaxSteps) },
                "--seed" => options with { Seed = reader.Int(int.MinValue, int.MaxValue) },
                "--out" => options with { OutputFolder = reader.Folder() },
                _ => throw reader.Unknown(),
            };
        }

        long normals = (long)options.Paths * options.Steps;
        return normals <= NormalNumbers.MaxCount
            ? options
            : throw new OptionsException(
                $"--paths {options.Paths:N0} × --steps {options.Steps:N0} needs {normals:N0} normal numbers; at most {NormalNumbers.MaxCount:N0} fit in memory here.");
    }
}
