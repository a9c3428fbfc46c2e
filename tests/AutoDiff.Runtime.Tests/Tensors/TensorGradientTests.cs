namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>Every differentiable op against central finite differences, on broadcast shapes where the op broadcasts.</summary>
public class TensorGradientTests
{
    public static TheoryData<int[], int[]> BroadcastPairs => new()
    {
        { new[] { 2, 3 }, new[] { 2, 3 } },
        { new[] { 2, 3 }, new[] { 3 } },
        { new[] { 2, 1 }, new[] { 1, 3 } },
        { new[] { 4, 1, 3 }, new[] { 2, 3 } },
        { new[] { 3 }, new[] { 2, 2, 3 } },
        { new int[0], new[] { 2, 3 } },
        { new[] { 2, 3, 1 }, new[] { 1 } },
    };

    private static Tensor R(int seed, params int[] shape) => TensorGradCheck.Random(seed, shape);
    private static Tensor P(int seed, params int[] shape) => TensorGradCheck.Positive(seed, shape);

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void Add(int[] a, int[] b) => TensorGradCheck.Check(x => x[0] + x[1], R(1, a), R(2, b));

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void Subtract(int[] a, int[] b) => TensorGradCheck.Check(x => x[0] - x[1], R(1, a), R(2, b));

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void Multiply(int[] a, int[] b) => TensorGradCheck.Check(x => x[0] * x[1], R(1, a), R(2, b));

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void Divide(int[] a, int[] b) => TensorGradCheck.Check(x => x[0] / x[1], R(1, a), P(2, b));

    [Theory, MemberData(nameof(BroadcastPairs))]
    public void PowTensor(int[] a, int[] b) => TensorGradCheck.Check(x => x[0].Pow(x[1]), P(1, a), R(2, b));

    [Fact]
    public void ScalarOperators()
    {
        TensorGradCheck.Check(x => x[0] + 2.5, R(1, 2, 3));
        TensorGradCheck.Check(x => 2.5 + x[0], R(1, 2, 3));
        TensorGradCheck.Check(x => x[0] - 2.5, R(1, 2, 3));
        TensorGradCheck.Check(x => 2.5 - x[0], R(1, 2, 3));
        TensorGradCheck.Check(x => x[0] * -1.5, R(1, 2, 3));
        TensorGradCheck.Check(x => -1.5 * x[0], R(1, 2, 3));
        TensorGradCheck.Check(x => x[0] / 4.0, R(1, 2, 3));
        TensorGradCheck.Check(x => 4.0 / x[0], P(1, 2, 3));
        TensorGradCheck.Check(x => -x[0], R(1, 2, 3));
    }

    [Fact]
    public void UnaryFunctions()
    {
        TensorGradCheck.Check(x => x[0].Tanh(), R(3, 3, 4));
        TensorGradCheck.Check(x => x[0].Relu(), R(3, 3, 4));
        TensorGradCheck.Check(x => x[0].Exp(), R(3, 3, 4));
        TensorGradCheck.Check(x => x[0].Log(), P(3, 3, 4));
        TensorGradCheck.Check(x => x[0].Sigmoid(), R(3, 3, 4));
        TensorGradCheck.Check(x => x[0].Pow(3), R(3, 3, 4));
        TensorGradCheck.Check(x => x[0].Pow(-0.5), P(3, 3, 4));
    }

    [Fact]
    public void Reductions()
    {
        TensorGradCheck.Check(x => x[0].Sum(), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Sum(1), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Sum([0, 2], keepDims: true), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Mean(), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Mean(-1, keepDims: true), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Max(), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Max(0), R(4, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Max([1, 2], keepDims: true), R(4, 2, 3, 4));
    }

    [Fact]
    public void ShapeOps()
    {
        TensorGradCheck.Check(x => x[0].Reshape(4, -1), R(5, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Transpose(), R(5, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Permute(2, 0, 1), R(5, 2, 3, 4));
        TensorGradCheck.Check(x => x[0].Slice(1, 1, 2), R(5, 2, 3, 4));
        TensorGradCheck.Check(x => x[0][1], R(5, 2, 3, 4));
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 4, 5 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 4, 5 })]
    [InlineData(new[] { 2, 1, 3, 4 }, new[] { 3, 4, 2 })]
    [InlineData(new[] { 4 }, new[] { 2, 4, 3 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 })]
    [InlineData(new[] { 4 }, new[] { 4 })]
    [InlineData(new[] { 20, 33 }, new[] { 33, 21 })]
    public void MatMul(int[] a, int[] b) => TensorGradCheck.Check(x => x[0].MatMul(x[1]), R(6, a), R(7, b));

    [Fact]
    public void SoftmaxAndLosses()
    {
        TensorGradCheck.Check(x => x[0].Softmax(), R(8, 3, 5));
        TensorGradCheck.Check(x => x[0].Softmax(0), R(8, 3, 5));
        TensorGradCheck.Check(x => x[0].LogSoftmax(), R(8, 2, 3, 5));
        TensorGradCheck.Check(x => x[0].LogSoftmax(1), R(8, 2, 3, 5));
        TensorGradCheck.Check(x => x[0].CrossEntropy([4, 0, 2]), R(8, 3, 5));
        TensorGradCheck.Check(x => x[0].Mse(x[1]), R(8, 3, 5), R(9, 3, 5));
        TensorGradCheck.Check(x => x[0].Mse(x[1]), R(8, 3, 5), R(9, 5));
    }

    [Fact]
    public void ComposedNetworkWithSharedInput()
    {
        // x feeds two branches, so its gradient must accumulate from both.
        TensorGradCheck.Check(
            x => (x[0].MatMul(x[1]) + x[2]).Tanh().MatMul(x[1].Transpose()) * x[0],
            R(10, 3, 4), R(11, 4, 6), R(12, 6));
    }
}
