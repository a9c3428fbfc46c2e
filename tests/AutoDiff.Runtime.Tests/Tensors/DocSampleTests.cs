using AutoDiff.Tensors.NN;

namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>The samples of docs/tensor.md, verbatim, with checks of what the doc says they give.</summary>
public class DocSampleTests
{
    [Fact]
    public void CreatingTensors()
    {
        var a = Tensor.From([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3); // shape [2,3], row-major
        var z = Tensor.Zeros(2, 3);
        var r = Tensor.RandomNormal([2, 3], seed: 42);                // also RandomUniform(shape, low, high, seed)
        var s = Tensor.Scalar(2.5);                                    // shape []
        var x = Tensor.Arange(6).Reshape(3, -1);                       // [[0,1],[2,3],[4,5]]
        double[] values = a.ToArray();                                 // a copy; a.Shape is [2,3], a.Strides [3,1]

        Assert.Equal(new[] { 2, 3 }, a.Shape);
        Assert.Equal(new[] { 3, 1 }, a.Strides);
        Assert.Equal(new double[6], z.ToArray());
        Assert.Equal(new[] { 2, 3 }, r.Shape);
        Assert.Empty(s.Shape);
        Assert.Equal("Tensor[3,2] [[0, 1], [2, 3], [4, 5]]", x.ToString());
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], values);
    }

    [Fact]
    public void Broadcasting()
    {
        var column = Tensor.From([1.0, 2.0], 2, 1);
        var row = Tensor.From([10.0, 20.0, 30.0], 3);
        var table = column + row;          // shape [2,3]: [[11,21,31],[12,22,32]]
        var scaled = 2 * table - 1;        // numbers work on either side

        Assert.Equal("Tensor[2,3] [[11, 21, 31], [12, 22, 32]]", table.ToString());
        Assert.Equal([21.0, 41.0, 61.0, 23.0, 43.0, 63.0], scaled.ToArray());
    }

    [Fact]
    public void Autograd()
    {
        var w = Tensor.From([1.0, -1.0, 0.5], 3, 1); w.RequiresGrad = true;
        var xs = Tensor.From([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);
        var loss = xs.MatMul(w).Tanh().Sum();
        loss.Backward();
        Tensor dw = w.Grad!;               // shape [3,1]

        // Row pre-activations: 1-2+1.5 = 0.5 and 4-5+3 = 2; dloss/dw_j = Σ_rows x_rj·(1 - tanh²(pre_r)).
        double d0 = 1 - Math.Pow(Math.Tanh(0.5), 2), d1 = 1 - Math.Pow(Math.Tanh(2.0), 2);
        Assert.Equal(new[] { 3, 1 }, dw.Shape);
        var expected = new[] { 1 * d0 + 4 * d1, 2 * d0 + 5 * d1, 3 * d0 + 6 * d1 };
        for (int j = 0; j < 3; j++) Assert.Equal(expected[j], dw.ToArray()[j], 1e-12);
    }

    [Fact]
    public void NoGradScope()
    {
        var p = Tensor.Ones(2); p.RequiresGrad = true;
        using (Tensor.NoGrad())
        {
            var y = p * 3;                 // no graph kept
            Console.WriteLine(y.RequiresGrad);   // False
        }

        using (Tensor.NoGrad())
        {
            Assert.False((p * 3).RequiresGrad);
        }

        Assert.True((p * 3).RequiresGrad);
    }

    [Fact]
    public void TrainingAnMlpLowersTheLoss()
    {
        var model = Sequential.Mlp(3, [4, 4, 1], () => new Tanh(), seed: 1);
        var inputs = Tensor.From([2.0, 3.0, -1.0, 3.0, -1.0, 0.5, 0.5, 1.0, 1.0, 1.0, 1.0, -1.0], 4, 3);
        var targets = Tensor.From([1.0, -1.0, -1.0, 1.0], 4, 1);
        double first = model.Forward(inputs).Mse(targets).Item();
        for (int step = 0; step < 20; step++)
        {
            var loss = model.Forward(inputs).Mse(targets);
            model.ZeroGrad();
            loss.Backward();
            foreach (AutoDiff.Optim.IParameter parameter in model.Parameters())
                for (int i = 0; i < parameter.Data.Length; i++) parameter.Data[i] -= 0.05 * parameter.Grad[i];
        }
        double last = model.Forward(inputs).Mse(targets).Item();
        Assert.True(last < first / 2, $"loss went from {first} to {last}");
    }

    [Fact]
    public void SettingParameters()
    {
        var layer = new Linear(2, 1);
        layer.SetParameters([0.5, -0.25], [0.1]);  // weight [in, out] row-major, then bias [out]

        Assert.Equal([0.5, -0.25], layer.Weight.ToArray());
        Assert.Equal([0.1], layer.Bias.ToArray());
    }

    [Fact]
    public void FloatTensors()
    {
        var f = FloatTensor.From([1f, 2f, 3f, 4f], 2, 2); f.RequiresGrad = true;
        var fl = (f.MatMul(f) * 0.5f).Sum();
        fl.Backward();
        Tensor asDouble = f.Grad!.ToDouble();      // and Tensor.ToFloat() back

        // d/dF[a,b] of ½·Σᵢⱼ(F·F)[i,j] = ½·(Σⱼ F[b,j] + Σᵢ F[i,a]): row sums 3, 7 and column sums 4, 6.
        Assert.Equal([0.5 * (3 + 4), 0.5 * (7 + 4), 0.5 * (3 + 6), 0.5 * (7 + 6)], asDouble.ToArray());
        Assert.Equal(FloatTensor.RandomNormal([3], seed: 4).ToArray(), Tensor.RandomNormal([3], seed: 4).ToFloat().ToArray());
    }

    [Fact]
    public void RecomputedTrainingLoop()
    {
        var net = Sequential.Mlp(4, [8, 3], seed: 2);
        var batch = Tensor.Zeros(5, 4);
        int[] labels = [0, 1, 2, 1, 0];
        var optimizer = new AutoDiff.Optim.Sgd(net.Parameters(), learningRate: 0.1);
        var recorded = net.Forward(batch).CrossEntropy(labels);   // built once
        for (int step = 0; step < 10; step++)
        {
            batch.CopyFrom(Tensor.RandomNormal([5, 4], seed: step).AsSpan());   // the next batch, in place
            labels[0] = step % 3;                                              // labels are read again too
            recorded.Recompute();
            optimizer.ZeroGrad();
            recorded.Backward();
            optimizer.Step();
        }

        // The recorded graph gives what a freshly built one gives on the current batch and weights.
        recorded.Recompute();
        Assert.Equal(net.Forward(batch).CrossEntropy(labels).Item(), recorded.Item(), 15);
    }
}
