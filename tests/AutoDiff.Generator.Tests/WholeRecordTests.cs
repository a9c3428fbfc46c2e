using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// A buffer a loop overwrites whole with its one statement (<c>xc[d] = x[i * D + d] - means[k * D + d]</c> in corpus
/// <c>Gmm</c>) is recorded in one copy before the loop and restored in one after its adjoint; a buffer whose loop
/// does more (<c>lxc</c>, stored after an inner loop) is still recorded element by element. The gradients are
/// checked in <see cref="GradientTests"/>.
/// </summary>
public class WholeRecordTests
{
    [Fact]
    public void Buffer_overwritten_whole_by_one_statement_is_recorded_in_one_copy()
    {
        var source = WithGradient();
        Assert.Contains("xc.CopyTo(_values.PushSpan(xc.Length));", source, StringComparison.Ordinal);
        Assert.Contains("_values.PopSpan(xc.Length).CopyTo(xc);", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushReserved(xc[", source, StringComparison.Ordinal);
        Assert.True(
            source.IndexOf("_values.PopSpan(xc.Length)", StringComparison.Ordinal) > source.IndexOf("_dxc[d_1] = 0.0;", StringComparison.Ordinal),
            "the buffer is restored after the loop's adjoint");
    }

    [Fact]
    public void Buffer_stored_among_other_statements_is_recorded_element_by_element()
    {
        var source = WithGradient();
        Assert.Contains("_values.PushReserved(lxc[r]);", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushSpan(lxc", source, StringComparison.Ordinal);
    }

    private static string WithGradient()
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("Gmm"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.Gmm.Objective.g.cs").SourceText.ToString();
        return source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
    }
}
