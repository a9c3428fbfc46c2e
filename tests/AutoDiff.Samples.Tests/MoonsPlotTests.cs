using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Plotting;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Tests;

public class MoonsPlotTests
{
    [Theory]
    [InlineData(new[] { 16, 16 })]
    [InlineData(new[] { 5, 7, 3 })]
    public void The_plot_is_written_as_a_png(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        MoonsDataSet data = MoonsDataSet.Generate(20, noise: 0.1, seed: 1);
        TrainingResult result = MoonsTrainer.Train(EngineFactory.Create(EngineKind.Generated, network, data, network.InitialWeights(1), 5), data, steps: 5);
        string path = Path.Combine(Path.GetTempPath(), $"moons-{Guid.NewGuid():N}.png");
        try
        {
            MoonsPlot.Save(data, result, path);

            byte[] signature = File.ReadAllBytes(path)[..8];
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
