using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Element reads kept in locals (corpus <c>ElementReads</c>): an own buffer's element a loop reads at an index it
/// does not change is read once before the loop, only when the loop runs; one the loop stores into is not.
/// </summary>
public class ElementReadTests
{
    private static readonly Type Corpus = CorpusFiles.Load("ElementReads").Assembly.GetType("Corpus.ElementReads")!;

    [Fact]
    public void Invariant_element_is_read_before_the_loop_when_the_loop_runs()
    {
        var source = Generated("ScaledTail");
        Assert.Contains("double _squaresAt = from < x.Length ? squares[at] : default;", source, StringComparison.Ordinal);
        Assert.Contains("s += _squaresAt * x[j];", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_the_loop_stores_into_is_read_on_every_iteration()
    {
        var source = Generated("ScaledWhileChanging");
        Assert.Matches(@"(?m)^\s+s \+= squares\[at\] \* x\[j\];", source);
        Assert.DoesNotContain("_squaresAt", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradient_matches_the_closed_form()
    {
        // s = x[at]^2 * sum_{j >= from} x[j]: ds/dx[at] = 2 x[at] * tail (+ x[at]^2 if at >= from), ds/dx[j] = x[at]^2.
        double[] x = [0.5, -1.5, 2.0, 0.25];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("ScaledTailGradient")!.Invoke(null, [x, 1, 2, dx])!;
        Assert.Equal(2.25 * 2.25, value);
        Assert.Equal([0, (2 * -1.5 * 2.25), 2.25, 2.25], dx);
    }

    [Fact]
    public void Loop_that_does_not_run_reads_no_element()
    {
        // from = x.Length: the loop over j never runs, so squares[at] with `at` out of range is never read.
        double[] x = [1, 2, 3];
        var dx = new double[x.Length];
        Assert.Equal(0.0, (double)Corpus.GetMethod("ScaledTailGradient")!.Invoke(null, [x, 99, 3, dx])!);
        Assert.Equal([0, 0, 0], dx);
    }

    [Fact]
    public void Loop_that_runs_reads_the_element_and_throws_as_the_source_does()
    {
        double[] x = [1, 2, 3];
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("ScaledTail")!.Invoke(null, [x, 99, 0]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("ScaledTailGradient")!.Invoke(null, [x, 99, 0, new double[3]]));
        Assert.IsType<IndexOutOfRangeException>(primal.InnerException);
        Assert.IsType<IndexOutOfRangeException>(generated.InnerException);
    }

    private static string Generated(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("ElementReads"));
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.ElementReads." + method + ".g.cs").SourceText.ToString();
        return source[..source.IndexOf("Pullback of", StringComparison.Ordinal)];
    }
}
