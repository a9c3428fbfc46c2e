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
        var result = GeneratorHarness.Run(CorpusFiles.Source("BufferSums"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.BufferSums." + method + ".g.cs").SourceText.ToString();
        var withGradient = source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
        Assert.Equal(recorded, withGradient.Contains("Push(qx[", StringComparison.Ordinal) || withGradient.Contains("PushReserved(qx[j", StringComparison.Ordinal) || withGradient.Contains("PushReserved(qx[2", StringComparison.Ordinal));
    }
}
