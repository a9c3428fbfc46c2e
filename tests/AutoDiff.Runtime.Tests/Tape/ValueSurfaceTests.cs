using System.Globalization;
using AutoDiff.Optim;

namespace AutoDiff.Tests.Tape;

public class ValueSurfaceTests
{
    [Fact]
    public void ToStringReadsLikeMicrograd()
    {
        var a = new Value(2.0) { Grad = -0.5 };
        Assert.Equal("Value(data=2.0, grad=-0.5)", a.ToString());
        Assert.Equal("Value(data=0.1, grad=0.0)", new Value(0.1).ToString());
    }

    [Fact]
    public void ToStringIgnoresTheCurrentCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("Value(data=1.5, grad=0.0)", new Value(1.5).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void OpAndChildrenDescribeHowAValueWasMade()
    {
        var a = new Value(2.0, "a");
        var b = new Value(3.0, "b");
        Value product = a * b;

        Assert.Equal("*", product.Op);
        Assert.Equal([a, b], product.Children);
        Assert.Equal("", a.Op);
        Assert.Empty(a.Children);
        Assert.Equal("a", a.Label);
        Assert.Equal("", product.Label);
        Assert.Equal("**2", a.Pow(2).Op);
        Assert.Equal("tanh", a.Tanh().Op);
        Assert.Equal("log10", ValueMath.Log10(a).Op);
        Assert.Equal([a], (-a).Children);
    }

    [Fact]
    public void ComparisonsLookAtDataAndEqualityStaysReference()
    {
        var small = new Value(1.0);
        var large = new Value(2.0);
        var twin = new Value(1.0);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= twin && small >= twin);
        Assert.True(small < 1.5);
        Assert.False(small.Equals(twin));
    }

    [Fact]
    public void AsAParameterItExposesItsOwnDataAndGrad()
    {
        var v = new Value(3.0) { Grad = 0.25 };
        IParameter parameter = v;

        parameter.Data[0] = 7.0;
        parameter.Grad[0] += 1.0;

        Assert.Equal(7.0, v.Data);
        Assert.Equal(1.25, v.Grad);
        Assert.Equal(1, parameter.Data.Length);
    }
}
