using System.Globalization;
using AutoDiff.Samples.Moons.Training;
using Spectre.Console;

namespace AutoDiff.Samples.Moons.Display;

/// <summary>The <c>--compare</c> table: speed and agreement of the engines trained from the same weights.</summary>
public static class ComparisonReport
{
    /// <summary>Writes the table; the first result is the reference the others are compared with.</summary>
    /// <param name="results">One run per engine, same data, weights and steps.</param>
    public static void Write(IReadOnlyList<TrainingResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        TrainingResult reference = results[0];
        string referenceName = Name(reference.Engine);
        var table = new Table()
            .AddColumn("engine")
            .AddColumn(new TableColumn("time/step").RightAligned())
            .AddColumn(new TableColumn($"vs {referenceName}").RightAligned())
            .AddColumn(new TableColumn("final loss").RightAligned())
            .AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("max |Δloss|").RightAligned());
        foreach (TrainingResult result in results)
        {
            double ratio = result.TimePerStep / reference.TimePerStep;
            table.AddRow(
                Name(result.Engine),
                FormatTime(result.TimePerStep),
                string.Create(CultureInfo.InvariantCulture, $"{ratio:F1}x"),
                result.FinalLoss.ToString("F8", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{100 * result.FinalAccuracy:F0}%"),
                MaxLossDifference(reference, result).ToString("0.0E+00", CultureInfo.InvariantCulture));
        }

        table.Caption($"max |Δloss|: worst gap to the {referenceName} loss at the same step");
        AnsiConsole.Write(table);
        double spread = results.Max(r => r.FinalLoss) - results.Min(r => r.FinalLoss);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Final losses agree within {spread:0.0E+00} (max abs difference)."));
    }

    /// <summary>The largest difference between two runs' losses at the same step.</summary>
    /// <param name="a">One run.</param>
    /// <param name="b">Another run with the same number of steps.</param>
    /// <returns>The maximum absolute difference.</returns>
    public static double MaxLossDifference(TrainingResult a, TrainingResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Steps.Zip(b.Steps, (x, y) => Math.Abs(x.Loss - y.Loss)).Max();
    }

    /// <summary>A duration in the unit that reads best: µs below a millisecond, ms otherwise.</summary>
    /// <param name="time">The duration.</param>
    /// <returns>The text.</returns>
    public static string FormatTime(TimeSpan time) => time.TotalMilliseconds < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalMicroseconds:F1} µs")
        : string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F2} ms");

    private static string Name(EngineKind kind) => kind.ToString().ToLowerInvariant();
}
