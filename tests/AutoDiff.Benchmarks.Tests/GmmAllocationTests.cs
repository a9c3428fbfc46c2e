using AutoDiff.Benchmarks;

namespace AutoDiff.Benchmarks.Tests;

/// <summary>
/// After one warm-up call both GMM gradients allocate nothing: the generated code's stacks and buffer adjoints and
/// the hand-written scratch come back from the array pool. Counted on this thread only, and run apart from the other
/// tests (<see cref="AllocationCollection"/>): the pool is shared, so a test on another thread renting arrays of the
/// same sizes could take the ones the warm-up returned, and this thread would then allocate new ones.
/// </summary>
[Collection(AllocationCollection.Name)]
public class GmmAllocationTests
{
    [Theory]
    [InlineData(10, 25, 100)]
    [InlineData(64, 10, 20)]
    public void Gradients_allocate_nothing_after_warm_up(int d, int k, int n)
    {
        var input = GmmInput.Generate(d, k, n, seed: 5);
        var gradient = new GmmGradient(input);
        input.GeneratedGradient(gradient);
        input.HandWrittenGradient(gradient);

        long before = GC.GetAllocatedBytesForCurrentThread();
        input.GeneratedGradient(gradient);
        long generated = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        input.HandWrittenGradient(gradient);
        long handWritten = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, generated);
        Assert.Equal(0, handWritten);
    }
}

/// <summary>Tests that count allocations, run while no other test of this assembly runs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocation counts";
}
