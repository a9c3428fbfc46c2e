namespace AutoDiff.Tests;

public class AttributeTests
{
    [Fact]
    public void DerivativeOfKeepsTheMethodName()
    {
        var attribute = new DerivativeOfAttribute("Softplus");
        Assert.Equal("Softplus", attribute.MethodName);
    }
}
