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

    [Fact]
    public void Layer_loop_network_records_neither_its_offset_nor_its_pre_activations()
    {
        // The ReLU on hidden layers only (`layer < layers - 1 ? Math.Max(0.0, sum) : sum`) is decided from the
        // stored output, so `sum` is not recorded; the offset steps by the restored fan-in, so `next` is recorded
        // only where each point sets it to 0, not at each neuron's step.
        var source = Generated("Mlp", "Corpus.Mlp.LayeredRelu");
        var withGradient = source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
        Assert.DoesNotContain("(sum)", withGradient, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(withGradient, @"Push(Reserved)?\(next\)"));
        Assert.Contains("next -= fanIn + 1;", withGradient, StringComparison.Ordinal);
    }

    private static string Generated(string method) => Generated("IntSteps", "Corpus.IntSteps." + method);

    private static string Generated(string corpus, string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source(corpus));
        return result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == method + ".g.cs").SourceText.ToString();
    }
}
