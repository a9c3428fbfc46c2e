using AutoDiff.Samples.Greeks.Greeks;
using AutoDiff.Samples.Greeks.MonteCarlo;
using AutoDiff.Samples.Greeks.Pricing;

namespace AutoDiff.Jobs.Tests.Greeks;

public class MonteCarloEngineTests
{
    [Theory]
    [InlineData(OptionStyle.European)]
    [InlineData(OptionStyle.Asian)]
    public void Parallel_run_with_per_thread_adjoints_equals_the_serial_run_to_rounding(OptionStyle style)
    {
        // Not a multiple of the block size, so the last block is partial.
        NormalNumbers normals = NormalNumbers.Draw(10 * MonteCarloEngine.BlockSize + 123, 12, seed: 5);
        PathEstimator estimator = PathEstimators.AdjointGreeks(Market.Default, style);

        Estimate[] parallel = MonteCarloEngine.Run(normals, 5, estimator);
        Estimate[] serial = MonteCarloEngine.RunSerial(normals, 5, estimator);

        for (int k = 0; k < serial.Length; k++)
        {
            Assert.Equal(serial[k].Mean, parallel[k].Mean, 1e-13 * Math.Abs(serial[k].Mean));
            Assert.Equal(serial[k].StandardError, parallel[k].StandardError, 1e-9 * serial[k].StandardError);
        }
    }

    [Fact]
    public void Mean_and_standard_error_are_the_sample_ones()
    {
        NormalNumbers normals = NormalNumbers.Draw(3000, 2, seed: 9);
        var firsts = Enumerable.Range(0, normals.Paths).Select(p => normals.Path(p)[0]).ToArray();
        double mean = firsts.Average();
        double sd = Math.Sqrt(firsts.Sum(v => (v - mean) * (v - mean)) / (firsts.Length - 1));

        Estimate estimate = MonteCarloEngine.Run(normals, 1, (path, output) => output[0] = path[0])[0];

        Assert.Equal(mean, estimate.Mean, 12);
        Assert.Equal(sd / Math.Sqrt(firsts.Length), estimate.StandardError, 12);
    }

    [Fact]
    public void Progress_counts_every_path_once()
    {
        NormalNumbers normals = NormalNumbers.Draw(5 * MonteCarloEngine.BlockSize + 7, 1, seed: 1);
        long done = 0;

        MonteCarloEngine.Run(normals, 1, (path, output) => output[0] = path[0], paths => Interlocked.Add(ref done, paths));

        Assert.Equal(normals.Paths, done);
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        NormalNumbers normals = NormalNumbers.Draw(10, 1, seed: 1);

        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.Run(normals, 0, (_, _) => { })).ParamName);
        Assert.Equal("estimator", Assert.Throws<ArgumentNullException>(() => MonteCarloEngine.Run(normals, 1, null!)).ParamName);
    }
}
