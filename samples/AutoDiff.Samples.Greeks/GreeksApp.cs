using AutoDiff.Samples.Greeks.Cli;
using AutoDiff.Samples.Greeks.Display;
using AutoDiff.Samples.Greeks.Greeks;
using AutoDiff.Samples.Greeks.MonteCarlo;
using AutoDiff.Samples.Greeks.Pricing;
using AutoDiff.Samples.Shared;

namespace AutoDiff.Samples.Greeks;

/// <summary>The program: parse the options, draw the normals, price and compute Greeks, print, check, plot.
/// Exit codes: 0 every check passed, 1 a check failed, 2 bad options.</summary>
public static class GreeksApp
{
    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args) =>
        SampleProgram.Run<GreeksOptions, OptionsException>(args, OptionsParser.Parse, options => options.ShowHelp, OptionsParser.Usage, Run);

    private static int Run(GreeksOptions options)
    {
        Market market = Market.Default;
        Console.WriteLine(
            $"Monte Carlo under GBM: S = {market.Spot}, K = {market.Strike}, vol = {market.Volatility}, r = {market.Rate}, T = {market.Maturity}; " +
            $"{options.Paths:N0} paths x {options.Steps} steps, seed {options.Seed}, {Environment.ProcessorCount} cores.");
        NormalNumbers normals = NormalNumbers.Draw(options.Paths, options.Steps, options.Seed);
        OptionStyle[] styles = [OptionStyle.European, OptionStyle.Asian];
        long totalPaths = (long)options.Paths * GreeksCalculator.RunsPerOption * styles.Length;
        List<GreeksReport> reports = ProgressDisplay.Run(
            "pricing and Greeks",
            totalPaths,
            onPathsDone => styles.Select(style => GreeksCalculator.Compute(market, style, normals, onPathsDone)).ToList());

        var failures = new List<string>();
        foreach (GreeksReport report in reports)
        {
            Console.WriteLine();
            Console.Write(GreeksTable.Format(report, options.Paths));
            failures.AddRange(GreekChecks.Failures(report));
        }

        if (SampleProgram.TimingNote is string note)
        {
            Console.WriteLine();
            Console.WriteLine(note);
        }

        SampleProgram.SavePicture(options.OutputFolder, "greeks-cost.png", path => CostPlot.Save(reports, path), "Cost chart");
        Console.WriteLine();
        if (failures.Count > 0)
        {
            failures.ForEach(failure => Console.Error.WriteLine($"FAILED {failure}"));
            return 1;
        }

        Console.WriteLine(
            $"All checks passed: every European Greek within {GreekChecks.MaxStandardErrors} standard errors of Black-Scholes; " +
            $"generated and bumped Greeks agree (first order within {GreekChecks.MaxFirstOrderDisagreement} standard errors on the same paths, " +
            $"gamma within {GreekChecks.MaxStandardErrors} combined standard errors).");
        return 0;
    }
}
