using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Read-only views (corpus <c>Views</c>) are kept as a start and a length, so these tests pin that a view out of
/// range and an index past a view's end throw in the gradient what they throw in the source, even where the index
/// still lies inside the sequence viewed.
/// </summary>
public class ViewTests
{
    private static readonly Type Corpus = CorpusFiles.Load("Views").Assembly.GetType("Corpus.Views")!;

    [Theory]
    [InlineData(2)] // inside x, past the view
    [InlineData(-1)]
    public void An_index_past_the_view_throws_what_the_source_throws(int k)
    {
        BothThrow<IndexOutOfRangeException>("PastTheView", k);
    }

    [Theory]
    [InlineData(3)] // the view would end past x
    [InlineData(-1)]
    public void A_view_out_of_range_throws_what_Slice_throws(int k)
    {
        BothThrow<ArgumentOutOfRangeException>("ViewFrom", k);
    }

    [Theory]
    [InlineData(0)] // row[2]: inside x, past the view
    [InlineData(3)] // row[-1]
    public void An_index_from_the_end_past_the_view_throws_what_the_source_throws(int k)
    {
        BothThrow<IndexOutOfRangeException>("LastOf", k);
    }

    [Theory]
    [InlineData(2)] // b[3]: inside the buffer, past the view
    [InlineData(-1)] // b[0]: inside the buffer, before the view
    public void A_write_past_a_writable_view_throws_what_the_source_throws(int k) => BothThrow<IndexOutOfRangeException>("WriteAt", k);

    [Theory]
    [InlineData(5)] // would start before x
    [InlineData(-1)] // would start past its end
    public void A_range_from_the_end_out_of_range_throws_what_Slice_throws(int k)
    {
        BothThrow<ArgumentOutOfRangeException>("LastFew", k);
    }

    [Fact]
    public void A_range_from_the_end_reads_the_last_elements()
    {
        double[] x = [1.5, -2.0, 0.5, 3.0];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("LastFew_Gradient")!.Invoke(null, [x, 2, dx])!;
        Assert.Equal(1.5, value); // 0.5 · 3
        Assert.Equal([0, 0, 3.0, 0.5], dx);
    }

    [Fact]
    public void A_view_reads_and_differentiates_what_it_views()
    {
        double[] x = [1.5, -2.0, 0.5, 3.0];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("ViewFrom_Gradient")!.Invoke(null, [x, 1, dx])!;
        Assert.Equal(-1.0, value);
        Assert.Equal([0, 0.5, -2.0, 0], dx);
    }

    /// <summary>The source method and its gradient, on x = [1, 2, 3, 4] and <paramref name="k"/>, both throw <typeparamref name="TException"/>.</summary>
    private static void BothThrow<TException>(string method, int k)
        where TException : Exception
    {
        double[] x = [1, 2, 3, 4];
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod(method + "_Value")!.Invoke(null, [x, k]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod(method + "_Gradient")!.Invoke(null, [x, k, new double[x.Length]]));
        Assert.IsType<TException>(primal.InnerException);
        Assert.IsType<TException>(generated.InnerException);
    }

    [Fact]
    public void A_loop_over_the_view_reads_it_through_one_window_and_other_indices_are_checked()
    {
        var source = GeneratorHarness.Run(CorpusFiles.Source("Views")).GeneratedText();
        Assert.Contains("global::AutoDiff.CompilerServices.LoopWindow.Of(x, rowStart, rowLength);", source, StringComparison.Ordinal);
        Assert.Contains("x[rowStart + global::AutoDiff.CompilerServices.LoopWindow.SliceIndex(2 - r, rowLength)]", source, StringComparison.Ordinal);
    }
}
