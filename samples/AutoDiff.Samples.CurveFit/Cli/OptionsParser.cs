using System.Globalization;
using AutoDiff.Samples.Shared;

namespace AutoDiff.Samples.CurveFit.Cli;

/// <summary>Turns the command line into <see cref="CurveFitOptions"/>; accepts <c>--name value</c> and <c>--name=value</c>.</summary>
public static class OptionsParser
{
    /// <summary>Fewest points: a few per parameter, so the standard errors mean something.</summary>
    public const int MinPoints = 50;

    /// <summary>Most points.</summary>
    public const int MaxPoints = 1_000_000;

    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Fits four Gaussian peaks on a linear baseline (14 parameters) to a noisy synthetic spectrum with Math.NET
        Numerics' L-BFGS and BFGS minimizers, once on the gradient AutoDiff generates and once on Math.NET's own
        forward differences, and compares iterations, objective evaluations, time and error against the truth.
        Writes a plot of data, truth and fit. Exits 1 when a fit on the generated gradient puts a parameter more than
        4 standard errors (from the fit's covariance) from the truth.

        Usage: AutoDiff.Samples.CurveFit [options]

        Options:
          --points <n>     points in the spectrum, 50 to 1,000,000 (default 400)
          --noise <s>      standard deviation of the noise, above 0 and at most 1 (default 0.05)
          --seed <n>       seed of the noise (default 7)
          --out <folder>   where curvefit.png goes (default out/curvefit)
          -h, --help       show this text
        """;

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="OptionsException">An unknown option, a missing value, or a value out of range.</exception>
    public static CurveFitOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CurveFitOptions();
        var reader = new ArgumentReader(args, message => new OptionsException(message));
        while (reader.MoveNext())
        {
            options = reader.Name switch
            {
                "-h" or "--help" => options with { ShowHelp = true },
                "--points" => options with { Points = reader.Int(MinPoints, MaxPoints) },
                "--noise" => options with { Noise = ParseNoise(reader.Value()) },
                "--seed" => options with { Seed = reader.Int(int.MinValue, int.MaxValue) },
                "--out" => options with { OutputFolder = reader.Folder() },
                _ => throw reader.Unknown(),
            };
        }

        return options;
    }

    private static double ParseNoise(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new OptionsException($"--noise must be a number, not '{text}'.");
        }

        return value > 0.0 && value <= 1.0 ? value : throw new OptionsException($"--noise must be above 0 and at most 1, not {text}.");
    }
}
