using AutoDiff.Samples.CurveFit.Cli;
using AutoDiff.Samples.CurveFit.Display;
using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;
using AutoDiff.Samples.Shared;

namespace AutoDiff.Samples.CurveFit;

/// <summary>The program: parse the options, draw the spectrum, fit it four ways, print, check, plot.
/// Exit codes: 0 the fits on the generated gradient recover the truth, 1 one does not, 2 bad options.</summary>
public static class CurveFitApp
{
    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args) =>
        SampleProgram.Run<CurveFitOptions, OptionsException>(args, OptionsParser.Parse, options => options.ShowHelp, OptionsParser.Usage, Run);

    private static int Run(CurveFitOptions options)
    {
        SyntheticSpectrum data = SyntheticSpectrum.Generate(SyntheticSpectrum.DefaultTruth, options.Points, options.Noise, options.Seed);
        double[] start = InitialGuess.Near(data.TrueParameters);
        Console.WriteLine($"Spectrum: {data.X.Length} points, 4 Gaussian peaks + linear baseline ({start.Length} parameters), noise {data.Noise}, seed {options.Seed}.");
        List<FitResult> fits = [.. Fits().Select(run => CurveFitter.Fit(data, start, run.Minimizer, run.Source))];
        Console.WriteLine();
        Console.Write(FitTable.Format(data, fits));
        if (SampleProgram.TimingNote is string note)
        {
            Console.WriteLine(note);
        }

        SampleProgram.SavePicture(options.OutputFolder, "curvefit.png", path => FitPlot.Save(data, start, fits[0], path), "Plot");

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
}
