using AutoDiff.NN;

namespace AutoDiff.Tests.NN;

public class LossTests
{
    private static readonly Value[] Scores = [new(2.0), new(-0.5), new(0.25)];
    private static readonly double[] PlusMinus = [1.0, 1.0, -1.0];

    [Fact]
    public void SumAndMeanSquaredError()
    {
        // (2-1)² + (-0.5-1)² + (0.25+1)² = 1 + 2.25 + 1.5625
        Assert.Equal(4.8125, Losses.SumSquaredError(Scores, PlusMinus).Data, 14);
        Assert.Equal(4.8125 / 3.0, Losses.MeanSquaredError(Scores, PlusMinus).Data, 14);
    }

    [Fact]
    public void HingeIsMicrogradsMaxMargin()
    {
        // relu(1 - 2) + relu(1 + 0.5) + relu(1 + 0.25) = 0 + 1.5 + 1.25, over 3
        Assert.Equal(2.75 / 3.0, Losses.Hinge(Scores, PlusMinus).Data, 14);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogitsMatchesTheNaiveFormulaAndStaysFinite()
    {
        double[] labels = [1.0, 0.0, 1.0];
        double naive = 0.0;
        for (int i = 0; i < 3; i++)
        {
            double p = 1.0 / (1.0 + Math.Exp(-Scores[i].Data));
            naive -= labels[i] * Math.Log(p) + (1 - labels[i]) * Math.Log(1 - p);
        }

        Assert.Equal(naive / 3.0, Losses.BinaryCrossEntropyWithLogits(Scores, labels).Data, 12);
        // A logit of -800 with label 1 costs 800: the naive form would give log(0) = -Infinity.
        Assert.Equal(800.0, Losses.BinaryCrossEntropyWithLogits([new Value(-800.0)], [1.0]).Data, 9);
    }

    [Fact]
    public void BinaryCrossEntropyGradientIsSigmoidMinusLabel()
    {
        var z = new Value(0.3);
        Losses.BinaryCrossEntropyWithLogits([z], [1.0]).Backward();

        Assert.Equal(1.0 / (1.0 + Math.Exp(-0.3)) - 1.0, z.Grad, 12);
    }

    [Fact]
    public void L2IsAlphaTimesSumOfSquares()
    {
        Assert.Equal(1e-4 * (4.0 + 0.25 + 0.0625), Losses.L2(Scores, 1e-4).Data, 1e-18);
    }

    [Fact]
    public void MismatchedCountsNameBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Losses.Hinge(Scores, [1.0]));
        Assert.Contains("3 model outputs but 1 targets", error.Message);
    }
}
