using AutoDiff.CompilerServices;

namespace AutoDiff.Runtime.Tests.CompilerServices;

/// <summary>
/// <see cref="LoopWindow.Of{T}(ReadOnlySpan{T}, int, int)"/> throws what a loop over the same indices would throw at
/// its first bad index, and checks nothing when the loop would not run.
/// </summary>
public class LoopWindowTests
{
    private static readonly double[] Values = [10, 11, 12, 13, 14];

    [Fact]
    public void Window_is_the_run_the_loop_reads()
    {
        Assert.Equal([11.0, 12, 13], LoopWindow.Of((ReadOnlySpan<double>)Values, 1, 3).ToArray());
        Assert.Equal([13.0, 14], LoopWindow.Of(Values.AsSpan(), 3, 2).ToArray());
        Assert.Equal([10.0], LoopWindow.Of(Values, 0, 1).ToArray());
    }

    [Fact]
    public void Writes_through_a_window_land_in_the_sequence()
    {
        var values = new double[4];
        LoopWindow.Of(values, 1, 2)[1] = 5;
        Assert.Equal([0.0, 0, 5, 0], values);
    }

    [Fact]
    public void Clear_zeroes_the_run_and_nothing_else()
    {
        var values = new double[] { 1, 2, 3, 4, 5 };
        LoopWindow.Clear(values.AsSpan(), 1, 3);
        Assert.Equal([1.0, 0, 0, 0, 5], values);
        LoopWindow.Clear(values, 4, 1);
        Assert.Equal([1.0, 0, 0, 0, 0], values);
        LoopWindow.Clear(values, 99, 0);
        Assert.Throws<IndexOutOfRangeException>(() => LoopWindow.Clear(values, 3, 3));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(-99, -3)]
    [InlineData(int.MaxValue, int.MinValue)]
    public void No_iterations_check_nothing(int start, int count) =>
        Assert.True(LoopWindow.Of((ReadOnlySpan<double>)Values, start, count).IsEmpty);

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(5, 1)]
    [InlineData(3, 3)]
    [InlineData(1, int.MaxValue)]
    [InlineData(int.MaxValue, 2)]
    public void Any_index_out_of_range_throws_index_out_of_range(int start, int count)
    {
        Assert.Throws<IndexOutOfRangeException>(() => LoopWindow.Of((ReadOnlySpan<double>)Values, start, count).Length);
        Assert.Throws<IndexOutOfRangeException>(() => LoopWindow.Of(Values.AsSpan(), start, count).Length);
        Assert.Throws<IndexOutOfRangeException>(() => LoopWindow.Of(Values, start, count).Length);
    }

    [Fact]
    public void Null_array_throws_null_reference_only_when_the_loop_runs()
    {
        Assert.Throws<NullReferenceException>(() => LoopWindow.Of((double[])null!, 0, 1).Length);
        Assert.True(LoopWindow.Of((double[])null!, 0, 0).IsEmpty);
    }
}
