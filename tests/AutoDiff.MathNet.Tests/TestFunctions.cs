namespace AutoDiff.MathNet.Tests;

/// <summary>Objectives whose gradients the generator writes, with closed forms to check them by.</summary>
public static partial class TestFunctions
{
    /// <summary>The n-dimensional Rosenbrock function, Σ (1 − xᵢ)² + 100 (xᵢ₊₁ − xᵢ²)²; minimum 0 at (1, …, 1).</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double total = 0.0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            total += a * a + 100 * b * b;
        }

        return total;
    }

    /// <summary>The gradient of <see cref="Rosenbrock"/> by hand: ∂/∂xᵢ = −2(1 − xᵢ) − 400 xᵢ (xᵢ₊₁ − xᵢ²) + 200 (xᵢ − xᵢ₋₁²).</summary>
    public static double[] RosenbrockGradientByHand(IReadOnlyList<double> x)
    {
        var g = new double[x.Count];
        for (int i = 0; i + 1 < x.Count; i++)
        {
            g[i] += -2 * (1 - x[i]) - 400 * x[i] * (x[i + 1] - x[i] * x[i]);
            g[i + 1] += 200 * (x[i + 1] - x[i] * x[i]);
        }

        return g;
    }
}
