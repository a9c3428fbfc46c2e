using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// The forward-mode and second-order members of a scalar method exist exactly as ../shared/design.md ("More
/// derivative kinds") writes them for <c>double F(double x, ReadOnlySpan&lt;double&gt; w, [NoDerivative] int n)</c>:
/// called with named arguments, run against a closed form, and their signatures read back by reflection.
/// </summary>
public class KindSignatureTests
{
    private const string Source = """
        using System;
        using AutoDiff;

        namespace Design;

        public static partial class Kinds
        {
            [Differentiable(Derivatives.Pushforward | Derivatives.Hessian)]
            public static double F(double x, ReadOnlySpan<double> w, [NoDerivative] int n) =>
                x * x * w[0] + n * Math.Sin(x * w[1]) + w[0] * w[1] * w[1];
        }

        public static class Calls
        {
            public static double[] Run()
            {
                double[] w = { 0.75, -0.5 };
                double value = Kinds.FPushforward(x: 1.25, w: w, n: 3, tx: 0.5, tw: new double[] { 1.0, -2.0 }, tangent: out double tangent);
                Span<double> dw = new double[2];
                Span<double> hw = new double[2];
                Kinds.FHessianVectorProduct(x: 1.25, w: w, n: 3, vx: 0.5, vw: new double[] { 1.0, -2.0 }, dx: out double dx, dw: dw, hx: out double hx, hw: hw);
                Span<double> hessian = new double[9];
                double again = Kinds.FWithHessian(x: 1.25, w: w, n: 3, dx: out double dx2, dw: dw, hessian: hessian);
                return [value, tangent, dx, dw[0], dw[1], hx, hw[0], hw[1], again, dx2, .. hessian.ToArray()];
            }
        }
        """;

    [Fact]
    public void The_design_signatures_compile_run_and_give_the_closed_form()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Source);
        var values = (double[])loaded.Method("Design.Calls", "Run").Invoke(null, null)!;
        const double x = 1.25, w0 = 0.75, w1 = -0.5, n = 3;
        double[] v = [0.5, 1.0, -2.0];
        var (s, c) = Math.SinCos(x * w1);
        // f = x² w0 + n sin(x w1) + w0 w1², differentiated by hand over (x, w0, w1).
        var f = (x * x * w0) + (n * s) + (w0 * w1 * w1);
        double[] gradient = [(2 * x * w0) + (n * w1 * c), (x * x) + (w1 * w1), (n * x * c) + (2 * w0 * w1)];
        double[] hessian =
        [
            (2 * w0) - (n * w1 * w1 * s), 2 * x, (n * c) - (n * x * w1 * s),
            2 * x, 0, 2 * w1,
            (n * c) - (n * x * w1 * s), 2 * w1, (2 * w0) - (n * x * x * s),
        ];
        double Row(int r) => (hessian[3 * r] * v[0]) + (hessian[(3 * r) + 1] * v[1]) + (hessian[(3 * r) + 2] * v[2]);
        double[] expected =
        [
            f, (gradient[0] * v[0]) + (gradient[1] * v[1]) + (gradient[2] * v[2]),
            gradient[0], gradient[1], gradient[2], Row(0), Row(1), Row(2),
            f, gradient[0], .. hessian,
        ];
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"entry {i}: {values[i]:R}, closed form {expected[i]:R}");
        }
    }

    [Theory]
    [InlineData("FPushforward", "double FPushforward(double x, ReadOnlySpan<double> w, int n, double tx, ReadOnlySpan<double> tw, out double tangent)")]
    [InlineData("FHessianVectorProduct", "double FHessianVectorProduct(double x, ReadOnlySpan<double> w, int n, double vx, ReadOnlySpan<double> vw, out double dx, Span<double> dw, out double hx, Span<double> hw)")]
    [InlineData("FWithHessian", "double FWithHessian(double x, ReadOnlySpan<double> w, int n, out double dx, Span<double> dw, Span<double> hessian)")]
    public void A_member_has_the_design_signature(string member, string signature)
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Source);
        var method = loaded.Method("Design.Kinds", member);
        var parameters = method.GetParameters().Select(p => (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty) + TypeName(p.ParameterType) + " " + p.Name);
        Assert.Equal(signature, TypeName(method.ReturnType) + " " + method.Name + "(" + string.Join(", ", parameters) + ")");
    }

    private static string TypeName(Type type) => type switch
    {
        { IsByRef: true } => TypeName(type.GetElementType()!),
        _ when type == typeof(double) => "double",
        _ when type == typeof(int) => "int",
        { IsGenericType: true } => type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">",
        _ => type.Name,
    };
}
