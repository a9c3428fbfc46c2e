using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// How the reverse sweep gets back a buffer a loop overwrites whole with its one statement (corpus
/// <c>BufferRecovery</c>, and <c>Gmm</c>): a slice of its own for each iteration of the loop around it when that loop
/// runs once and nothing else touches the buffer; else computed again by each reverse iteration when its values
/// are cheap, come from the inputs alone and only the statements after the loop read them; else recorded in one copy
/// before the loop and restored in one after its adjoint; a buffer whose loop does more is recorded element by element.
/// </summary>
public class BufferRecoveryTests
{
    private static readonly Type Corpus = CorpusFiles.Load("BufferRecovery").Assembly.GetType("Corpus.BufferRecovery")!;

    [Fact]
    public void Buffer_from_the_inputs_read_only_after_its_loop_is_computed_again_in_the_reverse_iteration()
    {
        var source = WithGradient("Recomputed");
        Assert.DoesNotContain("PushSpan", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushReserved(xc[", source, StringComparison.Ordinal);
        Assert.Equal(2, source.Split("x[j] - _muWindow").Length - 1 + source.Split("_xWindow[j] - _muWindow").Length - 1); // the primal's loop, and the reverse iteration's
        Assert.True(
            source.IndexOf("xc[j] = x[j] - _muWindow_2[j];", StringComparison.Ordinal) < source.IndexOf("_dxc[j_1] += ", StringComparison.Ordinal),
            "the reverse iteration computes xc before the adjoints that read it");
    }

    [Fact]
    public void Buffer_overwritten_whole_in_a_loop_that_runs_once_gets_a_slice_per_iteration()
    {
        var source = WithGradient("Sliced");
        Assert.DoesNotContain("PushSpan", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushReserved(xc[", source, StringComparison.Ordinal);
        Assert.Equal(1, source.Split(" - _muWindow").Length - 1); // the primal's loop only: nothing computed again
        Assert.Contains("int _xcSlicesLength = checked(xc.Length * global::System.Math.Max(0, k));", source, StringComparison.Ordinal);
        // The primal iteration and the adjoint iteration of c point xc at the same slice.
        Assert.Equal(2, source.Split("xc = global::AutoDiff.CompilerServices.LoopWindow.Of(_xcSlices, c * xc.Length, xc.Length);").Length - 1);
        Assert.Contains("global::System.Buffers.ArrayPool<double>.Shared.Return(_xcSlices_pool);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Slices_of_a_descending_loop_are_counted_from_its_start_and_made_after_its_bound()
    {
        var source = WithGradient("SlicedDescending");
        Assert.DoesNotContain("PushSpan", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushReserved(lxc[", source, StringComparison.Ordinal);
        // xc is an array in the source: a span here, so that it can be pointed at each slice.
        Assert.Contains("global::System.Span<double> xc = new double[d];", source, StringComparison.Ordinal);
        Assert.Contains("lxc = global::AutoDiff.CompilerServices.LoopWindow.Of(_lxcSlices, (last - c) * lxc.Length, lxc.Length);", source, StringComparison.Ordinal);
        Assert.True(
            source.IndexOf("int last = ", StringComparison.Ordinal) < source.IndexOf("int _xcSlicesLength = checked(xc.Length * global::System.Math.Max(0, last - 1 + 1));", StringComparison.Ordinal),
            "the slices are made once the loop's bound is known");
    }

    [Theory]
    [InlineData("Scaled")] // reads a local each iteration changes
    [InlineData("ReadsPrevious")] // each iteration reads the previous one's values first
    public void Buffer_that_cannot_be_computed_again_is_recorded_in_one_copy(string method)
    {
        var source = WithGradient(method);
        Assert.Contains("xc.CopyTo(_values.PushSpan(xc.Length));", source, StringComparison.Ordinal);
        Assert.Contains("_values.PopSpan(xc.Length).CopyTo(xc);", source, StringComparison.Ordinal);
        Assert.Equal(1, source.Split(" - _muWindow").Length - 1);
    }

    [Fact]
    public void A_local_computed_again_comes_before_the_buffer_that_reads_it()
    {
        var source = WithGradient("RecomputedOffset");
        Assert.DoesNotContain("PushSpan", source, StringComparison.Ordinal);
        var reverse = source[source.IndexOf("for (int c = k - 1; c >= 0; c--)", StringComparison.Ordinal)..];
        Assert.True(
            reverse.IndexOf("off = c * d;", StringComparison.Ordinal) is >= 0 and var offset
            && offset < reverse.IndexOf("LoopWindow.Of(mu, off, d)", StringComparison.Ordinal),
            "the reverse iteration computes off before the loop over xc that reads it");
    }

    [Theory]
    [InlineData("Recomputed")]
    [InlineData("RecomputedOffset")]
    [InlineData("Scaled")]
    [InlineData("ReadsPrevious")]
    [InlineData("Sliced")]
    [InlineData("SlicedDescending")]
    public void Gradient_matches_finite_differences(string method)
    {
        const int d = 3, k = 4;
        double[] mu = [0.3, -0.2, 0.5, 0.1, 0.4, -0.6, 0.2, 0.0, -0.3, 0.7, -0.1, 0.25];
        double[] x = [0.45, -0.35, 0.15];
        var (dmu, dx) = (new double[mu.Length], new double[x.Length]);
        var value = (double)Corpus.GetMethod(method + "Gradient")!.Invoke(null, [mu, x, d, k, dmu, dx])!;

        double Primal(double[] point) => (double)Corpus.GetMethod(method)!.Invoke(null, [point[..mu.Length], point[mu.Length..], d, k])!;
        var point = mu.Concat(x).ToArray();
        Assert.Equal(Primal(point), value, 14);
        var expected = FiniteDifferences.Gradient(Primal, point);
        var actual = dmu.Concat(dx).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-7 * (1 + Math.Abs(expected[i])), $"component {i}: {actual[i]:R} against finite differences {expected[i]:R}");
        }
    }

    [Fact]
    public void Buffer_stored_among_other_statements_gets_a_slice_per_iteration_of_a_loop_that_runs_once_per_point()
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("Gmm"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.Gmm.Objective.g.cs").SourceText.ToString();
        source = source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
        // The loop over components runs once per point, in a loop over points whose adjoint runs point by point.
        Assert.DoesNotContain("PushReserved(lxc[", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushSpan(lxc", source, StringComparison.Ordinal);
        Assert.Equal(2, source.Split("lxc = global::AutoDiff.CompilerServices.LoopWindow.Of(_lxcSlices, k_1 * lxc.Length, lxc.Length);").Length - 1);
    }

    private static string WithGradient(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("BufferRecovery"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.BufferRecovery." + method + ".g.cs").SourceText.ToString();
        return source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
    }
}
