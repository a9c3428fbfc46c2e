namespace AutoDiff.Tests;

/// <summary>Differentiable functions compiled by the real build, with the generator as an analyzer.</summary>
public static partial class Functions
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
        => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    [Differentiable]
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    [Differentiable]
    public static double SoftplusOfProduct(double x, double y) => Softplus(x * y);

    [Differentiable]
    public static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += w[i] * x[i];
        }

        return s;
    }

    [Differentiable]
    public static float Square(float x) => x * x;

    public static partial class Nested
    {
        [Differentiable]
        internal static double Scaled(double x, [NoDerivative] double scale, int times) => scale * times * Math.Sin(x);
    }
}

/// <summary>Bodies the real build sends to the runtime tape (info AD0011) and loops with recording.</summary>
public static partial class MoreFunctions
{
    // Recursion: runs on AutoDiff.Value behind the same generated signatures.
    [Differentiable]
    public static double Power(double x, int n) => n == 0 ? 1 : x * Power(x, n - 1);

    // A while loop whose iterations depend on the data: recorded on pooled stacks.
    [Differentiable]
    public static double HalveUntilSmall(double x)
    {
        double y = x;
        while (y * y > 1)
        {
            y = y / 2 + Math.Sin(y) / 10;
        }

        return y * x;
    }
}
