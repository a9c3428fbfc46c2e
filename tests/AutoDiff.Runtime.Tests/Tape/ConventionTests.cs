namespace AutoDiff.Tests.Tape;

// Where a derivative is undefined the library picks a documented value (docs/runtime.md); these pin them.
public class ConventionTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0 + 0.1)]
    [InlineData(1e-300)]
    [InlineData(12345.678)]
    public void Log10AndLog2ComputeTheSameBitsAsMath(double x)
    {
        // Math.Log(x, 10) can differ from Math.Log10(x) in the last bit; the tape must replay what the primal computed.
        Assert.Equal(Math.Log10(x), ValueMath.Log10(new Value(x)).Data);
        Assert.Equal(Math.Log2(x), ValueMath.Log2(new Value(x)).Data);
    }

    private static double GradientAt(double x, Func<Value, Value> f)
    {
        var v = new Value(x);
        f(v).Backward();
        return v.Grad;
    }

    [Fact]
    public void ReluHasZeroSlopeAtZero() => Assert.Equal(0.0, GradientAt(0.0, v => v.Relu()));

    [Fact]
    public void AbsHasZeroSlopeAtZero() => Assert.Equal(0.0, GradientAt(0.0, ValueMath.Abs));

    [Fact]
    public void MaxAndMinSendATieToTheFirstArgument()
    {
        var a = new Value(1.0);
        var b = new Value(1.0);
        (ValueMath.Max(a, b) + 2.0 * ValueMath.Min(a, b)).Backward();

        Assert.Equal(3.0, a.Grad);           // 1 from Max, 2 from Min
        Assert.Equal(0.0, b.Grad);
    }

    [Fact]
    public void PowWithNegativeBaseHasANaNExponentSlopeButAFiniteBaseSlope()
    {
        var a = new Value(-2.0);
        var b = new Value(3.0);
        Value y = a.Pow(b);

        y.Backward();

        Assert.Equal(-8.0, y.Data);
        Assert.Equal(12.0, a.Grad);          // b·a^(b-1) = 3·4
        Assert.True(double.IsNaN(b.Grad));   // a^b·ln a, ln(-2) is NaN
    }

    [Fact]
    public void PowWithZeroBaseAndPositiveExponentHasZeroExponentSlope()
    {
        var a = new Value(0.0);
        var b = new Value(2.0);

        a.Pow(b).Backward();

        Assert.Equal(0.0, b.Grad);           // lim a→0⁺ of a²·ln a
        Assert.Equal(0.0, a.Grad);           // 2·0¹
    }

    [Fact]
    public void NonFiniteResultsFollowIeee()
    {
        Assert.True(double.IsNaN(new Value(-1.0).Log().Data));
        Assert.Equal(double.NegativeInfinity, new Value(0.0).Log().Data);
        Assert.Equal(double.PositiveInfinity, (new Value(1.0) / 0.0).Data);
        Assert.Equal(double.NegativeInfinity, (new Value(-1.0) / 0.0).Data);
        Assert.Equal(double.PositiveInfinity, GradientAt(0.0, v => v.Sqrt()));
    }

    [Fact]
    public void SigmoidStaysFiniteForLargeInputs()
    {
        Assert.Equal(0.0, new Value(-1000.0).Sigmoid().Data);
        Assert.Equal(1.0, new Value(1000.0).Sigmoid().Data);
        Assert.Equal(0.0, GradientAt(-1000.0, v => v.Sigmoid()));
    }

    [Fact]
    public void PiecewiseConstantFunctionsPassNoGradient()
    {
        double slope = GradientAt(2.7, v =>
            ValueMath.Floor(v) + ValueMath.Ceiling(v) + ValueMath.Round(v) + ValueMath.Truncate(v) + ValueMath.Sign(v));

        Assert.Equal(0.0, slope);
        Assert.Equal(2.0, ValueMath.Floor(new Value(2.7)).Data);
        Assert.Equal(3.0, ValueMath.Ceiling(new Value(2.7)).Data);
        Assert.Equal(2.0, ValueMath.Round(new Value(2.5)).Data); // ties to even, as Math.Round
        Assert.Equal(-2.0, ValueMath.Truncate(new Value(-2.7)).Data);
        Assert.Equal(-1.0, ValueMath.Sign(new Value(-2.7)).Data);
        Assert.True(double.IsNaN(ValueMath.Sign(new Value(double.NaN)).Data));
    }

    [Fact]
    public void ClampRejectsAnEmptyRange()
    {
        // The exception Math.Clamp throws, message and all: tape code runs in place of the source's Math.Clamp.
        var error = Assert.Throws<ArgumentException>(() => ValueMath.Clamp(new Value(0.0), 2.0, 1.0));
        var expected = Assert.Throws<ArgumentException>(() => Math.Clamp(0.0, 2.0, 1.0));
        Assert.Equal(expected.Message, error.Message);
    }
}
