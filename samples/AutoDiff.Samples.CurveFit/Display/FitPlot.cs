using AutoDiff.Samples.CurveFit.Fitting;
using AutoDiff.Samples.CurveFit.Model;
using ScottPlot;

namespace AutoDiff.Samples.CurveFit.Display;

/// <summary>The picture: the noisy data, the true spectrum and the fit, with the residuals underneath.</summary>
public static class FitPlot
{
    private const int CurvePoints = 1000;

    /// <summary>Draws the fit and saves it as a PNG.</summary>
    /// <param name="data">The spectrum.</param>
    /// <param name="start">Where the minimizers started.</param>
    /// <param name="fit">The fit to draw.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <exception cref="TypeInitializationException">SkiaSharp's native library could not be loaded.</exception>
    /// <exception cref="DllNotFoundException">A native library SkiaSharp needs (e.g. libfontconfig) is missing.</exception>
    public static void Save(SyntheticSpectrum data, IReadOnlyList<double> start, FitResult fit, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(fit);
        double[] xs = [.. Enumerable.Range(0, CurvePoints).Select(i => 10.0 * i / (CurvePoints - 1))];
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.DraggableRows();

        Plot top = multiplot.GetPlot(0);
        var points = top.Add.ScatterPoints(data.X, data.Y);
        points.MarkerSize = 3;
        points.Color = Colors.Gray.WithAlpha(0.6);
        points.LegendText = "data";
        var truth = top.Add.ScatterLine(xs, [.. xs.Select(x => Spectrum.Model(data.TrueParameters, x))]);
        truth.Color = Colors.Black;
        truth.LineWidth = 2;
        truth.LinePattern = LinePattern.Dashed;
        truth.LegendText = "truth";
        var guess = top.Add.ScatterLine(xs, [.. xs.Select(x => Spectrum.Model([.. start], x))]);
        guess.Color = Color.FromHex("#1f77b4").WithAlpha(0.7);
        guess.LineWidth = 1;
        guess.LinePattern = LinePattern.Dotted;
        guess.LegendText = "start";
        var fitted = top.Add.ScatterLine(xs, [.. xs.Select(x => Spectrum.Model(fit.Parameters, x))]);
        fitted.Color = Color.FromHex("#d62728");
        fitted.LineWidth = 1.5f;
        fitted.LegendText = $"{FitTable.Name(fit.Minimizer)} fit on the {FitTable.Name(fit.Source)} gradient";
        top.Title($"Four Gaussian peaks on a linear baseline: {data.X.Length} points, noise σ = {data.Noise}");
        top.YLabel("signal");
        top.ShowLegend(Alignment.UpperLeft);

        Plot bottom = multiplot.GetPlot(1);
        var residuals = bottom.Add.ScatterPoints(data.X, [.. data.X.Select((x, i) => data.Y[i] - Spectrum.Model(fit.Parameters, x))]);
        residuals.MarkerSize = 3;
        residuals.Color = Colors.Gray;
        bottom.Add.HorizontalLine(0, 1, Colors.Black);
        bottom.YLabel("residual");
        bottom.XLabel("x");
        multiplot.SavePng(path, 1000, 750);
    }
}
