using Spectre.Console;

namespace AutoDiff.Samples.Greeks.Display;

/// <summary>
/// A Spectre.Console progress bar over all the paths of all the runs on a terminal; plain lines (every tenth of
/// the work) when the output is redirected, so logs stay readable.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports finished paths through the callback it is given (from any thread).</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="caption">What is running.</param>
    /// <param name="totalPaths">Paths over all runs, for the bar.</param>
    /// <param name="work">The work.</param>
    /// <returns>What <paramref name="work"/> returned.</returns>
    public static T Run<T>(string caption, long totalPaths, Func<Action<int>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi;
        if (!interactive)
        {
            long done = 0;
            long tenth = Math.Max(1, totalPaths / 10);
            return work(paths =>
            {
                long before = Interlocked.Add(ref done, paths) - paths;
                if ((before + paths) / tenth > before / tenth)
                {
                    Console.WriteLine($"{caption}: {100 * (before + paths) / totalPaths,3}%");
                }
            });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(caption), maxValue: totalPaths);
                result = work(paths => task.Increment(paths));
            });
        return result;
    }
}
