using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Loop windows (corpus <c>LoopWindows</c>): a counted loop that reads <c>x[start + i]</c> on every iteration reads it
/// through one span taken before the loop. The window checks the whole run up front, so these tests pin that the
/// generated code still fails exactly where the source does, and takes no window where an early check could fail
/// where the source would not.
/// </summary>
public class LoopWindowTests
{
    private static readonly Type Corpus = CorpusFiles.Load("LoopWindows").Assembly.GetType("Corpus.LoopWindows")!;

    [Fact]
    public void A_run_read_on_every_iteration_gets_a_window_in_both_sweeps()
    {
        var source = Generated("RunOfSquares");
        Assert.Equal(2, Count(source, "LoopWindow.Of(x, start, count)"));
        Assert.Equal(2, Count(source, "LoopWindow.Of(dx, start, count)")); // the gradient and the pullback's reverse sweeps
    }

    [Theory]
    [InlineData("UntilNegative")]
    [InlineData("BelowLimit")]
    [InlineData("MovingStart")]
    public void A_run_some_iteration_may_skip_or_that_moves_gets_no_window(string method) =>
        Assert.DoesNotContain("LoopWindow.Of", Generated(method), StringComparison.Ordinal);

    [Fact]
    public void Gradient_of_a_windowed_run_is_twice_the_run()
    {
        double[] x = [0.5, -1.25, 2.0, 3.5, -0.75, 1.5];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("RunOfSquaresGradient")!.Invoke(null, [x, 2, 3, dx])!;
        Assert.Equal((2.0 * 2.0) + (3.5 * 3.5) + (0.75 * 0.75), value);
        Assert.Equal([0, 0, 4.0, 7.0, -1.5, 0], dx);
    }

    [Theory]
    [InlineData(3, 5)] // runs past the end
    [InlineData(-1, 2)] // starts before the start
    [InlineData(5, int.MaxValue)] // start + count overflows
    public void Out_of_range_run_throws_what_the_source_throws(int start, int count)
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("RunOfSquares")!.Invoke(null, [x, start, count]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("RunOfSquaresGradient")!.Invoke(null, [x, start, count, new double[x.Length]]));
        Assert.IsType<IndexOutOfRangeException>(primal.InnerException);
        Assert.IsType<IndexOutOfRangeException>(generated.InnerException);
        Assert.Equal(primal.InnerException!.Message, generated.InnerException!.Message);
    }

    [Fact]
    public void Null_sequence_throws_what_the_source_throws()
    {
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("RunOfSquares")!.Invoke(null, [null, 0, 2]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("RunOfSquaresGradient")!.Invoke(null, [null, 0, 2, Array.Empty<double>()]));
        Assert.IsType<NullReferenceException>(primal.InnerException);
        Assert.IsType<NullReferenceException>(generated.InnerException);
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(-7, -3)]
    public void A_loop_that_does_not_run_checks_no_index(int start, int count)
    {
        double[] x = [1, 2, 3];
        var dx = new double[x.Length];
        Assert.Equal(0.0, (double)Corpus.GetMethod("RunOfSquaresGradient")!.Invoke(null, [x, start, count, dx])!);
        Assert.Equal([0, 0, 0], dx);
    }

    [Fact]
    public void A_run_past_the_end_that_is_never_read_does_not_throw()
    {
        double[] x = [1, 2, 3, 4];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("BelowLimitGradient")!.Invoke(null, [x, 1, 10, 2, dx])!;
        Assert.Equal((2.0 * 2.0) + (3.0 * 3.0), value);
        Assert.Equal([0, 4.0, 6.0, 0], dx);
    }

    [Fact]
    public void A_run_every_row_reads_alike_is_one_window_before_the_rows()
    {
        var source = Generated("Layer");
        // One per sweep pair (the gradient's iteration adjoints share the primal's; the pullback likewise), none per row.
        Assert.Equal(2, Count(source, "rows > 0 ? global::AutoDiff.CompilerServices.LoopWindow.Of(x, start, count) : default"));
        Assert.Equal(2, Count(source, "LoopWindow.Of(x, start, count)"));
        Assert.Equal(2, Count(source, "rows > 0 ? global::AutoDiff.CompilerServices.LoopWindow.Of(dx, start, count) : default"));
    }

    [Fact]
    public void Gradient_of_a_layer_with_a_hoisted_window_is_its_closed_form()
    {
        double[] x = [9.0, 0.5, -1.5, 7.0];
        double[] w = [1.0, 0.25, -2.0, 0.5, 0.75, -0.25]; // row 1: dot = -1.75, its ReLU is off
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = (double)Corpus.GetMethod("LayerGradient")!.Invoke(null, [w, x, 1, 2, 3, dw, dx])!;

        // s = Σ_r max(0, Σ_i w[2r + i] x[1 + i]): a row that is on passes x to its weights and its weights to x.
        var (expectedDw, expectedDx, expected) = (new double[w.Length], new double[x.Length], 0.0);
        for (var r = 0; r < 3; r++)
        {
            var dot = (w[2 * r] * x[1]) + (w[(2 * r) + 1] * x[2]);
            if (dot > 0)
            {
                expected += dot;
                for (var i = 0; i < 2; i++)
                {
                    expectedDw[(2 * r) + i] = x[1 + i];
                    expectedDx[1 + i] += w[(2 * r) + i];
                }
            }
        }

        Assert.Equal(expected, value, 15);
        Assert.Equal(expectedDw, dw);
        Assert.Equal(expectedDx, dx);
    }

    [Fact]
    public void A_hoisted_window_checks_nothing_when_there_is_no_row()
    {
        double[] x = [1, 2];
        var (dw, dx) = (new double[1], new double[x.Length]);
        Assert.Equal(0.0, (double)Corpus.GetMethod("LayerGradient")!.Invoke(null, [new double[1], x, 5, 3, 0, dw, dx])!);
        Assert.Equal([0, 0], dx);
    }

    [Fact]
    public void A_hoisted_window_out_of_range_throws_what_the_source_throws()
    {
        double[] x = [1, 2, 3];
        double[] w = [1, 1, 1, 1, 1, 1];
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("Layer")!.Invoke(null, [w, x, 2, 2, 3]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("LayerGradient")!.Invoke(null, [w, x, 2, 2, 3, new double[w.Length], new double[x.Length]]));
        Assert.IsType<IndexOutOfRangeException>(primal.InnerException);
        Assert.IsType<IndexOutOfRangeException>(generated.InnerException);
        Assert.Equal(primal.InnerException!.Message, generated.InnerException!.Message);
    }

    [Fact]
    public void A_loop_storing_values_with_no_derivative_has_its_adjoint_cleared_in_one_call()
    {
        var source = Generated("ClearedRun");
        Assert.Equal(2, Count(source, "LoopWindow.Clear(_dscratch, start, "));
        Assert.Equal(0, Count(source, "_dscratch[i_1]")); // the run loop's own index: no reverse loop over it is left
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(0, 6)]
    [InlineData(4, 0)]
    [InlineData(5, -2)]
    public void Gradient_of_a_cleared_run_is_the_constant_inside_and_the_cube_outside(int start, int count)
    {
        // s = Σ over the run of 0.25·x_i + Σ elsewhere of x_i³.
        double[] x = [0.5, -1.25, 2.0, 3.5, -0.75, 1.5];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("ClearedRunGradient")!.Invoke(null, [x, start, count, dx])!;
        var inRun = Enumerable.Range(0, x.Length).Select(i => i >= start && i < start + count).ToArray();
        Assert.Equal(Enumerable.Range(0, x.Length).Sum(i => inRun[i] ? 0.25 * x[i] : x[i] * x[i] * x[i]), value, 12);
        Assert.Equal(Enumerable.Range(0, x.Length).Select(i => inRun[i] ? 0.25 : 3 * x[i] * x[i]), dx);
    }

    [Fact]
    public void A_local_buffer_zeroed_whole_is_one_clear_and_negative_zero_keeps_its_loop()
    {
        var source = Generated("ZeroedScratch");
        Assert.Equal(2, Count(source, "LoopWindow.Clear(scratch, 0, scratch.Length);")); // the gradient's and the pullback's primal sweeps
        Assert.Equal(2, Count(source, "signs[i_1] = -0.0;"));
    }

    [Fact]
    public void Gradient_of_a_zeroed_scratch_matches_the_closed_form()
    {
        // s = 3 Σ x_i² x_(i+1) - 2 (two rounds of weights 1 and 2; each round adds CopySign(1, -0.0) = -1).
        double[] x = [0.5, -1.25, 2.0, 3.5, -0.75];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("ZeroedScratchGradient")!.Invoke(null, [x, dx])!;
        var n = x.Length;
        Assert.Equal((3 * Enumerable.Range(0, n - 1).Sum(i => x[i] * x[i] * x[i + 1])) - 2, value, 12);
        var expected = Enumerable.Range(0, n).Select(k => 3 * ((k + 1 < n ? 2 * x[k] * x[k + 1] : 0) + (k >= 1 ? x[k - 1] * x[k - 1] : 0)));
        Assert.Equal(expected, dx, (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private static string Generated(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("LoopWindows"));
        return result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.LoopWindows." + method + ".g.cs").SourceText.ToString();
    }
}
