using AutoDiff.NN;
using AutoDiff.Optim;
using AutoDiff.Samples.Moons.Model;
using AutoDiff.Tensors.NN;

namespace AutoDiff.Tests.CrossEngine;

/// <summary>
/// The scalar engine (Value MLP) and the tensor engine (Sequential.Mlp) are independent implementations:
/// loaded with the same weights they must agree on the loss, on every gradient and after optimizer steps.
/// </summary>
public class TensorVersusValueMlpTests
{
    // The seeds' four-sample data set.
    private static readonly double[][] Xs = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]];
    private static readonly double[] Ys = [1, -1, -1, 1];

    [Theory]
    [InlineData(Activation.Tanh, 1)]
    [InlineData(Activation.Relu, 2)]
    [InlineData(Activation.Tanh, 3)]
    public void SameWeightsGiveTheSameMseLossAndGradients(Activation activation, int seed)
    {
        var scalar = new MLP(3, [4, 4, 1], activation, seed);
        Func<AutoDiff.Tensors.NN.Module> tensorActivation = activation == Activation.Tanh ? () => new Tanh() : () => new ReLU();
        var tensor = Sequential.Mlp(3, [4, 4, 1], tensorActivation, seed: 99);
        Assert.Equal(scalar.Parameters().Count, NeuronOrder.Load(tensor, scalar.GetParameterValues()));

        Value scalarLoss = ScalarMse(scalar);
        scalarLoss.Backward();
        Tensor tensorLoss = TensorMse(tensor);
        tensorLoss.Backward();

        Assert.Equal(scalarLoss.Data, tensorLoss.Item(), 12);
        double[] tensorGrads = GradientsInNeuronOrder(tensor);
        var scalarGrads = scalar.Parameters().Select(p => p.Grad).ToArray();
        Assert.Equal(scalarGrads.Length, tensorGrads.Length);
        for (int i = 0; i < scalarGrads.Length; i++)
        {
            Assert.Equal(scalarGrads[i], tensorGrads[i], 12);
        }
    }

    [Fact]
    public void HingeLossOnBothEnginesAgrees()
    {
        var scalar = new MLP(3, [8, 1], Activation.Relu, seed: 5);
        var tensor = Sequential.Mlp(3, [8, 1], () => new ReLU());
        NeuronOrder.Load(tensor, scalar.GetParameterValues());

        var scores = Xs.Select(x => scalar.Forward(x)[0]).ToArray();
        Value scalarLoss = Losses.Hinge(scores, Ys);
        scalarLoss.Backward();

        // mean(relu(1 - y * score)), written with tensor ops.
        Tensor score = tensor.Forward(Inputs()).Reshape(4);
        Tensor tensorLoss = (1.0 - Tensor.From(Ys, 4) * score).Relu().Mean();
        tensorLoss.Backward();

        Assert.Equal(scalarLoss.Data, tensorLoss.Item(), 12);
        var scalarGrads = scalar.Parameters().Select(p => p.Grad).ToArray();
        Assert.Equal(scalarGrads, GradientsInNeuronOrder(tensor), new ToleranceComparer(1e-12));
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("sgd-momentum")]
    [InlineData("adam")]
    public void OptimizersTrainTensorParametersExactlyAsScalarParameters(string optimizer)
    {
        var scalar = new MLP(3, [4, 4, 1], Activation.Tanh, seed: 7);
        var tensor = Sequential.Mlp(3, [4, 4, 1], () => new Tanh());
        NeuronOrder.Load(tensor, scalar.GetParameterValues());
        Optimizer scalarOptimizer = Create(optimizer, scalar.Parameters());
        Optimizer tensorOptimizer = Create(optimizer, tensor.Parameters());

        for (int step = 0; step < 5; step++)
        {
            scalarOptimizer.ZeroGrad();
            ScalarMse(scalar).Backward();
            scalarOptimizer.Step();

            tensorOptimizer.ZeroGrad();
            TensorMse(tensor).Backward();
            tensorOptimizer.Step();
        }

        var fresh = Sequential.Mlp(3, [4, 4, 1], () => new Tanh());
        NeuronOrder.Load(fresh, scalar.GetParameterValues());
        Assert.Equal(ValuesInNeuronOrder(fresh), ValuesInNeuronOrder(tensor), new ToleranceComparer(1e-12));
    }

    private static Optimizer Create(string name, IEnumerable<IParameter> parameters) => name switch
    {
        "sgd" => new Sgd(parameters, learningRate: 0.05),
        "sgd-momentum" => new Sgd(parameters, learningRate: 0.05, momentum: 0.9),
        _ => new Adam(parameters, learningRate: 0.01),
    };

    private static Value ScalarMse(MLP mlp)
    {
        var predictions = Xs.Select(x => mlp.Forward(x)[0]).ToArray();
        return Losses.MeanSquaredError(predictions, Ys);
    }

    private static Tensor TensorMse(Sequential mlp) => mlp.Forward(Inputs()).Reshape(4).Mse(Tensor.From(Ys, 4));

    private static Tensor Inputs() => Tensor.From(Xs.SelectMany(x => x).ToArray(), 4, 3);

    // Linear stores W as [in, out] (column j = neuron j); the Value MLP lists neuron j's weights then its bias.
    private static double[] GradientsInNeuronOrder(Sequential mlp) => InNeuronOrder(mlp, p => p.Grad);

    private static double[] ValuesInNeuronOrder(Sequential mlp) => InNeuronOrder(mlp, p => p.Data);

    private delegate Span<double> Field(IParameter parameter);

    private static double[] InNeuronOrder(Sequential mlp, Field field)
    {
        var result = new List<double>();
        var parameters = mlp.Parameters();
        for (int p = 0; p < parameters.Count; p += 2)
        {
            Tensor weight = parameters[p];
            int inputs = weight.Shape[0], outputs = weight.Shape[1];
            double[] w = field(weight).ToArray(), b = field(parameters[p + 1]).ToArray();
            for (int neuron = 0; neuron < outputs; neuron++)
            {
                for (int i = 0; i < inputs; i++) result.Add(w[i * outputs + neuron]);
                result.Add(b[neuron]);
            }
        }

        return [.. result];
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
