namespace AutoDiff.Samples.Greeks.MonteCarlo;

/// <summary>Running sums of each column's estimates and of their squares: one per thread, added up at the end.</summary>
internal sealed class PathSums
{
    private readonly double[] sums;
    private readonly double[] squares;

    public PathSums(int columns)
    {
        sums = new double[columns];
        squares = new double[columns];
        Scratch = new double[columns];
    }

    /// <summary>The buffer a path writes its estimates into before <see cref="AddScratch"/>.</summary>
    public double[] Scratch { get; }

    public void AddScratch()
    {
        for (int k = 0; k < sums.Length; k++)
        {
            sums[k] += Scratch[k];
            squares[k] += Scratch[k] * Scratch[k];
        }
    }

    public void Add(PathSums other)
    {
        for (int k = 0; k < sums.Length; k++)
        {
            sums[k] += other.sums[k];
            squares[k] += other.squares[k];
        }
    }

    public Estimate[] ToEstimates(int paths)
    {
        var estimates = new Estimate[sums.Length];
        for (int k = 0; k < sums.Length; k++)
        {
            double mean = sums[k] / paths;
            // Σx² − n·mean² can dip below zero by rounding when every path gives the same number.
            double variance = Math.Max(0.0, (squares[k] - paths * mean * mean) / (paths - 1));
            estimates[k] = new Estimate(mean, Math.Sqrt(variance / paths));
        }

        return estimates;
    }
}
