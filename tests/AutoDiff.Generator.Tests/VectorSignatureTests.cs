using System.Reflection;
using System.Runtime.CompilerServices;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// The vector-valued members exist exactly as ../shared/design.md ("More derivative kinds") writes them: compiled
/// against calls with named arguments, run, and their signatures read back by reflection.
/// </summary>
public class VectorSignatureTests
{
    private const string Source = """
        using System;
        using AutoDiff;

        namespace Design;

        public static partial class Spans
        {
            [Differentiable(Derivatives.Pushforward)]
            public static void F(ReadOnlySpan<double> x, double a, Span<double> result)
            {
                result[0] = a * x[0];
                result[1] = x[0] * x[1];
                result[2] = a * a + x[1];
            }
        }

        public static partial class Tuples
        {
            [Differentiable]
            public static (double Sum, double Product) F(double a, double b) => (a + b, a * b);
        }

        public static class Calls
        {
            public static double[] Run()
            {
                double[] x = { 0.5, -1.25 };
                double a = 2.0;
                Span<double> result = stackalloc double[3];
                ReadOnlySpan<double> cotangent = new double[] { 1.0, -2.0, 0.5 };
                Span<double> dx = new double[2];
                double da = 0;
                Spans.FPullback(x: x, a: a, result: result, cotangent: cotangent, dx: dx, da: ref da);
                Span<double> jacobian = new double[9];
                Spans.FJacobian(x: x, a: a, result: result, jacobian: jacobian);
                Span<double> tangent = stackalloc double[3];
                Spans.FPushforward(x: x, a: a, tx: new double[] { 1.0, 0.0 }, ta: 0.5, result: result, tangent: tangent);

                double dSum = 0, dProduct = 0;
                Tuples.FPullback(a: 1.5, b: -2.0, seedSum: 1.0, seedProduct: 3.0, da: ref dSum, db: ref dProduct);
                Span<double> tupleJacobian = new double[4];
                (double Sum, double Product) value = Tuples.FJacobian(a: 1.5, b: -2.0, jacobian: tupleJacobian);
                return [result[0], result[1], result[2], dx[0], dx[1], da, .. jacobian.ToArray(), .. tangent.ToArray(), dSum, dProduct, .. tupleJacobian.ToArray(), value.Sum, value.Product];
            }
        }
        """;

    [Fact]
    public void The_design_signatures_compile_run_and_give_the_closed_form()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Source);
        var values = (double[])loaded.Method("Design.Calls", "Run").Invoke(null, null)!;
        // result = (a x0, x0 x1, a² + x1) at x = (0.5, -1.25), a = 2; J over (x0, x1, a) = [[a, 0, x0], [x1, x0, 0], [0, 1, 2a]].
        double[] jacobian = [2.0, 0.0, 0.5, -1.25, 0.5, 0.0, 0.0, 1.0, 4.0];
        double[] cotangent = [1.0, -2.0, 0.5];
        double[] vjp = new[] { 0, 1, 2 }.Select(j => cotangent.Select((c, i) => c * jacobian[(3 * i) + j]).Sum()).ToArray();
        double[] jvp = new[] { 0, 1, 2 }.Select(i => jacobian[3 * i] * 1.0 + jacobian[(3 * i) + 2] * 0.5).ToArray();
        // (a + b, a b) at (1.5, -2): seeds (1, 3) give (1 + 3b, 1 + 3a); J = [[1, 1], [b, a]].
        double[] expected = [1.0, -0.625, 2.75, .. vjp, .. jacobian, .. jvp, 1 + (3 * -2.0), 1 + (3 * 1.5), 1, 1, -2.0, 1.5, -0.5, -3.0];
        Assert.Equal(expected, values);
    }

    [Theory]
    [InlineData("Design.Spans", "FPullback", "void FPullback(ReadOnlySpan<double> x, double a, Span<double> result, ReadOnlySpan<double> cotangent, Span<double> dx, ref double da)")]
    [InlineData("Design.Spans", "FJacobian", "void FJacobian(ReadOnlySpan<double> x, double a, Span<double> result, Span<double> jacobian)")]
    [InlineData("Design.Spans", "FPushforward", "void FPushforward(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> tx, double ta, Span<double> result, Span<double> tangent)")]
    [InlineData("Design.Tuples", "FPullback", "void FPullback(double a, double b, double seedSum, double seedProduct, ref double da, ref double db)")]
    [InlineData("Design.Tuples", "FJacobian", "(double Sum, double Product) FJacobian(double a, double b, Span<double> jacobian)")]
    public void A_member_has_the_design_signature(string type, string member, string signature)
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Source);
        var method = loaded.Method(type, member);
        Assert.Equal(signature, Signature(method));
    }

    [Fact]
    public void Without_the_flag_the_pushforward_is_private()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Source);
        var pushforward = loaded.Assembly.GetType("Design.Tuples")!.GetMethod("FPushforward", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.True(pushforward.IsPrivate);
        Assert.Null(loaded.Assembly.GetType("Design.Tuples")!.GetMethod("FWithGradient"));
    }

    private static string Signature(MethodInfo method) =>
        TypeName(method.ReturnType, method.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()) + " " + method.Name + "("
        + string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType, null) + " " + p.Name)) + ")";

    private static string TypeName(Type type, TupleElementNamesAttribute? names)
    {
        if (type.IsByRef)
        {
            return "ref " + TypeName(type.GetElementType()!, null);
        }

        if (type == typeof(void))
        {
            return "void";
        }

        if (type == typeof(double))
        {
            return "double";
        }

        if (type.IsGenericType && type.Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            return "(" + string.Join(", ", type.GetGenericArguments().Select((t, i) => TypeName(t, null) + (names?.TransformNames[i] is { } n ? " " + n : string.Empty))) + ")";
        }

        return type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(t => TypeName(t, null))) + ">"
            : type.Name;
    }
}
