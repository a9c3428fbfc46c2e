using AutoDiff.NN;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Tests;

public class MoonsNetworkTests
{
    [Fact]
    public void The_flat_layout_has_as_many_numbers_as_the_value_mlp_has_parameters()
    {
        var mlp = new MLP(2, [16, 16, 1], Activation.Relu, seed: 1);

        Assert.Equal(MoonsNetwork.ParameterCount, mlp.Parameters().Count);
    }

    [Fact]
    public void Initial_weights_are_uniform_in_minus_one_to_one_with_zero_biases_like_micrograd()
    {
        double[] w = MoonsNetwork.InitialWeights(seed: 1337);
        MLP mlp = MLP.FromParameters(2, MoonsNetwork.LayerWidths, Activation.Relu, w);

        IEnumerable<Neuron> neurons = mlp.Layers.SelectMany(layer => layer.Neurons);
        Assert.All(neurons, n => Assert.Equal(0.0, n.Bias.Data));
        Assert.All(neurons.SelectMany(n => n.Weights), v => Assert.InRange(v.Data, -1.0, 1.0));
        Assert.Equal(w, MoonsNetwork.InitialWeights(seed: 1337));
        Assert.NotEqual(w, MoonsNetwork.InitialWeights(seed: 1338));
    }

    [Fact]
    public void Score_equals_the_value_mlps_output_on_the_same_weights()
    {
        double[] w = RandomWeights(seed: 11);
        MLP mlp = MLP.FromParameters(2, MoonsNetwork.LayerWidths, Activation.Relu, w);

        foreach (MoonPoint p in MoonsDataSet.Generate(20, noise: 0.1, seed: 4).Points)
        {
            Assert.Equal(mlp.Forward([p.X, p.Y])[0].Data, MoonsNetwork.Score(w, p.X, p.Y), 12);
        }
    }

    [Fact]
    public void Accuracy_counts_points_whose_score_has_the_sign_of_their_label()
    {
        MoonsDataSet data = MoonsDataSet.Generate(30, noise: 0.1, seed: 4);
        double[] w = new double[MoonsNetwork.ParameterCount];
        w[^1] = 1.0; // every weight 0 and the output bias 1: every score is +1, so exactly the +1 points are right

        double expected = data.Points.Count(p => p.Label > 0) / 30.0;
        Assert.Equal(expected, MoonsNetwork.Accuracy(w, data));
    }

    [Fact]
    public void A_weight_vector_of_the_wrong_length_is_rejected_with_both_counts()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => MoonsNetwork.Score(new double[336], 0, 0));

        Assert.Contains("337", e.Message, StringComparison.Ordinal);
        Assert.Contains("336", e.Message, StringComparison.Ordinal);
    }

    // Non-zero biases too, so that the bias slots of the layout are exercised.
    internal static double[] RandomWeights(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, MoonsNetwork.ParameterCount).Select(_ => 2.0 * random.NextDouble() - 1.0).ToArray();
    }
}
