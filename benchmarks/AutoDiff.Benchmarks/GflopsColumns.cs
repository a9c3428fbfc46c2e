using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AutoDiff.Benchmarks;

/// <summary>
/// "GFLOP/s" of a <see cref="GemmBenchmark"/> row = its case's flops / median time. The median, not the mean: on a
/// shared machine a few iterations lose a core to other work.
/// </summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Billions of floating-point operations per second (FMA = 2), from the median time";

    /// <summary>The row's rate, or null when it has no result or no flop count.</summary>
    public static double? Gflops(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not { } stats) return null;
        if (benchmarkCase.Parameters.Items.FirstOrDefault()?.Value is not GemmCase gemm) return null;
        return gemm.Flops / stats.Median; // flops per nanosecond = GFLOP/s
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Gflops(summary, benchmarkCase) is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>"of peak": a row's GFLOP/s over the higher FMA peak row of the same element type in the same run.</summary>
public sealed class PeakFractionColumn : IColumn
{
    public string Id => nameof(PeakFractionColumn);
    public string ColumnName => "of peak";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "GFLOP/s over the same run's FMA peak for the row's element type (both cores; the higher of its two peak rows)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters.Items.FirstOrDefault()?.Value is not GemmCase gemm) return "-";
        double? peakRate = summary.BenchmarksCases
            .Where(c => c.Parameters.Items.FirstOrDefault()?.Value is GemmCase p && p.Kind == GemmKind.Peak && p.Float == gemm.Float)
            .Select(c => GflopsColumn.Gflops(summary, c))
            .Max();
        if (peakRate is not { } peak || GflopsColumn.Gflops(summary, benchmarkCase) is not { } rate) return "-";
        return (rate / peak).ToString("P0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
