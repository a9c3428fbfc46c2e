using CsCheck;

namespace AutoDiff.Tests.Tape;

// Every operation's backward rule against central finite differences at random points of its domain,
// kept a little away from kinks and poles where finite differences are not meaningful.
public class OperationGradientTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Operations => new(OperationTable.Keys);

    private static readonly Dictionary<string, (Gen<double[]> Points, Func<IReadOnlyList<Value>, Value> Build)> OperationTable = new()
    {
        ["add"] = (Points(2, -5, 5), v => v[0] + v[1]),
        ["sub"] = (Points(2, -5, 5), v => v[0] - v[1]),
        ["mul"] = (Points(2, -5, 5), v => v[0] * v[1]),
        ["div"] = (Points(2, -5, 5).Where(p => Math.Abs(p[1]) > 0.2), v => v[0] / v[1]),
        ["neg"] = (Points(1, -5, 5), v => -v[0]),
        ["double on the left"] = (Points(1, -5, 5), v => 2.5 - 1.5 * v[0] + 3.0 / (v[0] * v[0] + 1.0)),
        ["pow constant"] = (Points(2, 0.2, 3), v => v[0].Pow(1.7) + v[1].Pow(-2)),
        ["pow constant, negative base, integer exponent"] = (Points(1, -3, -0.2), v => v[0].Pow(3)),
        ["pow value"] = (Points(2, 0.2, 3), v => v[0].Pow(v[1] - 1.5)),
        ["exp"] = (Points(1, -3, 3), v => v[0].Exp()),
        ["log"] = (Points(1, 0.1, 10), v => v[0].Log()),
        ["tanh"] = (Points(1, -3, 3), v => v[0].Tanh()),
        ["relu"] = (Points(1, -3, 3).Where(AwayFromZero), v => v[0].Relu()),
        ["sigmoid"] = (Points(1, -40, 40), v => v[0].Sigmoid()),
        ["sqrt"] = (Points(1, 0.1, 10), v => v[0].Sqrt()),
        ["sin"] = (Points(1, -4, 4), v => ValueMath.Sin(v[0])),
        ["cos"] = (Points(1, -4, 4), v => ValueMath.Cos(v[0])),
        ["tan"] = (Points(1, -1.2, 1.2), v => ValueMath.Tan(v[0])),
        ["asin"] = (Points(1, -0.9, 0.9), v => ValueMath.Asin(v[0])),
        ["acos"] = (Points(1, -0.9, 0.9), v => ValueMath.Acos(v[0])),
        ["atan"] = (Points(1, -5, 5), v => ValueMath.Atan(v[0])),
        ["atan2"] = (Points(2, -3, 3).Where(p => Math.Abs(p[0]) + Math.Abs(p[1]) > 0.3 && !(p[1] < 0 && Math.Abs(p[0]) < 0.05)), v => ValueMath.Atan2(v[0], v[1])),
        ["sinh"] = (Points(1, -3, 3), v => ValueMath.Sinh(v[0])),
        ["cosh"] = (Points(1, -3, 3), v => ValueMath.Cosh(v[0])),
        ["valuemath tanh, exp, log, sqrt"] = (Points(1, 0.2, 3), v => ValueMath.Tanh(v[0]) + ValueMath.Exp(v[0]) * ValueMath.Log(v[0]) + ValueMath.Sqrt(v[0])),
        ["log base double"] = (Points(1, 0.1, 10), v => ValueMath.Log(v[0], 3.0)),
        ["log base value"] = (Points(2, 1.5, 10), v => ValueMath.Log(v[0], v[1])),
        ["log10"] = (Points(1, 0.1, 10), v => ValueMath.Log10(v[0])),
        ["log2"] = (Points(1, 0.1, 10), v => ValueMath.Log2(v[0])),
        ["cbrt"] = (Points(1, -8, 8).Where(p => Math.Abs(p[0]) > 0.1), v => ValueMath.Cbrt(v[0])),
        ["pow valuemath"] = (Points(2, 0.2, 3), v => ValueMath.Pow(v[0], v[1]) + ValueMath.Pow(v[1], 2.5)),
        ["abs"] = (Points(1, -3, 3).Where(AwayFromZero), v => ValueMath.Abs(v[0])),
        ["max"] = (Points(2, -3, 3).Where(Apart), v => ValueMath.Max(v[0], v[1])),
        ["min"] = (Points(2, -3, 3).Where(Apart), v => ValueMath.Min(v[0], v[1])),
        ["clamp"] = (Points(1, -3, 3).Where(p => Math.Abs(Math.Abs(p[0]) - 1.0) > 0.01), v => ValueMath.Clamp(v[0], -1.0, 1.0)),
        ["floor, ceiling, truncate"] = (Points(1, -3, 3).Where(AwayFromIntegers), v => ValueMath.Floor(v[0]) + ValueMath.Ceiling(v[0]) + ValueMath.Truncate(v[0]) + v[0]),
        ["round"] = (Points(1, -3, 3).Where(p => AwayFromIntegers([p[0] + 0.5])), v => ValueMath.Round(v[0]) * v[0]),
        ["sign"] = (Points(1, -3, 3).Where(AwayFromZero), v => ValueMath.Sign(v[0]) * v[0]),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void BackwardMatchesFiniteDifferences(string operation)
    {
        (Gen<double[]> points, Func<IReadOnlyList<Value>, Value> build) = OperationTable[operation];

        points.Sample(x =>
        {
            GradCheckReport report = GradCheck.Check(build, x);
            Assert.True(report.IsWithin(Tolerance), $"{operation} at [{string.Join(", ", x)}]: {report}");
        }, iter: 200);
    }

    private static Gen<double[]> Points(int arity, double low, double high) => Gen.Double[low, high].Array[arity];

    private static bool AwayFromZero(double[] p) => Math.Abs(p[0]) > 0.01;

    private static bool Apart(double[] p) => Math.Abs(p[0] - p[1]) > 0.01;

    private static bool AwayFromIntegers(double[] p) => Math.Abs(p[0] - Math.Round(p[0])) > 0.01;
}
