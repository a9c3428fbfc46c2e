using AutoDiff.Samples.Moons.Cli;
using AutoDiff.Samples.Moons.Data;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Samples.Moons.Training;

namespace AutoDiff.Samples.Tests;

/// <summary>The generated gradient of <see cref="MoonsLoss.Loss"/> checked against the tape and finite differences.</summary>
public class GeneratedGradientTests
{
    private static readonly MoonsDataSet Data = MoonsDataSet.Generate(100, noise: 0.1, seed: MoonsOptions.DefaultSeed);
    private static readonly double[] Interleaved = Data.ToInterleaved();

    [Fact]
    public void Loss_equals_the_tape_loss_at_the_initial_weights()
    {
        double[] w = MoonsNetwork.InitialWeights(MoonsOptions.DefaultSeed);

        double tapeLoss = new TapeEngine(Data, w, steps: 1).BuildLoss().Data;

        Assert.Equal(tapeLoss, MoonsLoss.Loss(w, Interleaved, Data.Count), 12);
    }

    [Fact]
    public void Gradient_equals_the_value_tape_gradient_at_the_initial_weights()
    {
        double[] w = MoonsNetwork.InitialWeights(MoonsOptions.DefaultSeed);
        var generated = new double[w.Length];

        double loss = MoonsLoss.LossWithGradient(w, Interleaved, Data.Count, generated);
        double[] tape = new TapeEngine(Data, w, steps: 1).Gradient();

        Assert.Equal(MoonsLoss.Loss(w, Interleaved, Data.Count), loss, 15);
        Assert.True(RelativeError(generated, tape) <= 1e-9, $"relative error {RelativeError(generated, tape):G3}");
    }

    [Fact]
    public void Gradient_equals_the_value_tape_gradient_at_weights_with_nonzero_biases()
    {
        double[] w = MoonsNetworkTests.RandomWeights(seed: 21);
        var generated = new double[w.Length];

        MoonsLoss.LossWithGradient(w, Interleaved, Data.Count, generated);
        double[] tape = new TapeEngine(Data, w, steps: 1).Gradient();

        Assert.True(RelativeError(generated, tape) <= 1e-9, $"relative error {RelativeError(generated, tape):G3}");
    }

    [Fact]
    public void Gradient_matches_central_finite_differences()
    {
        double[] w = MoonsNetwork.InitialWeights(MoonsOptions.DefaultSeed);
        var generated = new double[w.Length];
        MoonsLoss.LossWithGradient(w, Interleaved, Data.Count, generated);

        GradCheckReport report = GradCheck.Check(x => MoonsLoss.Loss(x, Interleaved, Data.Count), w, generated);

        // Central differences with h = 1e-6 on a piecewise-linear-plus-quadratic loss are exact up to rounding
        // (about 1e-16 / h) unless a step crosses a ReLU kink, which this point does not.
        Assert.True(report.IsWithin(1e-7), report.ToString());
    }

    [Fact]
    public void A_gradient_span_of_the_wrong_length_is_an_argument_exception()
    {
        double[] w = MoonsNetwork.InitialWeights(1);

        Assert.Throws<ArgumentException>(() => MoonsLoss.LossWithGradient(w, Interleaved, Data.Count, new double[10]));
    }

    // ‖a - b‖∞ / ‖b‖∞: relative to the gradient's scale, so the many exact zeros of dead ReLUs don't divide by 0.
    private static double RelativeError(double[] a, double[] b) =>
        a.Zip(b, (x, y) => Math.Abs(x - y)).Max() / b.Max(Math.Abs);
}
