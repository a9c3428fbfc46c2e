namespace AutoDiff.Benchmarks;

/// <summary>
/// A 10-input extended Rosenbrock (a standard test function for Newton methods) with every kind generated, for
/// the derivative-kind benchmarks; their network is <see cref="GeneratedMlp"/>.
/// </summary>
public static partial class SecondOrderFunctions
{
    /// <summary>Σ over consecutive pairs of 100 (x[i+1] − x[i]²)² + (1 − x[i])².</summary>
    [Differentiable(Derivatives.Hessian)]
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }
}
