using AutoDiff.Samples.CurveFit.Cli;
using AutoDiff.Samples.CurveFit.Display;
using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;

namespace AutoDiff.Samples.CurveFit;

/// <summary>The program: parse the options, draw the spectrum, fit it four ways, print, check, plot.
/// Exit codes: 0 the fits on the generated gradient recover the truth, 1 one does not, 2 bad options.</summary>
public static class CurveFitApp
{
    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        CurveFitOptions options;
        try
        {
            options = OptionsParser.Parse(args);
        }
        catch (OptionsException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run with --help to see the options.");
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(OptionsParser.Usage);
            return 0;
        }

        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, options.Points, options.Noise, options.Seed);
        double[] start = InitialGuess.Near(data.TrueParameters);
        Console.WriteLine($"Spectrum: {data.X.Length} points, 4 Gaussian peaks + linear baseline ({start.Length} parameters), noise {data.Noise}, seed {options.Seed}.");
        List<FitResult> fits = [.. Fits().Select(run => CurveFitter.Fit(data, start, run.Minimizer, run.Source))];
        Console.WriteLine();
        Console.Write(FitTable.Format(data, fits));
        if (RuntimeBuild.TimingNote is string note)
        {
            Console.WriteLine(note);
        }

        SavePlot(data, start, fits[0], options.OutputFolder);

        var failures = FitChecks.Failures(data, fits);
        Console.WriteLine();
        if (failures.Count > 0)
        {
            failures.ForEach(failure => Console.Error.WriteLine($"FAILED {failure}"));
            return 1;
        }

        Console.WriteLine($"All checks passed: every fit on the generated gradient puts every parameter within {FitUncertainty.MaxStandardErrors} standard errors of the truth.");
        return 0;
    }

    /// <summary>The fits the sample runs, in table order: each minimizer on the generated gradient, then on finite differences.</summary>
    /// <returns>The (minimizer, gradient) pairs.</returns>
    public static IEnumerable<(MinimizerKind Minimizer, GradientSource Source)> Fits() =>
        from minimizer in new[] { MinimizerKind.Lbfgs, MinimizerKind.Bfgs }
        from source in new[] { GradientSource.Generated, GradientSource.FiniteDifferences }
        select (minimizer, source);

    private static void SavePlot(SyntheticSpectrum data, double[] start, FitResult fit, string folder)
    {
        string path = Path.GetFullPath(Path.Combine(folder, "curvefit.png"));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            FitPlot.Save(data, start, fit, path);
            Console.WriteLine($"Plot written to {path}");
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException)
        {
            // SkiaSharp loads its native library on first use; on a bare Debian/Ubuntu it lacks libfontconfig.
            Console.Error.WriteLine($"No plot: ScottPlot's native graphics library could not be loaded ({e.GetBaseException().Message}).");
            Console.Error.WriteLine("On Debian/Ubuntu install it with: sudo apt-get install libfontconfig1. The fits above are complete.");
        }
    }
}
