using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Which buffer-element partial sums (<c>qx[j] += e</c>) the generator records (corpus <c>BufferSums</c>): none
/// after a loop that overwrote the whole buffer when nothing reads it in between, each one otherwise. The
/// gradients themselves are checked against finite differences in <see cref="GradientTests"/>.
/// </summary>
public class BufferSumTests
{
    [Theory]
    [InlineData("TriangularProduct", false)]
    [InlineData("ReadBetween", true)]
    [InlineData("PartlyOverwritten", true)]
    public void Partial_sums_are_recorded_only_when_read_before_the_whole_buffer_is_restored(string method, bool recorded)
    {
        var withGradient = WithGradient(method);
        Assert.Equal(recorded, withGradient.Contains("Push(qx[", StringComparison.Ordinal) || withGradient.Contains("PushReserved(qx[j", StringComparison.Ordinal) || withGradient.Contains("PushReserved(qx[2", StringComparison.Ordinal));
    }

    [Fact]
    public void Adjoint_element_with_an_index_the_loop_does_not_change_is_summed_in_a_local()
    {
        // The reverse of `qx[j] += v[l] * xc[i]` over j adds into _dxc[i] on every iteration: kept in a local, added once.
        var withGradient = WithGradient("TriangularProduct");
        Assert.Matches(@"(?s)double (_sum\d+) = 0\.0;.*?for \(int j = .*?\1 \+= _dqxAt \* v\[l\];.*?if \(\1 != 0\)\s*\{\s*_dxc\[i\] \+= \1;", withGradient);
        Assert.DoesNotContain("_dxc[i] += _dqx[j]", withGradient, StringComparison.Ordinal);
    }

    private static string WithGradient(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("BufferSums"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.BufferSums." + method + ".g.cs").SourceText.ToString();
        return source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
    }
}
