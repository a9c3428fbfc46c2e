namespace AutoDiff.Tests;

public class IntegrationPlaceholderTests
{
    [Fact]
    public void DerivativeOfKeepsTheMethodName()
    {
        var attribute = new DerivativeOfAttribute("Softplus");
        Assert.Equal("Softplus", attribute.MethodName);
    }
}
