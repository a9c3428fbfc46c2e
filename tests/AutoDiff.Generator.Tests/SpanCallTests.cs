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
    public void A_view_taken_in_the_call_throws_what_Slice_throws_when_out_of_range()
    {
        // InlineViews takes x.Slice(1, 3): with two elements the slice itself is out of range, before any copy.
        double[] x = [1, 2];
        var primal = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("InlineViews_Value")!.Invoke(null, [x]));
        var generated = Assert.Throws<TargetInvocationException>(() => Corpus.GetMethod("InlineViews_Gradient")!.Invoke(null, [x, new double[x.Length]]));
        Assert.IsType<ArgumentOutOfRangeException>(primal.InnerException);
        Assert.IsType<ArgumentOutOfRangeException>(generated.InnerException);
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
    public void A_collection_expression_is_a_buffer_with_its_elements_listed()
    {
        // C# 12, so not in a corpus file (LanguageVersionTests compiles those as C# 10). f = a·b·c + a with the
        // buffer [a, b·c, a]: df/da = b·c + 1, df/db = a·c, df/dc = a·b.
        using var loaded = GeneratorHarness.CompileAndLoad("""
            using System;
            using AutoDiff;
            public static partial class Listed
            {
                [Differentiable]
                public static double F(ReadOnlySpan<double> x)
                {
                    Span<double> v = [x[0], x[1] * x[2], x[0]];
                    double[] w = [1.0, 2];
                    return v[0] * v[1] * w[0] + v[2] * (w[1] - 1);
                }

                public static double Gradient(double[] x, double[] g) => FWithGradient(x, g);
            }
            """);
        double[] x = [1.5, -2.0, 0.5];
        var g = new double[3];
        var value = (double)loaded.Method("Listed", "Gradient").Invoke(null, [x, g])!;
        Assert.Equal(1.5 * -2.0 * 0.5 + 1.5, value);
        Assert.Equal([-2.0 * 0.5 + 1, 1.5 * 0.5, 1.5 * -2.0], g);
    }

    [Fact]
    public void Clear_runs_as_one_call_and_copies_as_loops()
    {
        var source = GeneratorHarness.Run(CorpusFiles.Source("SpanCalls")).GeneratedText();
        Assert.Contains("global::AutoDiff.CompilerServices.LoopWindow.Clear(a, 0, a.Length);", source, StringComparison.Ordinal);
        Assert.Contains("global::AutoDiff.CompilerServices.LoopWindow.CopyLength(x.Length, a.Length)", source, StringComparison.Ordinal);
    }
}
