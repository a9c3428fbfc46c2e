using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AutoDiff.Benchmarks;

/// <summary>A benchmark whose work is a known number of floating-point operations per invocation.</summary>
public interface IFlopCount
{
    /// <summary>Floating-point operations done by one call of the benchmark method (an FMA counts 2).</summary>
    double FlopsPerInvocation { get; }
}

/// <summary>
/// Adds "GFLOP/s" = flops per invocation / median time, for benchmark classes implementing <see cref="IFlopCount"/>.
/// The median, not the mean: on a shared machine a few iterations lose a core to other work.
/// </summary>
public sealed class TensorGflopsColumn : IColumn
{
    public string Id => nameof(TensorGflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Billions of floating-point operations per second (FMA = 2), from the median time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "-";
        var instance = (IFlopCount)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
            benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)?.SetValue(instance, parameter.Value);
        return (instance.FlopsPerInvocation / stats.Median).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
