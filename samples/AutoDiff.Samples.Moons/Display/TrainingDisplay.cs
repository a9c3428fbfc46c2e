using System.Globalization;
using AutoDiff.Samples.Moons.Training;
using Spectre.Console;

namespace AutoDiff.Samples.Moons.Display;

/// <summary>
/// Shows a run's progress: a live Spectre.Console progress bar on a terminal, plain lines (every tenth of the
/// run) when the output is redirected or the console cannot redraw, so logs stay readable.
/// </summary>
public static class TrainingDisplay
{
    /// <summary>True when the console can redraw a live display.</summary>
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi;

    /// <summary>Runs <paramref name="train"/>, feeding its per-step callback to the display.</summary>
    /// <param name="engine">The engine being trained, for the caption.</param>
    /// <param name="steps">The number of steps, for the bar.</param>
    /// <param name="train">The training run; it calls the given callback after every step.</param>
    /// <returns>What <paramref name="train"/> returned.</returns>
    public static TrainingResult Run(EngineKind engine, int steps, Func<Action<TrainingStep>, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        string name = engine.ToString().ToLowerInvariant();
        if (!IsInteractive)
        {
            int every = Math.Max(1, steps / 10);
            return train(step =>
            {
                if (step.Step % every == 0 || step.Step == steps - 1)
                {
                    Console.WriteLine($"[{name}] {Describe(step, steps)}");
                }
            });
        }

        TrainingResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape($"[{name}] starting"), maxValue: steps);
                result = train(step =>
                {
                    task.Description = Markup.Escape($"[{name}] {Describe(step, steps)}");
                    task.Increment(1);
                });
            });
        return result!;
    }

    /// <summary>One step as a line of text: step, loss, accuracy.</summary>
    /// <param name="step">The step.</param>
    /// <param name="steps">The run's number of steps.</param>
    /// <returns>The text.</returns>
    public static string Describe(TrainingStep step, int steps) => string.Create(
        CultureInfo.InvariantCulture, $"step {step.Step + 1,4}/{steps}  loss {step.Loss:F6}  accuracy {step.Accuracy * 100,3:F0}%");
}
