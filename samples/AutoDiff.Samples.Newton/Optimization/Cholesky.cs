namespace AutoDiff.Samples.Newton.Optimization;

/// <summary>Solves A x = b for a symmetric positive-definite A (row-major, n x n) by its Cholesky factor A = L Lᵀ.</summary>
public static class Cholesky
{
    public static void Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> x)
    {
        var n = b.Length;
        if (a.Length != n * n || x.Length != n)
        {
            throw new ArgumentException($"A has {a.Length} entries, b {n} and x {x.Length}; A must be {n} x {n} and x as long as b.");
        }

        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new ArgumentException($"The matrix is not positive definite (pivot {i} is {sum}).", nameof(a));
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        // L y = b, then Lᵀ x = y.
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }
    }
}
