using System.Diagnostics;
using System.Reflection;

namespace AutoDiff.Samples.Shared;

/// <summary>What the Greeks and CurveFit programs share around their work: options, help, the plot file, and the timing note.</summary>
internal static class SampleProgram
{
    /// <summary>
    /// Parses the options and runs the sample. Exit codes: what <paramref name="run"/> returns, 0 after
    /// <c>--help</c>, 2 for bad options (the message goes to standard error).
    /// </summary>
    /// <typeparam name="TOptions">The sample's options.</typeparam>
    /// <typeparam name="TOptionsException">The sample's bad-options exception.</typeparam>
    /// <param name="args">The command line.</param>
    /// <param name="parse">The sample's parser.</param>
    /// <param name="showHelp">Whether the options ask for the usage text.</param>
    /// <param name="usage">The usage text.</param>
    /// <param name="run">The sample.</param>
    /// <returns>The exit code.</returns>
    public static int Run<TOptions, TOptionsException>(
        string[] args, Func<IReadOnlyList<string>, TOptions> parse, Func<TOptions, bool> showHelp, string usage, Func<TOptions, int> run)
        where TOptionsException : Exception
    {
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (TOptionsException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run with --help to see the options.");
            return 2;
        }

        if (showHelp(options))
        {
            Console.WriteLine(usage);
            return 0;
        }

        return run(options);
    }

    /// <summary>Draws a picture into <paramref name="folder"/>; a missing native graphics library is a message, not a crash.</summary>
    /// <param name="folder">The output folder (created when missing).</param>
    /// <param name="fileName">The PNG's file name.</param>
    /// <param name="draw">Writes the PNG to the path it is given.</param>
    /// <param name="what">What the picture is, for the messages.</param>
    public static void SavePicture(string folder, string fileName, Action<string> draw, string what)
    {
        string path = Path.GetFullPath(Path.Combine(folder, fileName));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            draw(path);
            Console.WriteLine($"{what} written to {path}");
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException)
        {
            // SkiaSharp loads its native library on first use; on a bare Debian/Ubuntu it lacks libfontconfig.
            Console.Error.WriteLine($"No {what.ToLowerInvariant()}: ScottPlot's native graphics library could not be loaded ({e.GetBaseException().Message}).");
            Console.Error.WriteLine("On Debian/Ubuntu install it with: sudo apt-get install libfontconfig1. The numbers above are complete.");
        }
    }

    /// <summary>
    /// A note for under a timing table when AutoDiff.Runtime was compiled without optimisations (plain
    /// <c>dotnet run</c> builds Debug): the generated code's value stack is then neither inlined nor optimised and
    /// checks every push, which slows generated gradients (not plain evaluations) about 2x. Null when optimised.
    /// </summary>
    public static string? TimingNote =>
        typeof(CompilerServices.GradientStack<>).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true
            ? "Note: AutoDiff.Runtime is a Debug build here (dotnet run builds Debug), which slows the generated gradient's value stack; " +
              "for representative timings run with -c Release."
            : null;
}
