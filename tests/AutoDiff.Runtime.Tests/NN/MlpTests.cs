using AutoDiff.NN;
using AutoDiff.Optim;

namespace AutoDiff.Tests.NN;

public class MlpTests
{
    [Fact]
    public void ParameterCountAndOrderFollowMicrograd()
    {
        var mlp = new MLP(3, [4, 4, 1], Activation.Tanh, seed: 1);
        IReadOnlyList<Value> parameters = mlp.Parameters();

        Assert.Equal(41, parameters.Count);  // 4·(3+1) + 4·(4+1) + 1·(4+1)
        Neuron first = mlp.Layers[0].Neurons[0];
        Neuron second = mlp.Layers[0].Neurons[1];
        Assert.Same(first.Weights[0], parameters[0]);
        Assert.Same(first.Weights[2], parameters[2]);
        Assert.Same(first.Bias, parameters[3]);
        Assert.Same(second.Weights[0], parameters[4]);
        Assert.Same(mlp.Layers[2].Neurons[0].Bias, parameters[40]);
    }

    [Fact]
    public void SameSeedGivesSameWeightsAndInitialWeightsLieInMinusOneToOne()
    {
        double[] first = new MLP(2, [16, 16, 1], seed: 7).GetParameterValues();
        double[] second = new MLP(2, [16, 16, 1], seed: 7).GetParameterValues();

        Assert.Equal(first, second);
        Assert.All(first, w => Assert.InRange(w, -1.0, 1.0));
        Assert.NotEqual(first, new MLP(2, [16, 16, 1], seed: 8).GetParameterValues());
    }

    [Fact]
    public void HiddenLayersUseTheActivationAndTheLastLayerIsLinear()
    {
        var mlp = new MLP(2, [3, 1], Activation.Relu, seed: 3);

        Assert.All(mlp.Layers[0].Neurons, n => Assert.Equal(Activation.Relu, n.Activation));
        Assert.Equal(Activation.Linear, mlp.Layers[1].Neurons[0].Activation);
    }

    [Fact]
    public void ForwardComputesTheSumInMicrogradsShape()
    {
        // Weights in Parameters() order: hidden neuron (w 0.5, -1; b 0.25), output neuron (w 2; b -0.5).
        MLP mlp = MLP.FromParameters(2, [1, 1], Activation.Tanh, [0.5, -1.0, 0.25, 2.0, -0.5]);

        Value output = mlp.Forward(new double[] { 3.0, 1.0 })[0];

        // hidden = tanh(0.25 + 1.5 - 1) = tanh(0.75); output = -0.5 + 2·tanh(0.75), linear.
        Assert.Equal(-0.5 + 2.0 * Math.Tanh(0.75), output.Data, 14);
    }

    [Fact]
    public void FlatParametersRoundTrip()
    {
        var mlp = new MLP(3, [4, 1], seed: 5);
        double[] values = Enumerable.Range(0, 21).Select(i => i * 0.1).ToArray();

        mlp.SetParameterValues(values);

        Assert.Equal(values, mlp.GetParameterValues());
        Assert.Equal(values, MLP.FromParameters(3, [4, 1], Activation.Relu, values).GetParameterValues());
    }

    [Fact]
    public void WrongParameterCountNamesBothCounts()
    {
        var mlp = new MLP(3, [4, 1], seed: 5);

        var error = Assert.Throws<ArgumentException>(() => mlp.SetParameterValues(new double[20]));

        Assert.Contains("Expected 21 parameter values but got 20", error.Message);
    }

    [Fact]
    public void NeuronGivenTheWrongInputCountNamesBothCounts()
    {
        var neuron = new Neuron(3, Activation.Tanh, new Random(1));

        var error = Assert.Throws<ArgumentException>(() => neuron.Forward([new Value(1.0), new Value(2.0)]));

        Assert.Contains("3 weights", error.Message);
        Assert.Contains("2 inputs", error.Message);
    }

    [Fact]
    public void ZeroGradClearsEveryParameter()
    {
        var mlp = new MLP(3, [4, 1], seed: 5);
        Losses.SumSquaredError(mlp.Forward(new double[] { 1, 2, 3 }), [1.0]).Backward();
        Assert.Contains(mlp.Parameters(), p => p.Grad != 0.0);

        mlp.ZeroGrad();

        Assert.All(mlp.Parameters(), p => Assert.Equal(0.0, p.Grad));
    }

    [Fact]
    public void TrainingOnTheSeedsDataDrivesTheLossBelowOneHundredth()
    {
        var mlp = new MLP(3, [4, 4, 1], Activation.Tanh, seed: 42);
        var optimizer = new Sgd(mlp.Parameters(), learningRate: 0.05);
        double loss = double.NaN;

        for (int step = 0; step < 100; step++)
        {
            Value[] predictions = SeedsTrainingData.Inputs.Select(x => mlp.Forward(x)[0]).ToArray();
            Value total = Losses.SumSquaredError(predictions, SeedsTrainingData.Targets);
            optimizer.ZeroGrad();
            total.Backward();
            optimizer.Step();
            loss = total.Data;
        }

        Assert.True(loss < 0.01, $"loss after 100 steps is {loss}");
    }
}
