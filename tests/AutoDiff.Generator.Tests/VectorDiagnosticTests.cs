using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>What vector-valued methods cannot do is reported, by id and reason, and nothing wrong is generated.</summary>
public class VectorDiagnosticTests
{
    private const string Header = "using System;\nusing AutoDiff;\nnamespace Samples;\n";

    [Theory]
    [InlineData("AD0013", "[Differentiable] public static (double, int) F(double x) => (x, 1);", "tuple element 'Item2' is 'int'")]
    [InlineData("AD0013", "[Differentiable] public static (double A, float B) F(double x) => (x, 1f);", "every element of a differentiable tuple must be double (or every one float)")]
    [InlineData("AD0013", "[Differentiable] public static void F(double x, Span<double> r) { double t = r[0]; r[0] = t * x; }", "reads the output span 'r' before writing it ('double t = r[0];')")]
    [InlineData("AD0013", "[Differentiable] public static void F(double x, int n, Span<double> r) { if (n == 0) { r[0] = x; } else { r[0] = x * n; } r[1] = r[0] * x; Func<int, int> keep = q => q; }", "runtime tape")]
    [InlineData("AD0013", "[Differentiable] public static (double A, double B) F(double x) => (x, x); [DerivativeOf(\"F\")] static void FBack(double x, double sa, double sb, ref double dx) => dx += sa + sb;", "[DerivativeOf] method 'FBack'")]
    [InlineData("AD0012", "[Differentiable(Derivatives.Hessian)] public static (double A, double B) F(double x) => (x, x * x);", "a vector-valued method has no Hessian")]
    [InlineData("AD0012", "[Differentiable] static (double S, double P) G(double a, double b) => (a + b, a * b); [Differentiable(Derivatives.Pushforward)] public static double F(double x) { var (s, p) = G(x, 2); return s * p; }", "it calls 'G', which has no pushforward")]
    [InlineData("AD0007", "[Differentiable] public static void F(double x, Span<double> r) { r[0] = 1; r[1] = 2; }", "zero derivative")]
    public void Vector_diagnostics_name_the_problem(string id, string members, string reason)
    {
        var result = GeneratorHarness.Run(Header + "public static partial class C { " + members + " }");
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AD0010");
        Assert.DoesNotContain(result.CompilationDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_output_written_first_may_be_read_afterwards()
    {
        var result = GeneratorHarness.Run(Header + "public static partial class C { [Differentiable] public static void F(double x, Span<double> r) { r[0] = x; r[1] = r[0] * r[0]; } }");
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("FJacobian", result.GeneratedText());
    }
}
