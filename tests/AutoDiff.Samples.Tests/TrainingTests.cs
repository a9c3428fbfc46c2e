using AutoDiff.Samples.Moons.Cli;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Display;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Tests;

public class TrainingTests
{
    private static readonly MoonsDataSet Data = MoonsTestData.Data;
    private static readonly MoonsNetwork Network = MoonsNetwork.Default;
    private static readonly double[] InitialWeights = Network.InitialWeights(MoonsOptions.DefaultSeed);

    [Fact]
    public void The_generated_engine_classifies_at_least_97_percent_of_the_training_set_after_100_steps()
    {
        TrainingResult result = Train(EngineKind.Generated);

        // micrograd's demo reaches 100%; 97% allows three points on the wrong side of a slightly different boundary.
        Assert.True(result.FinalAccuracy >= 0.97, $"accuracy {result.FinalAccuracy:P0}");
        Assert.True(result.FinalLoss < result.Steps[0].Loss / 10, $"loss went from {result.Steps[0].Loss} to {result.FinalLoss}");
    }

    [Fact]
    public void All_three_engines_follow_the_same_loss_trajectory()
    {
        TrainingResult generated = Train(EngineKind.Generated);
        TrainingResult tape = Train(EngineKind.Tape);
        TrainingResult tensor = Train(EngineKind.Tensor);

        Assert.True(ComparisonReport.MaxLossDifference(generated, tape) <= 1e-6, $"tape: {ComparisonReport.MaxLossDifference(generated, tape):G3}");
        Assert.True(ComparisonReport.MaxLossDifference(generated, tensor) <= 1e-6, $"tensor: {ComparisonReport.MaxLossDifference(generated, tensor):G3}");
        Assert.Equal(generated.FinalWeights, tape.FinalWeights, new ToleranceComparer(1e-6));
        Assert.Equal(generated.FinalWeights, tensor.FinalWeights, new ToleranceComparer(1e-6));
    }

    [Fact]
    public void Each_step_records_the_loss_before_its_update_and_micrograds_learning_rate()
    {
        TrainingResult result = MoonsTrainer.Train(EngineFactory.Create(EngineKind.Generated, Network, Data, InitialWeights, 3), Data, steps: 3);

        Assert.Equal(MoonsLoss.Loss(InitialWeights, Network.Sizes, Data.ToInterleaved(), Data.Count), result.Steps[0].Loss, 15);
        Assert.Equal(new NetworkScorer(Network).Accuracy(InitialWeights, Data), result.Steps[0].Accuracy);
        Assert.Equal([1.0, 1.0 - 0.9 * 1 / 3, 1.0 - 0.9 * 2 / 3], result.Steps.Select(s => s.LearningRate));
    }

    [Fact]
    public void The_first_update_is_a_plain_sgd_step_with_learning_rate_one()
    {
        ITrainingEngine engine = EngineFactory.Create(EngineKind.Generated, Network, Data, InitialWeights, 100);
        var gradient = new double[InitialWeights.Length];
        MoonsLoss.LossWithGradient(InitialWeights, Network.Sizes, Data.ToInterleaved(), Data.Count, gradient);

        engine.Step();
        var after = new double[InitialWeights.Length];
        engine.CopyWeights(after);

        double[] expected = InitialWeights.Zip(gradient, (w, g) => w - 1.0 * g).ToArray(); // micrograd's lr at k = 0 is 1.0
        Assert.Equal(expected, after);
    }

    [Theory]
    [InlineData(EngineKind.Generated)]
    [InlineData(EngineKind.Tape)]
    [InlineData(EngineKind.Tensor)]
    public void Every_engine_starts_from_the_weights_it_was_given(EngineKind kind)
    {
        ITrainingEngine engine = EngineFactory.Create(kind, Network, Data, InitialWeights, 100);
        var copy = new double[InitialWeights.Length];

        engine.CopyWeights(copy);

        Assert.Equal(InitialWeights, copy);
    }

    private static TrainingResult Train(EngineKind kind) =>
        MoonsTrainer.Train(EngineFactory.Create(kind, Network, Data, InitialWeights, 100), Data, steps: 100);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
