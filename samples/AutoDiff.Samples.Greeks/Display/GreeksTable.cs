using System.Globalization;
using System.Text;
using AutoDiff.Samples.Greeks.Greeks;
using AutoDiff.Samples.Greeks.MonteCarlo;

namespace AutoDiff.Samples.Greeks.Display;

/// <summary>The report as plain text: the Greeks table and the cost table.</summary>
public static class GreeksTable
{
    /// <summary>Formats one option's report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="paths">Number of paths, for the title.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Format(GreeksReport report, int paths)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        string title = report.Style == Pricing.OptionStyle.European ? "European call" : "Asian (arithmetic-average) call";
        Line(text, $"{title}, {paths:N0} paths (value ± one standard error)");
        Line(text, $"{"",-6}  {"generated gradient",-24}  {"bump-and-revalue",-24}  {"Black-Scholes",13}  {"SEs off",7}");
        foreach (GreekRow row in report.Rows)
        {
            string closedForm = row.ClosedForm is double exact ? exact.ToString("F6", CultureInfo.InvariantCulture) : "-";
            string off = row.ClosedForm is double reference ? row.Adjoint.StandardErrorsFrom(reference).ToString("F2", CultureInfo.InvariantCulture) : "-";
            Line(text, $"{row.Greek.ToString().ToLowerInvariant(),-6}  {WithError(row.Adjoint),-24}  {WithError(row.Bump),-24}  {closedForm,13}  {off,7}");
        }

        GreekTimings t = report.Timings;
        Line(text, "");
        Line(text, $"{"run",-44}  {"time",10}  {"pricings",8}");
        Cost(text, "one pricing", t, t.Pricing);
        Cost(text, "generated gradient: price + 4 Greeks", t, t.AdjointGreeks);
        Cost(text, "bump-and-revalue: 4 Greeks (8 pricings)", t, t.BumpGreeks);
        Cost(text, "gamma: bumped generated delta (2 sweeps)", t, t.AdjointGamma);
        Cost(text, "gamma: second difference (3 pricings)", t, t.BumpGamma);
        return text.ToString();
    }

    private static void Cost(StringBuilder text, string name, GreekTimings timings, TimeSpan time) =>
        Line(text, $"{name,-44}  {time.TotalMilliseconds,7:F1} ms  {timings.InPricings(time),8:F2}");

    private static string WithError(Estimate estimate) => string.Create(
        CultureInfo.InvariantCulture, $"{estimate.Mean,11:F6} ± {estimate.StandardError:F6}");

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}
