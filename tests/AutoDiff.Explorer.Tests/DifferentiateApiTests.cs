using System.Net;
using AutoDiff.Explorer.Tests.Infrastructure;

namespace AutoDiff.Explorer.Tests;

/// <summary>
/// POST /api/differentiate: values and gradients from the explorer's interpreter against the generator's code
/// compiled in the test, and against closed forms.
/// </summary>
public sealed class DifferentiateApiTests(ExplorerFactory factory) : IClassFixture<ExplorerFactory>
{
    private readonly ApiClient _api = factory.Api();

    public static TheoryData<string, string> Methods => new()
    {
        { "static double F(double x) => 3 * x * x - 4 * x + 5;", "x=3" },
        { "static double F(double a, double b) => a * b + Math.Sin(a) / (1 + b * b);", "a=1.25,b=-2" },
        { "static double L(double a, double b, double c, double f) { double e = a * b; double d = e + c; return d * f; }", "a=2,b=-3,c=10,f=-2" },
        { "static double N(double x1, double x2, double w1, double w2, double b) => Math.Tanh(x1 * w1 + x2 * w2 + b);", "x1=2,x2=0,w1=-3,w2=1,b=6.8813735870195432" },
        { "static double S(double x, int n) { double s = 0; for (int k = 1; k <= n; k++) { s += Math.Sin(k * x) / k; } return s; }", "x=0.7,n=6" },
        { "static double P(double x, double y) { double r = 1; int i = 0; while (i < 5) { r *= x; i++; if (r > 100) break; } return r + Math.Pow(y, 3) - Math.Pow(x, y); }", "x=1.7,y=0.6" },
        { "static double H(double x, double y) => x > y ? Math.Exp(x - y) : Math.Log(1 + y - x) + Math.Max(x, 0.5 * y);", "x=-0.3,y=0.4" },
        { "static double H(double x, double y) => x > y ? Math.Exp(x - y) : Math.Log(1 + y - x) + Math.Max(x, 0.5 * y);", "x=0.9,y=0.4" },
        { "static double G(double x, double y) { double t = x; do { t = Math.Sqrt(t * t + y); } while (t < 3); return t * Math.Atan2(y, x) + Math.Cbrt(x) - Math.Abs(y); }", "x=0.8,y=0.75" },
        { "static double R(double x, [NoDerivative] double k) { double s = Math.Clamp(x, -1, 1); s -= k / 2; s /= 1.5; return s * Math.Cosh(x) + Math.Log10(k) + Math.Log(x * x + 1, 2); }", "x=0.4,k=3" },
        { "static float Q(float x, float y) => MathF.Sqrt(x * x + y * y) * 2.5f;", "x=0.5,y=1.5" },
        { "static double I(double x, int n) { int m = -n; double y = x; y++; ++y; y--; int r = m % 3; m /= 2; return y * m + r - (double)(n / 4) + (int)(x * 10) + Math.Abs(m) + Math.Sign(x); }", "x=0.73,n=11" },
        { "static double B(double x, double y) { bool up = x < y && !(x == 0) || y > 10; double z = up ? x * y : x - y; if (!up) { z *= z; } else if (z != 1) { z = -z + Math.Min(x, y); } return z; }", "x=0.2,y=0.9" },
        { "static double B(double x, double y) { bool up = x < y && !(x == 0) || y > 10; double z = up ? x * y : x - y; if (!up) { z *= z; } else if (z != 1) { z = -z + Math.Min(x, y); } return z; }", "x=1.2,y=0.9" },
        { "static double K(double x, double y) => Math.Pow(x, 2) * Math.Pow(2, y) + Math.Log(y, 10) - Math.Pow(x, y) + Math.Log(x * y);", "x=1.3,y=2.2" },
        { "static double T(double x, double y) => double.Hypot(x, y) + Math.FusedMultiplyAdd(x, y, 1) - Math.CopySign(x, -y) * Math.ScaleB(y, 3) + Math.Round(x * y, 2);", "x=0.35,y=1.7" },
        { "static double C(double x) { double s = 0; int i = 0; while (true) { i++; if (i % 2 == 0) continue; s += Math.Exp(-i * x); if (i > 9) break; } return s + Math.PI * Math.Round(x) + Math.Floor(x) + Math.Log(x, 3); }", "x=1.4" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Value_and_gradient_match_the_generated_code_compiled_in_the_test(string method, string pointText)
    {
        var point = ParsePoint(pointText);
        var reply = await _api.Differentiate(method, point);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());

        var (value, gradient) = GeneratedReference.Evaluate(method, point);
        // float methods run in float in the generated code and in double on the tape.
        var tolerance = method.StartsWith("static float", StringComparison.Ordinal) ? 1e-6 : 1e-12;
        AssertClose(value, reply.Value, tolerance);
        Assert.Equal(gradient.Keys.Order(), reply.Body!["gradient"]!.AsObject().Select(p => p.Key).Order());
        foreach (var (name, expected) in gradient)
        {
            AssertClose(expected, reply.Gradient(name), tolerance);
        }
    }

    [Fact]
    public async Task The_seeds_single_input_example_gives_20_and_14()
    {
        var reply = await _api.Differentiate("static double F(double x) => 3 * x * x - 4 * x + 5;", new { x = 3.0 });
        Assert.Equal(20.0, reply.Value);    // 3·9 − 12 + 5
        Assert.Equal(14.0, reply.Gradient("x")); // 6x − 4 at 3
    }

    [Fact]
    public async Task The_seeds_multi_input_example_has_the_partials_b_a_and_1()
    {
        var reply = await _api.Differentiate("static double D(double a, double b, double c) => a * b + c;", new { a = 2.0, b = -3.0, c = 10.0 });
        Assert.Equal(4.0, reply.Value);
        Assert.Equal(-3.0, reply.Gradient("a")); // ∂d/∂a = b
        Assert.Equal(2.0, reply.Gradient("b"));  // ∂d/∂b = a
        Assert.Equal(1.0, reply.Gradient("c"));
    }

    [Fact]
    public async Task The_seeds_backpropagation_example_matches_its_hand_computed_gradients()
    {
        const string method = "static double L(double a, double b, double c, double f) { double e = a * b; double d = e + c; return d * f; }";
        var reply = await _api.Differentiate(method, new { a = 2.0, b = -3.0, c = 10.0, f = -2.0 });
        Assert.Equal(-8.0, reply.Value);
        Assert.Equal(6.0, reply.Gradient("a"));  // f·b
        Assert.Equal(-4.0, reply.Gradient("b")); // f·a
        Assert.Equal(-2.0, reply.Gradient("c")); // f
        Assert.Equal(4.0, reply.Gradient("f"));  // d
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1.7)]
    [InlineData(2.2)]
    public async Task A_loop_with_an_int_parameter_matches_its_closed_form(double x)
    {
        // Σ_{k=1..n} x^k / k has the derivative Σ x^(k-1) = (1 - x^n) / (1 - x).
        const string method = "static double F(double x, int n) { double s = 0; double p = 1; for (int k = 1; k <= n; k++) { p *= x; s += p / k; } return s; }";
        var reply = await _api.Differentiate(method, new { x, n = 7 });
        var expectedValue = Enumerable.Range(1, 7).Sum(k => Math.Pow(x, k) / k);
        AssertClose(expectedValue, reply.Value, 1e-13);
        AssertClose((1 - Math.Pow(x, 7)) / (1 - x), reply.Gradient("x"), 1e-13);
        Assert.Null(reply.Body!["gradient"]!["n"]);
    }

    [Fact]
    public async Task The_dot_graph_has_a_record_per_value_with_its_data_and_grad()
    {
        var reply = await _api.Differentiate("static double D(double a, double b, double c) { double e = a * b; return e + c; }", new { a = 2.0, b = -3.0, c = 10.0 });
        var dot = (string)reply.Body!["dot"]!;
        Assert.StartsWith("digraph", dot, StringComparison.Ordinal);
        Assert.Contains("{ a | data 2.0000 | grad -3.0000 }", dot, StringComparison.Ordinal);
        Assert.Contains("{ b | data -3.0000 | grad 2.0000 }", dot, StringComparison.Ordinal);
        Assert.Contains("{ e | data -6.0000 | grad 1.0000 }", dot, StringComparison.Ordinal);
        Assert.Contains("{ D | data 4.0000 | grad 1.0000 }", dot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_field_is_the_generators_output()
    {
        var reply = await _api.Differentiate("static double F(double x) => x * x;", new { x = 1.0 });
        var generated = (string)reply.Body!["generated"]!;
        Assert.Contains("// <auto-generated/>", generated, StringComparison.Ordinal);
        Assert.Contains("FWithGradient(double x, out double dx)", generated, StringComparison.Ordinal);
        Assert.Contains("FPullback(double x, double seed, ref double dx)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_finite_result_is_written_as_a_named_number()
    {
        var reply = await _api.Differentiate("static double F(double x) => Math.Log(x);", new { x = -1.0 });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("NaN", (string)reply.Body!["value"]!);
    }

    internal static Dictionary<string, double> ParsePoint(string text) =>
        text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

    internal static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
