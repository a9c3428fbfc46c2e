using AutoDiff.PropertyTests.Programs;

namespace AutoDiff.PropertyTests.Checking;

/// <summary>How many random programs and mutants a run checks: CI defaults, raised by environment variables for long runs.</summary>
internal static class Budget
{
    /// <summary>Functions per in-memory compilation: one compilation amortises Roslyn's fixed cost over many programs.</summary>
    public const int BatchSize = 50;

    /// <summary>
    /// Random programs per run, split evenly over the thirteen families (AUTODIFF_PROPERTY_PROGRAMS, default 2600: 200 per
    /// family, so the five int-and-loop families check 1,000 programs).
    /// </summary>
    public static int Programs => Read("AUTODIFF_PROPERTY_PROGRAMS", 2600);

    /// <summary>Mutated sources the fuzz test runs the generator on (AUTODIFF_FUZZ_SOURCES, default 2000).</summary>
    public static int FuzzSources => Read("AUTODIFF_FUZZ_SOURCES", 2000);

    /// <summary>Batches for one family so the families together reach <see cref="Programs"/>.</summary>
    public static int BatchesPerFamily => Math.Max(1, (int)Math.Ceiling(Programs / (double)Enum.GetValues<Features>().Length / BatchSize));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
