using AutoDiff.Samples.Greeks.Greeks;
using ScottPlot;

namespace AutoDiff.Samples.Greeks.Display;

/// <summary>A bar chart of what the Greeks cost, in pricings, per option: the picture of the adjoint's point.</summary>
public static class CostPlot
{
    private static readonly string[] Labels = ["generated: price + 4 Greeks", "bump: 4 Greeks", "generated: gamma", "bump: gamma"];

    /// <summary>Draws the costs of the reports and saves the chart as a PNG.</summary>
    /// <param name="reports">One report per option.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <exception cref="TypeInitializationException">SkiaSharp's native library could not be loaded.</exception>
    /// <exception cref="DllNotFoundException">A native library SkiaSharp needs (e.g. libfontconfig) is missing.</exception>
    public static void Save(IReadOnlyList<GreeksReport> reports, string path)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var plot = new Plot();
        Color[] colors = [Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e")];
        var bars = new List<Bar>();
        for (int r = 0; r < reports.Count; r++)
        {
            GreekTimings t = reports[r].Timings;
            double[] costs = [t.InPricings(t.AdjointGreeks), t.InPricings(t.BumpGreeks), t.InPricings(t.AdjointGamma), t.InPricings(t.BumpGamma)];
            for (int k = 0; k < costs.Length; k++)
            {
                bars.Add(new Bar { Position = k * (reports.Count + 1) + r, Value = costs[k], FillColor = colors[r % colors.Length] });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = reports[r].Style.ToString(), FillColor = colors[r % colors.Length] });
        }

        plot.Add.Bars(bars);
        double[] ticks = Enumerable.Range(0, Labels.Length).Select(k => k * (reports.Count + 1) + (reports.Count - 1) / 2.0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, Labels);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("time, in pricings of the same option");
        plot.Title("Cost of Greeks: one adjoint sweep vs bump-and-revalue");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 500);
    }
}
