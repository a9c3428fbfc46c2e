namespace AutoDiff.Benchmarks;

/// <summary>The functions the generated-gradient benchmarks differentiate, each with a hand-derived gradient to compare against.</summary>
public static partial class GeneratedFunctions
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
        => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    /// <summary>Hand-derived: ∂/∂x = −2(1−x) − 400x(y−x²), ∂/∂y = 200(y−x²).</summary>
    public static double RosenbrockHandWritten(double x, double y, out double dx, out double dy)
    {
        var a = 1 - x;
        var b = y - (x * x);
        dx = (-2 * a) - (400 * x * b);
        dy = 200 * b;
        return (a * a) + (100 * b * b);
    }

    /// <summary>Twenty terms mixing products and transcendental functions of four variables.</summary>
    [Differentiable]
    public static double Terms20(double x, double y, double z, double w)
        => x * y + y * z + z * w + w * x
           + Math.Sin(x) + Math.Cos(y) + Math.Exp(0.1 * z) + Math.Log(1 + w * w)
           + x * x * y + y * y * z + z * z * w + w * w * x
           + Math.Tanh(x - y) + Math.Sqrt(1 + z * z) + x / (1 + y * y) + Math.Atan(z * w)
           + 0.5 * x * x + 0.25 * y * y * y + Math.Sin(x * z) + Math.Cos(y * w);

    public static double Terms20HandWritten(double x, double y, double z, double w, out double dx, out double dy, out double dz, out double dw)
    {
        var tanh = Math.Tanh(x - y);
        var sech2 = 1 - (tanh * tanh);
        var exp = Math.Exp(0.1 * z);
        var root = Math.Sqrt(1 + (z * z));
        var q = 1 + (y * y);
        var sinXz = Math.Sin(x * z);
        var cosXz = Math.Cos(x * z);
        var sinYw = Math.Sin(y * w);
        var cosYw = Math.Cos(y * w);
        var atanDen = 1 + (z * w * z * w);
        dx = y + w + Math.Cos(x) + (2 * x * y) + (w * w) + sech2 + (1 / q) + x + (z * cosXz);
        dy = x + z - Math.Sin(y) + (x * x) + (2 * y * z) - sech2 - (2 * x * y / (q * q)) + (0.75 * y * y) - (w * sinYw);
        dz = y + w + (0.1 * exp) + (y * y) + (2 * z * w) + (z / root) + (w / atanDen) + (x * cosXz);
        dw = z + x + (2 * w / (1 + (w * w))) + (z * z) + (2 * w * x) + (z / atanDen) - (y * sinYw);
        return (x * y) + (y * z) + (z * w) + (w * x)
            + Math.Sin(x) + Math.Cos(y) + exp + Math.Log(1 + (w * w))
            + (x * x * y) + (y * y * z) + (z * z * w) + (w * w * x)
            + tanh + root + (x / q) + Math.Atan(z * w)
            + (0.5 * x * x) + (0.25 * y * y * y) + sinXz + cosYw;
    }
}
