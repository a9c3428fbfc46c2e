namespace AutoDiff.Tests.Tape;

// The worked examples of shared/seeds, with gradients derived by hand (chain rule) beside each assert.
public class SeedExampleTests
{
    [Fact]
    public void ManualBackpropExampleGivesTheSeedsGradients()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        Value e = a * b;
        e.Label = "e";
        Value d = e + c;
        d.Label = "d";
        var f = new Value(-2.0, "f");
        Value L = d * f;

        L.Backward();

        Assert.Equal(-8.0, L.Data);          // (2·-3 + 10)·-2
        Assert.Equal(4.0, f.Grad);           // dL/df = d = 4
        Assert.Equal(-2.0, d.Grad);          // dL/dd = f = -2
        Assert.Equal(-2.0, e.Grad);          // dL/de = dL/dd · 1
        Assert.Equal(-2.0, c.Grad);          // dL/dc = dL/dd · 1
        Assert.Equal(6.0, a.Grad);           // dL/da = dL/de · b = -2·-3
        Assert.Equal(-4.0, b.Grad);          // dL/db = dL/de · a = -2·2
    }

    [Theory]
    [InlineData(3.0, 14.0)]              // f'(x) = 6x - 4
    [InlineData(-3.0, -22.0)]
    [InlineData(2.0 / 3.0, 0.0)]
    public void QuadraticSlopeMatchesSixXMinusFour(double x0, double slope)
    {
        var x = new Value(x0);
        Value f = 3 * x.Pow(2) - 4 * x + 5;

        f.Backward();

        Assert.Equal(slope, x.Grad, 12);
    }

    [Fact]
    public void SumOfProductsExampleFromSeedZero()
    {
        var a = new Value(10.0);
        var b = new Value(5.0);
        var c = new Value(7.0);
        var g = new Value(10.0);
        Value f = (a + b) + c * g;

        f.Backward();

        Assert.Equal(85.0, f.Data);          // 15 + 70
        Assert.Equal(1.0, a.Grad);
        Assert.Equal(1.0, b.Grad);
        Assert.Equal(10.0, c.Grad);          // df/dc = g
        Assert.Equal(7.0, g.Grad);           // df/dg = c
    }

    [Fact]
    public void PowerOfValuesExampleFromSeedZero()
    {
        var a = new Value(3.0);
        var b = new Value(4.0);
        Value c = a + b;
        Value d = a * b;
        Value e = c.Pow(d);

        e.Backward();

        double dedc = 12.0 * Math.Pow(7.0, 11.0);            // d·c^(d-1)
        double dedd = Math.Pow(7.0, 12.0) * Math.Log(7.0);   // c^d·ln c
        Assert.Equal(13841287201.0, e.Data);                 // 7^12
        Assert.Equal(dedc, c.Grad, 1e-3);
        Assert.Equal(dedd, d.Grad, 1e-3);
        Assert.Equal(dedc + dedd * 4.0, a.Grad, 1e-2);       // a feeds c (·1) and d (·b)
        Assert.Equal(dedc + dedd * 3.0, b.Grad, 1e-2);       // b feeds c (·1) and d (·a)
    }

    [Fact]
    public void TanhNeuronGivesTheSeedsGradients()
    {
        (Value x1, Value x2, Value w1, Value w2, Value o) = TanhNeuron(n => n.Tanh());

        o.Backward();

        AssertNeuronGradients(x1, x2, w1, w2, o);
    }

    [Fact]
    public void TanhWrittenWithExpGivesTheSameGradients()
    {
        (Value x1, Value x2, Value w1, Value w2, Value o) = TanhNeuron(n =>
        {
            Value e = (2 * n).Exp();
            return (e - 1) / (e + 1);
        });

        o.Backward();

        AssertNeuronGradients(x1, x2, w1, w2, o);
    }

    private static (Value X1, Value X2, Value W1, Value W2, Value O) TanhNeuron(Func<Value, Value> tanh)
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        Value n = x1 * w1 + x2 * w2 + b;
        return (x1, x2, w1, w2, tanh(n));
    }

    private static void AssertNeuronGradients(Value x1, Value x2, Value w1, Value w2, Value o)
    {
        // n = -6 + 6.8813735870195432 = asinh(1), so o = tanh(n) = 1/√2 and do/dn = 1 - o² = 0.5.
        Assert.Equal(Math.Sqrt(0.5), o.Data, 12);
        Assert.Equal(-1.5, x1.Grad, 12);     // w1 · 0.5
        Assert.Equal(1.0, w1.Grad, 12);      // x1 · 0.5
        Assert.Equal(0.5, x2.Grad, 12);      // w2 · 0.5
        Assert.Equal(0.0, w2.Grad, 12);      // x2 · 0.5
    }
}
