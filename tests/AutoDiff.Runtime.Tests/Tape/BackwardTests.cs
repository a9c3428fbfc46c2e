namespace AutoDiff.Tests.Tape;

public class BackwardTests
{
    [Fact]
    public void NodeAddedToItselfCollectsBothContributions()
    {
        var a = new Value(3.0);
        Value b = a + a;

        b.Backward();

        Assert.Equal(2.0, a.Grad);           // d(2a)/da
    }

    [Fact]
    public void NodeMultipliedByItselfCollectsBothContributions()
    {
        var a = new Value(3.0);
        Value b = a * a;

        b.Backward();

        Assert.Equal(6.0, a.Grad);           // d(a²)/da = 2a
    }

    [Fact]
    public void DiamondSharedIntermediateIsVisitedOnce()
    {
        var a = new Value(-2.0);
        var b = new Value(3.0);
        Value d = a * b;
        Value e = a + b;
        Value f = d * e;

        f.Backward();

        // f = ab(a + b): df/da = 2ab + b² = -12 + 9, df/db = a² + 2ab = 4 - 12.
        Assert.Equal(-3.0, a.Grad);
        Assert.Equal(-8.0, b.Grad);
    }

    [Fact]
    public void CallingBackwardTwiceAccumulatesLeafGradients()
    {
        var a = new Value(2.0);
        var b = new Value(5.0);
        Value c = a * b;

        c.Backward();
        c.Backward();

        Assert.Equal(10.0, a.Grad);          // 2 · b
    }

    [Fact]
    public void MillionNodeChainDoesNotOverflowTheStack()
    {
        var x = new Value(1.0);
        Value chain = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            chain = chain + 0.5;
        }

        chain.Backward();

        Assert.Equal(500_001.0, chain.Data); // 1 + 10⁶ · 0.5
        Assert.Equal(1.0, x.Grad);
    }

    [Fact]
    public void HundredThousandLeavesSummedAllReceiveTheirWeight()
    {
        const int Width = 100_000;
        var leaves = new Value[Width];
        Value sum = 0.0;
        for (int i = 0; i < Width; i++)
        {
            leaves[i] = new Value(1.0);
            sum += leaves[i] * (i % 7);
        }

        sum.Backward();

        for (int i = 0; i < Width; i++)
        {
            Assert.Equal(i % 7, leaves[i].Grad); // d(Σ cᵢxᵢ)/dxᵢ = cᵢ
        }
    }

    [Fact]
    public void OneNodeFeedingHundredThousandProductsCollectsEveryPath()
    {
        var x = new Value(2.0);
        Value sum = 0.0;
        for (int i = 0; i < 100_000; i++)
        {
            sum += x * 3.0;
        }

        sum.Backward();

        Assert.Equal(300_000.0, x.Grad);     // 10⁵ · 3
    }

    [Fact]
    public void BackwardThroughNaNTerminatesAndPropagatesNaN()
    {
        var a = new Value(-1.0);
        Value y = a.Log() * a + a.Sqrt();

        y.Backward();

        Assert.True(double.IsNaN(y.Data));
        Assert.True(double.IsNaN(a.Grad));
    }

    [Fact]
    public void GraphCanBeDifferentiatedAgainAfterChangingAGradient()
    {
        // The traversal marks are reset after each Backward, so a second pass reaches every node again.
        var a = new Value(4.0);
        Value y = a * a;
        y.Backward();
        a.Grad = 0.0;

        y.Backward();

        Assert.Equal(8.0, a.Grad);           // 2a
    }

    [Fact]
    public void IndependentGraphsOnManyThreadsGetTheirOwnGradients()
    {
        var grads = new double[64];
        Parallel.For(0, grads.Length, i =>
        {
            var x = new Value(i);
            Value y = x * x * x;
            for (int k = 0; k < 1000; k++)
            {
                y = y + 0.0;
            }

            y.Backward();
            grads[i] = x.Grad;
        });

        for (int i = 0; i < grads.Length; i++)
        {
            Assert.Equal(3.0 * i * i, grads[i]); // d(x³)/dx
        }
    }
}
