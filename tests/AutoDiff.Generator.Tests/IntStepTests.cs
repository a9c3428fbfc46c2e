using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Int steps the reverse sweep undoes rather than records (corpus <c>IntSteps</c>): <c>next += fanIn + 1</c>, whose
/// fan-in the reverse sweep restores anyway, is undone by <c>next -= fanIn + 1</c>; a step by a stride that changes
/// and is restored by nothing is recorded. The gradients are checked in <see cref="GradientTests"/>.
/// </summary>
public class IntStepTests
{
    [Fact]
    public void Step_by_a_restored_int_is_undone()
    {
        var source = Generated("RunningOffset");
        Assert.Contains("next -= fanIn + 1;", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Push(next)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PushReserved(next)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_by_an_unrestored_int_is_recorded()
    {
        var source = Generated("GrowingStride");
        Assert.DoesNotContain("index -= stride", source, StringComparison.Ordinal);
        Assert.Contains("(index)", source, StringComparison.Ordinal); // pushed before the step
    }

    private static string Generated(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("IntSteps"));
        return result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.IntSteps." + method + ".g.cs").SourceText.ToString();
    }
}
