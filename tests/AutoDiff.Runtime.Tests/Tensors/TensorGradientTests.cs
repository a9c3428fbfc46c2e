namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>
/// Every differentiable op (<see cref="GradientCases{TSelf, T}"/>) against central finite differences, in both element
/// types: the double engine directly, the float engine against differences of the same function computed in double.
/// </summary>
public class TensorGradientTests
{
    public static TheoryData<string> Cases()
    {
        var names = new TheoryData<string>();
        foreach (var c in GradientCases<Tensor, double>.All) names.Add(c.Name);
        return names;
    }

    [Theory, MemberData(nameof(Cases))]
    public void DoubleGradientMatchesFiniteDifferences(string name) =>
        TensorGradCheck.Check(GradientCases<Tensor, double>.Named(name));

    [Theory, MemberData(nameof(Cases))]
    public void FloatGradientMatchesFiniteDifferences(string name) =>
        TensorGradCheck.Check(GradientCases<FloatTensor, float>.Named(name), GradientCases<Tensor, double>.Named(name));
}
