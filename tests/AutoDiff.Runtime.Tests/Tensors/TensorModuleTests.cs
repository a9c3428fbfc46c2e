using AutoDiff.Samples.Moons.Model;
using AutoDiff.Tensors.NN;

namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>Linear, Sequential and the MLP builder on tensors (and the Moons sample's micrograd-order loader).</summary>
public class TensorModuleTests
{
    [Fact]
    public void LinearComputesXWPlusB()
    {
        var layer = new Linear(2, 3, seed: 1);
        layer.SetParameters([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.5, 0.0, -0.5]);
        var y = layer.Forward(Tensor.From([1.0, -1.0], 1, 2));
        // row [1,-1] · [[1,2,3],[4,5,6]] + b = [1-4, 2-5, 3-6] + [0.5, 0, -0.5]
        Assert.Equal([-3.0 + 0.5, -3.0, -3.0 - 0.5], y.ToArray());
        Assert.Equal(new[] { 2, 3 }, layer.Weight.Shape);
        Assert.Equal(new[] { 3 }, layer.Bias.Shape);
    }

    [Fact]
    public void LinearStartsUniformInMinusOneToOneAndIsSeeded()
    {
        var layer = new Linear(50, 40, seed: 7);
        Assert.All(layer.Weight.ToArray(), w => Assert.InRange(w, -1.0, 1.0));
        Assert.Equal(layer.Weight.ToArray(), new Linear(50, 40, seed: 7).Weight.ToArray());
        Assert.True(layer.Weight.RequiresGrad && layer.Bias.RequiresGrad);
    }

    [Fact]
    public void MlpHasMicrogradsShape()
    {
        var mlp = Sequential.Mlp(3, [4, 4, 1], () => new Tanh(), seed: 2);
        Assert.Collection(mlp.Modules,
            m => Assert.IsType<Linear>(m), m => Assert.IsType<Tanh>(m),
            m => Assert.IsType<Linear>(m), m => Assert.IsType<Tanh>(m),
            m => Assert.IsType<Linear>(m));
        Assert.Equal(6, mlp.Parameters().Count);
        // micrograd's MLP(3, [4, 4, 1]) has 4·(3+1) + 4·(4+1) + 1·(4+1) = 41 parameters.
        Assert.Equal(41, mlp.Parameters().Sum(p => p.Count));
        Assert.IsType<ReLU>(Sequential.Mlp(2, [3, 1]).Modules[1]);
    }

    [Fact]
    public void NeuronOrderMatchesMicrogradNeurons()
    {
        // Flat values in micrograd's parameters() order for MLP(2, [2, 1]): neuron by neuron, weights then bias.
        double[] flat = [0.1, 0.2, 0.3, /* layer 1 neuron 0 */ -0.4, 0.5, -0.6, /* neuron 1 */ 0.7, -0.8, 0.9 /* layer 2 neuron 0 */];
        var mlp = Sequential.Mlp(2, [2, 1], () => new Tanh(), seed: 3);
        Assert.Equal(flat.Length, NeuronOrder.Load(mlp, flat));

        double x0 = 1.5, x1 = -2.0;
        double h0 = Math.Tanh(0.1 * x0 + 0.2 * x1 + 0.3);
        double h1 = Math.Tanh(-0.4 * x0 + 0.5 * x1 - 0.6);
        double expected = 0.7 * h0 - 0.8 * h1 + 0.9;
        Assert.Equal(expected, mlp.Forward(Tensor.From([x0, x1], 1, 2)).Item(), 1e-14);
    }

    [Fact]
    public void ParameterLoadingErrorsNameTheSizes()
    {
        var layer = new Linear(2, 3);
        Assert.StartsWith("SetParameters: weight has 5 values but shape [2,3] needs 6",
            Assert.Throws<ArgumentException>(() => layer.SetParameters(new double[5], new double[3])).Message);
        Assert.StartsWith("NeuronOrder.Load: 4 values left but Linear(2, 3) needs 9",
            Assert.Throws<ArgumentException>(() => NeuronOrder.Load(layer, new double[4])).Message);
    }

    [Fact]
    public void ZeroGradClearsEveryParameter()
    {
        var mlp = Sequential.Mlp(3, [5, 2], seed: 4);
        mlp.Forward(Tensor.Ones(2, 3)).CrossEntropy([0, 1]).Backward();
        Assert.Contains(mlp.Parameters(), p => p.Grad!.ToArray().Any(g => g != 0));
        mlp.ZeroGrad();
        Assert.All(mlp.Parameters(), p => Assert.All(p.Grad!.ToArray(), g => Assert.Equal(0.0, g)));
    }

    [Fact]
    public void CrossEntropyTrainingFitsTheSeedDataset()
    {
        // The seed's four examples as two classes (target sign), trained with plain gradient steps.
        var inputs = Tensor.From([2.0, 3.0, -1.0, 3.0, -1.0, 0.5, 0.5, 1.0, 1.0, 1.0, 1.0, -1.0], 4, 3);
        int[] labels = [1, 0, 0, 1];
        var mlp = Sequential.Mlp(3, [8, 2], () => new ReLU(), seed: 5);
        for (int step = 0; step < 200; step++)
        {
            mlp.ZeroGrad();
            mlp.Forward(inputs).CrossEntropy(labels).Backward();
            foreach (Optim.IParameter p in mlp.Parameters())
                for (int i = 0; i < p.Data.Length; i++) p.Data[i] -= 0.05 * p.Grad[i];
        }
        using (Tensor.NoGrad())
        {
            var logits = mlp.Forward(inputs);
            for (int row = 0; row < 4; row++)
                Assert.True(logits.At(row, labels[row]) > logits.At(row, 1 - labels[row]), $"row {row} misclassified: {logits}");
        }
    }
}
