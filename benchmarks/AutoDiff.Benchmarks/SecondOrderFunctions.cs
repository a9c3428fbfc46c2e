namespace AutoDiff.Benchmarks;

/// <summary>
/// The functions the derivative-kind benchmarks time: a 10-input extended Rosenbrock (a standard test function
/// for Newton methods) and a small tanh network's squared loss over a batch, both with every kind generated.
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

    /// <summary>A 3-4-1 tanh network (21 weights) on 8 points, squared error: loops, a local buffer, recorded values.</summary>
    [Differentiable(Derivatives.Hessian)]
    public static double NetworkLoss(ReadOnlySpan<double> p, [NoDerivative] ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys)
    {
        Span<double> hidden = stackalloc double[4];
        double loss = 0;
        for (int n = 0; n < ys.Length; n++)
        {
            for (int j = 0; j < 4; j++)
            {
                double a = p[12 + j];
                for (int i = 0; i < 3; i++)
                {
                    a += p[j * 3 + i] * xs[n * 3 + i];
                }

                hidden[j] = Math.Tanh(a);
            }

            double output = p[20];
            for (int j = 0; j < 4; j++)
            {
                output += p[16 + j] * hidden[j];
            }

            double error = output - ys[n];
            loss += error * error;
        }

        return loss / ys.Length;
    }
}
