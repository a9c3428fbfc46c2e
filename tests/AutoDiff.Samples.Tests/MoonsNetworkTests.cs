using AutoDiff.NN;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Samples.Tests;

public class MoonsNetworkTests
{
    [Theory]
    [InlineData(new[] { 16, 16 })]
    [InlineData(new[] { 8 })]
    [InlineData(new[] { 5, 7, 3 })]
    public void The_flat_layout_has_as_many_numbers_as_the_value_mlp_has_parameters(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        var mlp = new MLP(2, [.. hidden, 1], Activation.Relu, seed: 1);

        Assert.Equal(mlp.Parameters().Count, network.ParameterCount);
    }

    [Fact]
    public void The_default_is_micrograds_2_16_16_1()
    {
        Assert.Equal([2, 16, 16, 1], MoonsNetwork.Default.Sizes.ToArray());
        Assert.Equal([16, 16], MoonsNetwork.Default.Hidden);
        Assert.Equal([16, 16, 1], MoonsNetwork.Default.LayerWidths);
        Assert.Equal("2-16-16-1", MoonsNetwork.Default.ToString());
        Assert.Equal(MoonsNetwork.Default, new MoonsNetwork([16, 16]));
        Assert.NotEqual(MoonsNetwork.Default, new MoonsNetwork([16, 16, 1]));
    }

    [Theory]
    [InlineData(new[] { 16, 16 })]
    [InlineData(new[] { 5, 7, 3 })]
    public void Initial_weights_are_uniform_in_minus_one_to_one_with_zero_biases_like_micrograd(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = network.InitialWeights(seed: 1337);
        MLP mlp = MLP.FromParameters(2, network.LayerWidths, Activation.Relu, w);

        IEnumerable<Neuron> neurons = mlp.Layers.SelectMany(layer => layer.Neurons);
        Assert.All(neurons, n => Assert.Equal(0.0, n.Bias.Data));
        Assert.All(neurons.SelectMany(n => n.Weights), v => Assert.InRange(v.Data, -1.0, 1.0));
        Assert.Equal(w, network.InitialWeights(seed: 1337));
        Assert.NotEqual(w, network.InitialWeights(seed: 1338));
    }

    [Theory]
    [InlineData(new[] { 16, 16 })]
    [InlineData(new[] { 8 })]
    [InlineData(new[] { 5, 7, 3 })]
    public void Scores_equal_the_value_mlps_output_on_the_same_weights(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = MoonsTestData.RandomWeights(network, seed: 11);
        MLP mlp = MLP.FromParameters(2, network.LayerWidths, Activation.Relu, w);
        MoonPoint[] points = MoonsDataSet.Generate(20, noise: 0.1, seed: 4).Points.ToArray();

        double[] scores = new NetworkScorer(network).Scores(w, points.SelectMany(p => new[] { p.X, p.Y }).ToArray());

        Assert.Equal(points.Length, scores.Length);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.Equal(mlp.Forward([points[i].X, points[i].Y])[0].Data, scores[i], 12);
        }
    }

    [Fact]
    public void Accuracy_counts_points_whose_score_has_the_sign_of_their_label()
    {
        MoonsDataSet data = MoonsDataSet.Generate(30, noise: 0.1, seed: 4);
        double[] w = new double[MoonsNetwork.Default.ParameterCount];
        w[^1] = 1.0; // every weight 0 and the output bias 1: every score is +1, so exactly the +1 points are right

        double expected = data.Points.Count(p => p.Label > 0) / 30.0;
        Assert.Equal(expected, new NetworkScorer(MoonsNetwork.Default).Accuracy(w, data));
    }

    [Fact]
    public void A_weight_vector_of_the_wrong_length_is_rejected_with_the_shape_and_both_counts()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new NetworkScorer(MoonsNetwork.Default).Scores(new double[336], [0.0, 0.0]));

        Assert.Contains("2-16-16-1", e.Message, StringComparison.Ordinal);
        Assert.Contains("337", e.Message, StringComparison.Ordinal);
        Assert.Contains("336", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new int[0], "1 to 16 hidden layers, not 0")]
    [InlineData(new[] { 4, 0 }, "1 to 1024 neurons, not 0")]
    [InlineData(new[] { 1025 }, "1 to 1024 neurons, not 1025")]
    public void A_shape_outside_the_limits_is_rejected(int[] hidden, string message)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new MoonsNetwork(hidden));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
