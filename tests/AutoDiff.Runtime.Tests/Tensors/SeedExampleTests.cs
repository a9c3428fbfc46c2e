namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>The N-dimensional seed (001): its manual backprop expression and its tanh neuron, on 2-D arrays and on scalars.</summary>
public class SeedExampleTests
{
    [Fact]
    public void ManualBackpropExpression()
    {
        var a = Tensor.Scalar(2.0); a.RequiresGrad = true;
        var b = Tensor.Scalar(-3.0); b.RequiresGrad = true;
        var c = Tensor.Scalar(10.0); c.RequiresGrad = true;
        var f = Tensor.Scalar(-2.0); f.RequiresGrad = true;
        var e = a * b;
        var d = e + c;
        var L = d * f;
        L.Backward();

        Assert.Equal(-8.0, L.Item());           // (2·-3 + 10)·-2
        Assert.Equal(-2.0, d.Grad!.Item());     // f
        Assert.Equal(4.0, f.Grad!.Item());      // d
        Assert.Equal(-2.0, c.Grad!.Item());     // dL/dd · 1
        Assert.Equal(-2.0, e.Grad!.Item());     // dL/dd · 1
        Assert.Equal(6.0, a.Grad!.Item());      // dL/de · b
        Assert.Equal(-4.0, b.Grad!.Item());     // dL/de · a
    }

    // The seed's neuron: b is chosen so that n = 0.8813735870195432 and o = tanh(n) = 1/√2, hence 1 - o² = 1/2.
    private const double Bias = 6.8813735870195432;

    [Fact]
    public void TanhNeuronOn2DArrays()
    {
        var x1 = Tensor.Full(2.0, 2, 2); x1.RequiresGrad = true;
        var x2 = Tensor.Full(0.0, 2, 2); x2.RequiresGrad = true;
        var w1 = Tensor.Full(-3.0, 2, 2); w1.RequiresGrad = true;
        var w2 = Tensor.Full(1.0, 2, 2); w2.RequiresGrad = true;
        var b = Tensor.Full(Bias, 2, 2); b.RequiresGrad = true;
        var n = x1 * w1 + x2 * w2 + b;
        var o = n.Tanh();
        o.Backward(Tensor.OnesLike(o)); // the seed's np.ones_like(self.data)

        AssertAll(o, 1 / Math.Sqrt(2));
        AssertAll(n.Grad!, 0.5);    // 1 - o²
        AssertAll(x1.Grad!, -1.5);  // w1 · 0.5
        AssertAll(w1.Grad!, 1.0);   // x1 · 0.5
        AssertAll(x2.Grad!, 0.5);   // w2 · 0.5
        AssertAll(w2.Grad!, 0.0);   // x2 · 0.5
        AssertAll(b.Grad!, 0.5);
    }

    [Fact]
    public void TanhNeuronOnScalarsMatches2D()
    {
        var x1 = Tensor.Scalar(2.0); x1.RequiresGrad = true;
        var w1 = Tensor.Scalar(-3.0); w1.RequiresGrad = true;
        var x2 = Tensor.Scalar(0.0); x2.RequiresGrad = true;
        var w2 = Tensor.Scalar(1.0); w2.RequiresGrad = true;
        var o = (x1 * w1 + x2 * w2 + Bias).Tanh();
        o.Backward();

        Assert.Equal(1 / Math.Sqrt(2), o.Item(), 1e-12);
        Assert.Equal(-1.5, x1.Grad!.Item(), 1e-12);
        Assert.Equal(1.0, w1.Grad!.Item(), 1e-12);
        Assert.Equal(0.5, x2.Grad!.Item(), 1e-12);
        Assert.Equal(0.0, w2.Grad!.Item(), 1e-12);
    }

    [Fact]
    public void TanhWrittenWithExpAndDivisionGivesTheSameGradients()
    {
        // micrograd's tanh spelled out: (e^{2n} - 1) / (e^{2n} + 1), through exp, scalar ops and tensor division.
        var x1 = Tensor.Full(2.0, 2, 2); x1.RequiresGrad = true;
        var w1 = Tensor.Full(-3.0, 2, 2); w1.RequiresGrad = true;
        var n = x1 * w1 + Bias;
        var e = (2 * n).Exp();
        var o = (e - 1) / (e + 1);
        o.Backward(Tensor.OnesLike(o));

        AssertAll(o, 1 / Math.Sqrt(2));
        AssertAll(x1.Grad!, -1.5);
        AssertAll(w1.Grad!, 1.0);
    }

    [Fact]
    public void PowerWithTensorExponent()
    {
        // The seed's __pow__ with a Value exponent: d(a^b)/da = b·a^(b-1), d(a^b)/db = a^b·ln a.
        var a = Tensor.From([2.0, 3.0], 2); a.RequiresGrad = true;
        var b = Tensor.From([3.0, 2.0], 2); b.RequiresGrad = true;
        var y = a.Pow(b);
        y.Backward(Tensor.OnesLike(y));

        Assert.Equal([8.0, 9.0], y.ToArray());
        Assert.Equal(new[] { 3 * 4.0, 2 * 3.0 }, a.Grad!.ToArray());
        Assert.Equal(8 * Math.Log(2), b.Grad!.ToArray()[0], 1e-12);
        Assert.Equal(9 * Math.Log(3), b.Grad!.ToArray()[1], 1e-12);
    }

    private static void AssertAll(Tensor t, double expected)
    {
        foreach (double v in t.ToArray()) Assert.Equal(expected, v, 1e-12);
    }
}
