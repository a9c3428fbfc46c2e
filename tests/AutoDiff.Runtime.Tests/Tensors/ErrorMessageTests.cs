namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>Bad input names the operation and the shapes or indices involved.</summary>
public class ErrorMessageTests
{
    [Fact]
    public void MatMulInnerDimensionMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(4, 5)));
        Assert.Equal("MatMul: shapes [2,3] and [4,5] are incompatible: inner dimensions 3 and 4 differ", e.Message);
    }

    [Fact]
    public void MatMulBatchMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 2, 3).MatMul(Tensor.Zeros(3, 3, 5)));
        Assert.Contains("[2,2,3] and [3,3,5]", e.Message);
        Assert.Contains("batch dimensions [2] and [3]", e.Message);
    }

    [Fact]
    public void BroadcastMismatchNamesOpAndShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(4, 3));
        Assert.Equal("Add: shapes [2,3] and [4,3] cannot be broadcast: axis -2 has sizes 2 and 4", e.Message);
        Assert.StartsWith("Multiply: shapes [3] and [4]", Assert.Throws<ArgumentException>(() => Tensor.Zeros(3) * Tensor.Zeros(4)).Message);
        Assert.StartsWith("Mse: shapes [3] and [2]", Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).Mse(Tensor.Zeros(2))).Message);
    }

    [Fact]
    public void BackwardOnNonScalarWithoutSeed()
    {
        var x = Tensor.Ones(2, 2); x.RequiresGrad = true;
        var e = Assert.Throws<InvalidOperationException>(() => (x * 2).Backward());
        Assert.Contains("Backward() needs a one-element tensor", e.Message);
        Assert.Contains("[2,2]", e.Message);
        Assert.Contains("Backward(seed)", e.Message);
    }

    [Fact]
    public void BackwardWithWrongSeedShape()
    {
        var x = Tensor.Ones(2, 2); x.RequiresGrad = true;
        var e = Assert.Throws<ArgumentException>(() => (x * 2).Backward(Tensor.Ones(4)));
        Assert.Equal("Backward: seed shape [4] differs from the tensor's shape [2,2]", e.Message);
    }

    [Fact]
    public void CrossEntropyLabelOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).CrossEntropy([0, 3]));
        Assert.StartsWith("CrossEntropy: label 3 at row 1 is not a class index: there are 3 classes (0 to 2)", e.Message);
    }

    [Fact]
    public void FromWithWrongDataLength()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.From([1.0, 2.0, 3.0, 4.0, 5.0], 2, 3));
        Assert.StartsWith("From: data has 5 elements but shape [2,3] needs 6", e.Message);
    }

    [Fact]
    public void ReshapeAxisAndSliceErrors()
    {
        Assert.StartsWith("Reshape: cannot reshape [2,3] (6 elements) into [4,-1]",
            Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(4, -1)).Message);
        Assert.StartsWith("Sum: axis 2 is out of range for shape [2,3] (rank 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Sum(2)).Message);
        Assert.StartsWith("Slice: range start 2, length 2 does not fit axis 1 of size 3",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Slice(1, 2, 2)).Message);
    }
}
