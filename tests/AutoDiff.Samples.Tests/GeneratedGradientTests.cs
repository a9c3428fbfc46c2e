using AutoDiff.Samples.Moons.Cli;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;
using static AutoDiff.Samples.Tests.MoonsTestData;

namespace AutoDiff.Samples.Tests;

/// <summary>
/// The generated gradient of <see cref="MoonsLoss.Loss"/> checked against the tape (another engine) and central
/// finite differences, for several network shapes: the loss's loops must follow whatever sizes they are given.
/// </summary>
public class GeneratedGradientTests
{
    public static TheoryData<int[]> Shapes => new() { new[] { 8 }, new[] { 16, 16 }, new[] { 5, 7, 3 }, new[] { 1 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Loss_equals_the_tape_loss_at_the_initial_weights(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = network.InitialWeights(MoonsOptions.DefaultSeed);

        double tapeLoss = new TapeEngine(network, Data, w, steps: 1).BuildLoss().Data;

        Assert.Equal(tapeLoss, Loss(network, w), 12);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradient_equals_the_value_tape_gradient_at_the_initial_weights(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = network.InitialWeights(MoonsOptions.DefaultSeed);

        double[] generated = GeneratedGradient(network, w, out double loss);
        double[] tape = new TapeEngine(network, Data, w, steps: 1).Gradient();

        Assert.Equal(Loss(network, w), loss, 15);
        Assert.True(RelativeError(generated, tape) <= 1e-9, $"relative error {RelativeError(generated, tape):G3}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradient_equals_the_value_tape_gradient_at_weights_with_nonzero_biases(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = RandomWeights(network, seed: 21);

        double[] generated = GeneratedGradient(network, w, out _);
        double[] tape = new TapeEngine(network, Data, w, steps: 1).Gradient();

        Assert.True(RelativeError(generated, tape) <= 1e-9, $"relative error {RelativeError(generated, tape):G3}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradient_matches_central_finite_differences(int[] hidden)
    {
        var network = new MoonsNetwork(hidden);
        double[] w = RandomWeights(network, seed: 5);

        GradCheckReport report = GradCheck.Check(x => Loss(network, x), w, GeneratedGradient(network, w, out _));

        // Central differences with h = 1e-6 on a piecewise-linear-plus-quadratic loss are exact up to rounding
        // (about 1e-16 / h) unless a step crosses a ReLU or hinge kink, which these points do not.
        Assert.True(report.IsWithin(1e-7), report.ToString());
    }

    [Fact]
    public void A_gradient_span_of_the_wrong_length_is_an_argument_exception()
    {
        double[] w = MoonsNetwork.Default.InitialWeights(1);

        Assert.Throws<ArgumentException>(() => MoonsLoss.LossWithGradient(w, MoonsNetwork.Default.Sizes, Interleaved, Data.Count, new double[10]));
    }

    // ‖a - b‖∞ / ‖b‖∞: relative to the gradient's scale, so the many exact zeros of dead ReLUs don't divide by 0.
    private static double RelativeError(double[] a, double[] b) =>
        a.Zip(b, (x, y) => Math.Abs(x - y)).Max() / b.Max(Math.Abs);
}
