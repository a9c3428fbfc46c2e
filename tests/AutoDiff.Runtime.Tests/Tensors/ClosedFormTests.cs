namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>Forward values and gradients that have a closed form.</summary>
public class ClosedFormTests
{
    [Fact]
    public void BroadcastAddOfColumnAndRow()
    {
        var column = Tensor.From([1.0, 2.0], 2, 1);
        var row = Tensor.From([10.0, 20.0, 30.0], 3);
        var sum = column + row;
        Assert.Equal(new[] { 2, 3 }, sum.Shape);
        Assert.Equal([11.0, 21.0, 31.0, 12.0, 22.0, 32.0], sum.ToArray());
    }

    [Fact]
    public void BroadcastGradientIsSummedBackToEachInput()
    {
        var column = Tensor.From([1.0, 2.0], 2, 1); column.RequiresGrad = true;
        var row = Tensor.From([10.0, 20.0, 30.0], 3); row.RequiresGrad = true;
        (column * row).Sum().Backward();
        Assert.Equal(new[] { 2, 1 }, column.Grad!.Shape);
        Assert.Equal([10.0 + 20.0 + 30.0, 10.0 + 20.0 + 30.0], column.Grad.ToArray());
        Assert.Equal([1.0 + 2.0, 1.0 + 2.0, 1.0 + 2.0], row.Grad!.ToArray());
    }

    [Fact]
    public void ReductionsAlongAxes()
    {
        var x = Tensor.Arange(6).Reshape(2, 3); // [[0,1,2],[3,4,5]]
        Assert.Equal([3.0, 5.0, 7.0], x.Sum(0).ToArray());
        Assert.Equal([3.0, 12.0], x.Sum(1).ToArray());
        Assert.Equal(new[] { 2, 1 }, x.Sum(1, keepDims: true).Shape);
        Assert.Equal(15.0, x.Sum().Item());
        Assert.Equal(2.5, x.Mean().Item());
        Assert.Equal([1.0, 4.0], x.Mean(-1).ToArray());
        Assert.Equal([2.0, 5.0], x.Max(1).ToArray());
        Assert.Equal(5.0, x.Max().Item());
    }

    [Fact]
    public void MaxSplitsGradientAmongTies()
    {
        var x = Tensor.From([1.0, 3.0, 3.0, 0.0], 4); x.RequiresGrad = true;
        x.Max().Backward();
        Assert.Equal([0.0, 0.5, 0.5, 0.0], x.Grad!.ToArray());
    }

    [Fact]
    public void SoftmaxOfOneTwoThree()
    {
        var s = Tensor.From([1.0, 2.0, 3.0], 3).Softmax();
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / z, s.ToArray()[0], 1e-15);
        Assert.Equal(Math.Exp(3) / z, s.ToArray()[2], 1e-15);
    }

    [Fact]
    public void SoftmaxIsStableForHugeLogits()
    {
        var s = Tensor.From([1000.0, 1000.0], 2).Softmax();
        Assert.Equal([0.5, 0.5], s.ToArray());
        var logS = Tensor.From([1000.0, 0.0], 2).LogSoftmax();
        Assert.Equal(0.0, logS.ToArray()[0], 1e-12);
        Assert.Equal(-1000.0, logS.ToArray()[1], 1e-9);
    }

    [Fact]
    public void CrossEntropyOfUniformLogitsIsLogClassCount()
    {
        var logits = Tensor.Zeros(2, 4); logits.RequiresGrad = true;
        var loss = logits.CrossEntropy([1, 3]);
        Assert.Equal(Math.Log(4), loss.Item(), 1e-15);
        loss.Backward();
        // (softmax - onehot) / batch: (1/4 - [label]) / 2
        Assert.Equal([0.125, -0.375, 0.125, 0.125, 0.125, 0.125, 0.125, -0.375], logits.Grad!.ToArray());
    }

    [Fact]
    public void MseOfKnownDifferences()
    {
        var prediction = Tensor.From([1.0, 2.0, 4.0], 3); prediction.RequiresGrad = true;
        var loss = prediction.Mse(Tensor.From([1.0, 0.0, 1.0], 3));
        Assert.Equal((0.0 + 4.0 + 9.0) / 3, loss.Item(), 1e-15);
        loss.Backward();
        Assert.Equal([0.0, 2 * 2.0 / 3, 2 * 3.0 / 3], prediction.Grad!.ToArray());
    }

    [Fact]
    public void MatMulOfSmallMatrices()
    {
        var a = Tensor.From([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);
        var b = Tensor.From([7.0, 8.0, 9.0, 10.0, 11.0, 12.0], 3, 2);
        Assert.Equal([1 * 7 + 2 * 9 + 3 * 11.0, 1 * 8 + 2 * 10 + 3 * 12.0, 4 * 7 + 5 * 9 + 6 * 11.0, 4 * 8 + 5 * 10 + 6 * 12.0],
            a.MatMul(b).ToArray());
        Assert.Equal(1 * 1 + 2 * 2 + 3 * 3.0, Tensor.From([1.0, 2.0, 3.0]).MatMul(Tensor.From([1.0, 2.0, 3.0])).Item());
    }

    [Fact]
    public void ShapeOpsMoveElementsWhereExpected()
    {
        var x = Tensor.Arange(6).Reshape(2, -1);
        Assert.Equal(new[] { 2, 3 }, x.Shape);
        Assert.Equal(new[] { 3, 1 }, x.Strides);
        Assert.Equal([0.0, 3.0, 1.0, 4.0, 2.0, 5.0], x.Transpose().ToArray());
        Assert.Equal([3.0, 4.0, 5.0], x[1].ToArray());
        Assert.Equal([1.0, 2.0, 4.0, 5.0], x.Slice(1, 1, 2).ToArray());
        Assert.Equal(4.0, x.At(1, 1));
        var cube = Tensor.Arange(24).Reshape(2, 3, 4);
        var moved = cube.Permute(2, 0, 1);
        Assert.Equal(new[] { 4, 2, 3 }, moved.Shape);
        Assert.Equal(cube.At(1, 2, 3), moved.At(3, 1, 2));
    }

    [Fact]
    public void CreationHelpers()
    {
        Assert.Equal([0.0, 0.5, 1.0, 1.5], Tensor.Arange(0, 2, 0.5).ToArray());
        Assert.Equal([7.0, 7.0], Tensor.Full(7, 2).ToArray());
        Assert.Empty(Tensor.Scalar(3).Shape);
        Assert.Equal(Tensor.RandomNormal([5], seed: 3).ToArray(), Tensor.RandomNormal([5], seed: 3).ToArray());
        var uniform = Tensor.RandomUniform([1000], -1, 1, seed: 4).ToArray();
        Assert.All(uniform, v => Assert.InRange(v, -1.0, 1.0));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }).ToArray());
    }
}
