using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Stores into a writable differentiable array on the runtime tape (corpus Fallback): the body works on a copy of
/// the leaves, what it stored reaches the caller's array even when it throws, and a store into an array the caller
/// also passed as another parameter is refused at run time rather than differentiated wrong.
/// </summary>
public class TapeParameterWritesTests
{
    private static readonly LoadedAssembly Corpus = CorpusFiles.Load("Fallback");

    private static object? Call(string method, params object[] arguments)
    {
        try
        {
            return Corpus.Method("Corpus.Fallback", method).Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    [Theory]
    [InlineData(0.7, 1.5)]
    [InlineData(2.0, 11.0)] // throws after the store
    public void The_caller_s_array_holds_what_the_source_stores(double a0, double a1)
    {
        var bySource = (double[])Call("StoresThenReads_StoredBySource", new[] { a0, a1, 0.3 }, new[] { 0.1, 0.2, 0.4 })!;
        var byGradient = (double[])Call("StoresThenReads_StoredByGradient", new[] { a0, a1, 0.3 }, new[] { 0.1, 0.2, 0.4 })!;
        Assert.Equal(new[] { a0 * a1, a1, 0.3 }, bySource);
        Assert.Equal(bySource, byGradient);
    }

    [Fact]
    public void A_store_into_an_array_passed_twice_is_refused_at_run_time()
    {
        var shared = new[] { 0.7, 1.5, 0.3 };
        var error = Assert.Throws<InvalidOperationException>(() => Call("StoresThenReads_Gradient", shared, shared));
        Assert.Contains("'a', which shares elements with 'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrays_that_do_not_overlap_give_the_gradient()
    {
        // a0 a1 stored into a[0], then b0 + b1 b2 + a[0]: the value is b0 + b1 b2 + a0 a1.
        var value = (double)Call("StoresThenReads_Gradient", new[] { 0.7, 1.5, 0.3 }, new[] { 0.1, 0.2, 0.4 })!;
        Assert.Equal(0.1 + (0.2 * 0.4) + (0.7 * 1.5), value, 12);
    }
}
