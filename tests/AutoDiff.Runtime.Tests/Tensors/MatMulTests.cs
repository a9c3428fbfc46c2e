namespace AutoDiff.Runtime.Tests.Tensors;

/// <summary>MatMul against plain triple loops: small, batched with broadcasting, and large enough for the parallel blocked path.</summary>
public class MatMulTests
{
    private static double[] Naive(double[] a, int aBase, double[] b, int bBase, int n, int k, int m)
    {
        var c = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += a[aBase + i * k + p] * b[bBase + p * m + j];
                c[i * m + j] = sum;
            }
        return c;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 5, 3)]
    [InlineData(17, 33, 15)]
    [InlineData(64, 784, 10)]
    [InlineData(129, 257, 31)]
    [InlineData(300, 301, 302)] // parallel, several KC slabs, edge tiles on every side
    [InlineData(512, 512, 512)]
    public void MatchesNaive(int n, int k, int m)
    {
        var a = Tensor.RandomNormal([n, k], seed: n);
        var b = Tensor.RandomNormal([k, m], seed: m + 1);
        AssertClose(Naive(a.ToArray(), 0, b.ToArray(), 0, n, k, m), a.MatMul(b).ToArray());
    }

    [Fact]
    public void BatchedWithBroadcastBatchAxes()
    {
        // a: [2, 1, 3, 4] and b: [3, 4, 5] broadcast to batch [2, 3].
        var a = Tensor.RandomNormal([2, 1, 3, 4], seed: 1);
        var b = Tensor.RandomNormal([3, 4, 5], seed: 2);
        var c = a.MatMul(b);
        Assert.Equal(new[] { 2, 3, 3, 5 }, c.Shape);
        var data = c.ToArray();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
            {
                var expected = Naive(a.ToArray(), i * 12, b.ToArray(), j * 20, 3, 4, 5);
                AssertClose(expected, data.AsSpan((i * 3 + j) * 15, 15).ToArray());
            }
    }

    [Fact]
    public void LargeGradientsMatchNaiveProducts()
    {
        // dA = G·Bᵀ and dB = Aᵀ·G through the blocked kernel, with G = ones so each is a row/column sum.
        int n = 200, k = 150, m = 170;
        var a = Tensor.RandomNormal([n, k], seed: 5); a.RequiresGrad = true;
        var b = Tensor.RandomNormal([k, m], seed: 6); b.RequiresGrad = true;
        a.MatMul(b).Sum().Backward();
        var bData = b.ToArray();
        var aData = a.ToArray();
        var expectedA = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < k; p++)
                for (int j = 0; j < m; j++) expectedA[i * k + p] += bData[p * m + j];
        var expectedB = new double[k * m];
        for (int p = 0; p < k; p++)
            for (int j = 0; j < m; j++)
                for (int i = 0; i < n; i++) expectedB[p * m + j] += aData[i * k + p];
        AssertClose(expectedA, a.Grad!.ToArray());
        AssertClose(expectedB, b.Grad!.ToArray());
    }
}
