namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>Graph recording, accumulation, no-grad scopes, Detach and ZeroGrad.</summary>
public class AutogradBehaviourTests
{
    [Fact]
    public void GradientsAccumulateAcrossUsesAndCalls()
    {
        var x = Tensor.From([3.0], 1); x.RequiresGrad = true;
        var y = x * x + x; // dy/dx = 2x + 1 = 7
        y.Sum().Backward();
        Assert.Equal([7.0], x.Grad!.ToArray());
        (x * 2).Sum().Backward();
        Assert.Equal([7.0 + 2.0], x.Grad!.ToArray());
    }

    [Fact]
    public void ZeroGradClearsInPlace()
    {
        var x = Tensor.From([3.0], 1); x.RequiresGrad = true;
        (x * 5).Sum().Backward();
        var grad = x.Grad!;
        x.ZeroGrad();
        Assert.Equal([0.0], grad.ToArray());
        (x * 5).Sum().Backward();
        Assert.Equal([5.0], x.Grad!.ToArray());
    }

    [Fact]
    public void NoGradScopeRecordsNothingAndRestores()
    {
        var x = Tensor.Ones(2); x.RequiresGrad = true;
        Tensor inside;
        using (Tensor.NoGrad())
        {
            inside = x * 3;
            using (Tensor.NoGrad()) Assert.False((x + 1).RequiresGrad);
            Assert.False((x + 1).RequiresGrad);
        }
        Assert.False(inside.RequiresGrad);
        Assert.Null(inside.Op);
        Assert.Throws<InvalidOperationException>(() => inside.Sum().Backward());
        Assert.True((x * 3).RequiresGrad);
    }

    [Fact]
    public void NoGradIsPerThread()
    {
        var x = Tensor.Ones(2); x.RequiresGrad = true;
        using (Tensor.NoGrad())
        {
            bool otherThreadRecords = false;
            var thread = new Thread(() => otherThreadRecords = (x * 2).RequiresGrad);
            thread.Start();
            thread.Join();
            Assert.True(otherThreadRecords);
        }
    }

    [Fact]
    public void DetachStopsTheGradientButSharesValues()
    {
        var x = Tensor.From([2.0], 1); x.RequiresGrad = true;
        var constant = x.Detach();
        Assert.False(constant.RequiresGrad);
        Assert.Equal(x.ToArray(), constant.ToArray());
        (x * constant).Sum().Backward(); // d(x·c)/dx = c = 2, nothing flows through c
        Assert.Equal([2.0], x.Grad!.ToArray());
        Assert.Null(constant.Grad);
    }

    [Fact]
    public void InputsWithoutRequiresGradGetNoGradient()
    {
        var w = Tensor.Ones(2, 2); w.RequiresGrad = true;
        var input = Tensor.Ones(3, 2);
        input.MatMul(w).Sum().Backward();
        Assert.Null(input.Grad);
        Assert.Equal([3.0, 3.0, 3.0, 3.0], w.Grad!.ToArray());
    }

    [Fact]
    public void DeepChainDoesNotOverflowTheStack()
    {
        var x = Tensor.From([1.0], 1); x.RequiresGrad = true;
        var y = x;
        for (int i = 0; i < 200_000; i++) y = y + 1e-6;
        y.Sum().Backward();
        Assert.Equal([1.0], x.Grad!.ToArray());
    }

    [Fact]
    public void TensorIsAnOptimizerParameter()
    {
        var w = Tensor.From([1.0, 2.0], 2); w.RequiresGrad = true;
        (w * w).Sum().Backward();
        Optim.IParameter parameter = w;
        // One plain gradient step through the optimizer view: w -= 0.5 · 2w = 0.
        for (int i = 0; i < parameter.Data.Length; i++) parameter.Data[i] -= 0.5 * parameter.Grad[i];
        Assert.Equal([0.0, 0.0], w.ToArray());
        Assert.Equal(2, ((Optim.IParameter)Tensor.Zeros(2)).Grad.Length);
    }
}
