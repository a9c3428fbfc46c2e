using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// How the reverse sweep gets back a buffer a loop overwrites whole with its one statement (corpus
/// <c>BufferRecovery</c>, and <c>Gmm</c>): computed again by each reverse iteration when its values are cheap, come
/// from the inputs alone and only the statements after the loop read them; else recorded in one copy before the
/// loop and restored in one after its adjoint; a buffer whose loop does more is recorded element by element.
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
        Assert.Equal(2, source.Split("xc[j] = x[j] - _muWindow").Length - 1); // the primal's loop, and the reverse iteration's
        Assert.True(
            source.IndexOf("xc[j] = x[j] - _muWindow_2[j];", StringComparison.Ordinal) < source.IndexOf("_dxc[j_1] += ", StringComparison.Ordinal),
            "the reverse iteration computes xc before the adjoints that read it");
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
    public void Buffer_stored_among_other_statements_is_recorded_element_by_element()
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("Gmm"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.Gmm.Objective.g.cs").SourceText.ToString();
        source = source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
        Assert.Contains("_values.PushReserved(lxc[r]);", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushSpan(lxc", source, StringComparison.Ordinal);
    }

    private static string WithGradient(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("BufferRecovery"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.BufferRecovery." + method + ".g.cs").SourceText.ToString();
        return source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
    }
}
