using AutoDiff.Samples.Moons.Cli;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Display;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Plotting;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Moons;

/// <summary>The program: parse the options, train, report, plot. Exit codes: 0 done, 1 the plot could not be written, 2 bad options.</summary>
public static class MoonsApp
{
    /// <summary>micrograd's demo: <c>make_moons(noise=0.1)</c>.</summary>
    public const double Noise = 0.1;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        MoonsOptions options;
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

        var data = MoonsDataSet.Generate(options.Points, Noise, options.Seed);
        MoonsNetwork network = options.Network;
        double[] initialWeights = network.InitialWeights(options.Seed);
        Console.WriteLine($"Two moons: {data.Count} points, MLP {network} ({network.ParameterCount} parameters), {options.Steps} SGD steps, seed {options.Seed}.");

        TrainingResult shown;
        if (options.Compare)
        {
            var results = Enum.GetValues<EngineKind>().Select(kind => Train(kind, network, data, initialWeights, options.Steps)).ToList();
            ComparisonReport.Write(results);
            shown = results[0];
        }
        else
        {
            shown = Train(options.Engine, network, data, initialWeights, options.Steps);
            Console.WriteLine($"Final accuracy {100 * shown.FinalAccuracy:F0}% (final loss {shown.FinalLoss:F6}), {ComparisonReport.FormatTime(shown.TimePerStep)} per step on the {options.Engine.ToString().ToLowerInvariant()} engine.");
        }

        return SavePlot(data, shown, options.OutputFolder);
    }

    private static TrainingResult Train(EngineKind kind, MoonsNetwork network, MoonsDataSet data, double[] initialWeights, int steps)
    {
        ITrainingEngine engine = EngineFactory.Create(kind, network, data, initialWeights, steps);
        return TrainingDisplay.Run(kind, steps, onStep => MoonsTrainer.Train(engine, data, steps, onStep));
    }

    private static int SavePlot(MoonsDataSet data, TrainingResult result, string folder)
    {
        string path = Path.GetFullPath(Path.Combine(folder, "moons.png"));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            MoonsPlot.Save(data, result, path);
            Console.WriteLine($"Plot written to {path}");
            return 0;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException)
        {
            // SkiaSharp loads its native library on first use; on a bare Debian/Ubuntu it lacks libfontconfig.
            Console.Error.WriteLine($"No plot: ScottPlot's native graphics library could not be loaded ({Innermost(e).Message}).");
            Console.Error.WriteLine("On Debian/Ubuntu install it with: sudo apt-get install libfontconfig1. The training above is complete.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"No plot: could not write {path}: {e.Message}");
            return 1;
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
