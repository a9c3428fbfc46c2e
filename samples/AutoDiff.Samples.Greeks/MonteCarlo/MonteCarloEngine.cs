using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Samples.Greeks.MonteCarlo;

/// <summary>
/// Runs a <see cref="PathEstimator"/> over every path and averages each of its columns. The parallel run
/// gives each thread its own buffers (the path's estimates and the running sums: for the adjoint estimator,
/// the per-thread adjoint accumulators) and adds them up once at the end, so threads never share a write.
/// </summary>
public static class MonteCarloEngine
{
    /// <summary>Paths per work item: large enough that scheduling costs nothing, small enough for a smooth progress bar.</summary>
    public const int BlockSize = 1024;

    /// <summary>Averages the estimator's columns over all paths, on every core.</summary>
    /// <param name="normals">The paths' normal numbers.</param>
    /// <param name="columns">How many numbers the estimator writes per path.</param>
    /// <param name="estimator">The per-path computation.</param>
    /// <param name="onPathsDone">Called with a number of paths each time a block of them is done (from worker threads).</param>
    /// <returns>Each column's mean and standard error.</returns>
    public static Estimate[] Run(NormalNumbers normals, int columns, PathEstimator estimator, Action<int>? onPathsDone = null)
    {
        Validate(normals, columns, estimator);
        var total = new PathSums(columns);
        int blocks = (normals.Paths + BlockSize - 1) / BlockSize;
        Parallel.For(
            0,
            blocks,
            () => new PathSums(columns),
            (block, _, sums) =>
            {
                int end = RunBlock(normals, block, estimator, sums);
                onPathsDone?.Invoke(end - block * BlockSize);
                return sums;
            },
            sums =>
            {
                lock (total)
                {
                    total.Add(sums);
                }
            });
        return total.ToEstimates(normals.Paths);
    }

    /// <summary>The same average on one thread, path after path: the reference the parallel run must match to rounding.</summary>
    /// <param name="normals">The paths' normal numbers.</param>
    /// <param name="columns">How many numbers the estimator writes per path.</param>
    /// <param name="estimator">The per-path computation.</param>
    /// <returns>Each column's mean and standard error.</returns>
    public static Estimate[] RunSerial(NormalNumbers normals, int columns, PathEstimator estimator)
    {
        Validate(normals, columns, estimator);
        var sums = new PathSums(columns);
        int blocks = (normals.Paths + BlockSize - 1) / BlockSize;
        for (int block = 0; block < blocks; block++)
        {
            RunBlock(normals, block, estimator, sums);
        }

        return sums.ToEstimates(normals.Paths);
    }

    private static int RunBlock(NormalNumbers normals, int block, PathEstimator estimator, PathSums sums)
    {
        int end = Math.Min(normals.Paths, (block + 1) * BlockSize);
        for (int path = block * BlockSize; path < end; path++)
        {
            estimator(normals.Path(path), sums.Scratch);
            sums.AddScratch();
        }

        return end;
    }

    private static void Validate(NormalNumbers normals, int columns, PathEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(normals);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
    }
}
