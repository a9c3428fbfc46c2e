using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// <c>CopyTo</c>, <c>Clear</c> and <c>Fill</c> on local buffers (corpus <c>SpanCalls</c>) run as loops in the generated
/// code; a copy keeps <c>CopyTo</c>'s check, so a destination that is too short fails as the source fails.
/// </summary>
public class SpanCallTests
{
    private static readonly Type Corpus = CorpusFiles.Load("SpanCalls").Assembly.GetType("Corpus.SpanCalls")!;

    [Fact]
    public void A_copy_into_a_shorter_buffer_throws_what_CopyTo_throws()
    {
        double[] x = [1, 2, 3];
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("FirstTwo_Value")!.Invoke(null, [x]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("FirstTwo_Gradient")!.Invoke(null, [x, new double[x.Length]]));
        Assert.Equal("destination", Assert.IsType<ArgumentException>(primal.InnerException).ParamName);
        Assert.Equal("destination", Assert.IsType<ArgumentException>(generated.InnerException).ParamName);
    }

    [Fact]
    public void A_copy_into_a_longer_buffer_fills_its_front()
    {
        double[] x = [1.5, -2.0];
        var dx = new double[x.Length];
        var value = (double)Corpus.GetMethod("FirstTwo_Gradient")!.Invoke(null, [x, dx])!;
        Assert.Equal(-3.0, value);
        Assert.Equal([-2.0, 1.5], dx);
    }

    [Fact]
    public void Clear_runs_as_one_call_and_copies_as_loops()
    {
        var source = GeneratorHarness.Run(CorpusFiles.Source("SpanCalls")).GeneratedText();
        Assert.Contains("global::AutoDiff.CompilerServices.LoopWindow.Clear(a, 0, a.Length);", source, StringComparison.Ordinal);
        Assert.Contains("global::AutoDiff.CompilerServices.LoopWindow.CopyLength(x.Length, a.Length)", source, StringComparison.Ordinal);
    }
}
