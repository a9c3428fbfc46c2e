using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;
using ScottPlot;

namespace AutoDiff.Samples.Moons.Plotting;

/// <summary>
/// The picture of a run: left, the trained network's decision regions (its score on a grid) under the points
/// coloured by label; right, the loss and accuracy per step.
/// </summary>
public static class MoonsPlot
{
    private const int GridSize = 200;
    private const double Margin = 0.5;
    private static readonly Color LowerMoonColor = Color.FromHex("#d62728");
    private static readonly Color UpperMoonColor = Color.FromHex("#1f77b4");
    private static readonly Color LowerRegionColor = Color.FromHex("#f4b6b0");
    private static readonly Color UpperRegionColor = Color.FromHex("#b3cde8");

    /// <summary>Draws the run and saves it as a PNG.</summary>
    /// <param name="data">The training points.</param>
    /// <param name="result">The finished run.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <exception cref="TypeInitializationException">SkiaSharp's native library could not be loaded.</exception>
    /// <exception cref="DllNotFoundException">A native library SkiaSharp needs (e.g. libfontconfig) is missing.</exception>
    public static void Save(MoonsDataSet data, TrainingResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(result);
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        DrawDecisionBoundary(multiplot.GetPlot(0), data, result);
        DrawLearningCurve(multiplot.GetPlot(1), result);
        multiplot.SavePng(path, 1400, 620);
    }

    private static void DrawDecisionBoundary(Plot plot, MoonsDataSet data, TrainingResult result)
    {
        double xMin = data.Points.Min(p => p.X) - Margin, xMax = data.Points.Max(p => p.X) + Margin;
        double yMin = data.Points.Min(p => p.Y) - Margin, yMax = data.Points.Max(p => p.Y) + Margin;

        // Row 0 of a heatmap is drawn at the top, so rows run from yMax down. The grid is scored as one batch.
        var grid = new double[GridSize * GridSize * MoonsNetwork.Inputs];
        for (int row = 0; row < GridSize; row++)
        {
            for (int col = 0; col < GridSize; col++)
            {
                int cell = MoonsNetwork.Inputs * (row * GridSize + col);
                grid[cell] = xMin + (col + 0.5) * (xMax - xMin) / GridSize;
                grid[cell + 1] = yMax - (row + 0.5) * (yMax - yMin) / GridSize;
            }
        }

        double[] gridScores = new NetworkScorer(result.Network).Scores(result.FinalWeights, grid);
        var scores = new double[GridSize, GridSize];
        var surface = new Coordinates3d[GridSize, GridSize];
        for (int row = 0; row < GridSize; row++)
        {
            for (int col = 0; col < GridSize; col++)
            {
                int cell = row * GridSize + col;
                scores[row, col] = gridScores[cell];
                surface[row, col] = new Coordinates3d(grid[MoonsNetwork.Inputs * cell], grid[MoonsNetwork.Inputs * cell + 1], gridScores[cell]);
            }
        }

        var regions = plot.Add.Heatmap(scores);
        regions.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
        regions.Colormap = new ScottPlot.Colormaps.CustomInterpolated([UpperRegionColor, Colors.White, LowerRegionColor]);
        regions.ManualRange = new ScottPlot.Range(-2, 2); // symmetric, so score 0 (the boundary) is white

        var boundary = plot.Add.ContourLines(surface, 1);
        boundary.ContourLineLevels = [0.0];
        boundary.Update(surface);
        boundary.LineColor = Colors.Black;
        boundary.LineWidth = 2;
        boundary.LabelStyle.IsVisible = false;

        AddPoints(plot, data, label: -1.0, UpperMoonColor, "class -1 (upper moon)");
        AddPoints(plot, data, label: +1.0, LowerMoonColor, "class +1 (lower moon)");

        plot.Title($"MLP {result.Network}, boundary after {result.Steps.Count} steps: {100 * result.FinalAccuracy:F0}% accuracy");
        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.ShowLegend(Alignment.UpperRight);
    }

    private static void AddPoints(Plot plot, MoonsDataSet data, double label, Color color, string legend)
    {
        MoonPoint[] points = data.Points.Where(p => p.Label == label).ToArray();
        var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        scatter.MarkerSize = 8;
        scatter.MarkerShape = MarkerShape.FilledCircle;
        scatter.MarkerLineColor = Colors.Black;
        scatter.MarkerLineWidth = 0.6f;
        scatter.LegendText = legend;
    }

    private static void DrawLearningCurve(Plot plot, TrainingResult result)
    {
        double[] steps = result.Steps.Select(s => (double)s.Step + 1).ToArray();
        var loss = plot.Add.ScatterLine(steps, result.Steps.Select(s => s.Loss).ToArray(), Colors.Black);
        loss.LineWidth = 2;
        loss.LegendText = "loss (left axis)";

        var accuracy = plot.Add.ScatterLine(steps, result.Steps.Select(s => 100 * s.Accuracy).ToArray(), Colors.SeaGreen);
        accuracy.LineWidth = 2;
        accuracy.LinePattern = LinePattern.Dashed;
        accuracy.LegendText = "accuracy % (right axis)";
        accuracy.Axes.YAxis = plot.Axes.Right;

        plot.Title($"Loss and accuracy per step ({result.Engine.ToString().ToLowerInvariant()} gradients), final loss {result.FinalLoss:F4}");
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.Axes.Right.Label.Text = "training accuracy (%)";
        plot.Axes.SetLimitsY(0, result.Steps.Max(s => s.Loss) * 1.05, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
        plot.ShowLegend(Alignment.MiddleRight);
    }
}
