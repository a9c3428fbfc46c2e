using System.Reflection;
using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// The user's own exceptions and guard calls (corpus <c>Throws</c>): every derivative kind throws what the source throws, with the
/// same type and message, where the source throws it; a guard keeps a loop from being windowed, so no range check
/// runs ahead of it; and the thrown expression is written to mean the same in the generated file (types
/// qualified, <c>nameof</c> as its string, a renamed counter under its new name).
/// </summary>
public class ThrowTests
{
    private static readonly Type Corpus = CorpusFiles.Load("Throws").Assembly.GetType("Corpus.Throws")!;

    public static TheoryData<string, double[]> BadInputs => new()
    {
        { "CheckedPairs", [0.5, -1.0, 0.25] },
        { "LogBarrier", [0.5, -1.0, -2.5, 1.0] },
        { "LogBarrier", [0.5, double.NaN, 1.0] },
        { "LogBarrier", [double.PositiveInfinity, 0.0, 1.0] },
        { "ModeExpressions", [0.5, -1.0, 0.25, 1.5, 0.75, -0.5, 1.0, 0.125] },
        { "ModeExpressions", [double.NaN, -1.0, 0.25, 1.5, 0.75, -0.5] },
        { "SearchOrThrow", [] },
        { "GuardCalls", [0.5] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Every_derivative_kind_throws_what_the_source_throws(string method, double[] x)
    {
        var expected = Thrown(method + "_Value", [x]);
        var n = x.Length;
        object[][] calls =
        [
            [x, new double[n]],
            [x, 1.0, new double[n]],
            [x, new double[n], 0.0],
            [x, new double[n], new double[n], new double[n]],
            [x, new double[n], new double[n * n]],
        ];
        string[] kinds = ["_Gradient", "_Pullback", "_Pushforward", "_Hvp", "_Hessian"];
        for (var k = 0; k < kinds.Length; k++)
        {
            var actual = Thrown(method + kinds[k], calls[k]);
            Assert.Equal(expected.GetType(), actual.GetType());
            Assert.Equal(expected.Message, actual.Message);
        }
    }

    [Fact]
    public void Messages_name_what_the_source_names()
    {
        Assert.Equal("x holds 3 values, not pairs. (Parameter 'x')", Thrown("CheckedPairs_Gradient", [new[] { 1.0, 2, 3 }, new double[3]]).Message);
        Assert.StartsWith("x[2] is at or below the barrier at -2.", Thrown("LogBarrier_Gradient", [new[] { 1.0, 2, -3 }, new double[3]]).Message, StringComparison.Ordinal);
        Assert.Equal("The product at 0 is not a number.", Thrown("LogBarrier_Hvp", [new[] { 1.0, double.NaN, 1 }, new double[3], new double[3], new double[3]]).Message);
        Assert.Equal("No prefix of 0 values.", Thrown("SearchOrThrow_Pullback", [Array.Empty<double>(), 1.0, Array.Empty<double>()]).Message);

        // .NET's guards name the argument as written, though the generated code renames the second loop's counter.
        Assert.StartsWith("count ('0') must be a non-negative and non-zero value.", Thrown("GuardCalls_Gradient", [new[] { 1.0 }, new double[1]]).Message, StringComparison.Ordinal);
        Assert.Contains("ThrowIfGreaterThan(i_1, x.Length - 1, paramName: \"i\")", Generated("GuardCalls"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_comes_before_a_range_error_of_a_later_statement()
    {
        // x[0] < -100 throws on the first iteration, before x[start + i] is read; start is past the end.
        double[] x = [-200, 1, 2];
        var primal = Thrown("GuardBeforeRun", [x, 5, 2]);
        var generated = Thrown("GuardBeforeRunGradient", [x, 5, 2, new double[3]]);
        Assert.IsType<ArgumentException>(primal);
        Assert.IsType<ArgumentException>(generated);
        Assert.Equal(primal.Message, generated.Message);
        Assert.DoesNotContain("LoopWindow.Of", Generated("GuardBeforeRun"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gradient_behind_a_guard_is_the_guarded_work_s()
    {
        // Valid input: GuardBeforeRun is the sum of squares of the run, whatever the guard reads.
        double[] x = [0.5, -1.25, 2.0, 3.5];
        var dx = new double[4];
        var value = (double)Corpus.GetMethod("GuardBeforeRunGradient")!.Invoke(null, [x, 1, 2, dx])!;
        Assert.Equal((1.25 * 1.25) + (2.0 * 2.0), value);
        Assert.Equal([0, -2.5, 4.0, 0], dx);
    }

    [Fact]
    public void A_vector_valued_method_s_Jacobian_throws_what_it_throws_and_is_right_behind_its_guard()
    {
        var primal = Thrown("SquaresInto_Value", [new[] { 1.0, 2 }, new double[3]]);
        var jacobian = Thrown("SquaresInto_Jacobian", [new[] { 1.0, 2 }, new double[3], new double[6]]);
        Assert.IsType<ArgumentException>(jacobian);
        Assert.Equal("r holds 3 values; x holds 2. (Parameter 'r')", primal.Message);
        Assert.Equal(primal.Message, jacobian.Message);

        var j = new double[4];
        var r = new double[2];
        Corpus.GetMethod("SquaresInto_Jacobian")!.Invoke(null, [new[] { 1.5, -2.0 }, r, j]);
        Assert.Equal([2.25, 4.0], r);
        Assert.Equal([3.0, 0, 0, -4.0], j);
    }

    [Fact]
    public void The_thrown_expression_is_written_for_the_generated_file()
    {
        var checkedPairs = Generated("CheckedPairs");
        Assert.Contains("throw new global::System.ArgumentException($\"x holds {x.Length} values, not pairs.\", \"x\");", checkedPairs, StringComparison.Ordinal);

        // The second loop's counter is renamed (the first loop's 'i' keeps its name); the message follows it.
        var logBarrier = Generated("LogBarrier");
        Assert.Contains("$\"x[{i}] is at or below the barrier at -2.\"", logBarrier, StringComparison.Ordinal);
        Assert.Contains("$\"The product at {i_1} is not a number.\"", logBarrier, StringComparison.Ordinal);
    }

    // Found by an adversarial sweep: a window checks a later iteration's range before the first iteration runs, so
    // it must not run ahead of another exception: a null array parameter's, an int's Math.Abs overflowing.
    [Theory]
    [InlineData("NullBesideWindow", null, null)]
    [InlineData("NullAroundInnerWindow", null, null)]
    [InlineData("AbsBesideWindow", new double[] { 1, 1, 1 }, new[] { int.MinValue, 1, 1 })]
    public void A_window_does_not_run_ahead_of_another_exception(string method, double[]? array, int[]? ints)
    {
        using var loaded = GeneratorHarness.CompileAndLoad("""
            using System;
            using AutoDiff;
            public static partial class Ahead
            {
                [Differentiable]
                public static double NullBesideWindow(ReadOnlySpan<double> w, int n, int m, [NoDerivative] double[] arr, [NoDerivative] ReadOnlySpan<int> sz)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++) { s += w[i + m] * arr[i]; }
                    return s;
                }

                [Differentiable]
                public static double NullAroundInnerWindow(ReadOnlySpan<double> w, int n, int m, [NoDerivative] double[] arr, [NoDerivative] ReadOnlySpan<int> sz)
                {
                    double s = 0;
                    for (int p = 0; p < n; p++)
                    {
                        double a = arr[p];
                        double r = 0;
                        for (int k = 0; k < 3; k++) { r += w[m + k] * a; }
                        s += r * r;
                    }

                    return s;
                }

                [Differentiable]
                public static double AbsBesideWindow(ReadOnlySpan<double> w, int n, int m, [NoDerivative] double[] arr, [NoDerivative] ReadOnlySpan<int> sz)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++) { s += w[i + m] * Math.Abs(sz[i]) * arr[i]; }
                    return s;
                }
            }
            """);
        var primal = loaded.Method("Ahead", method).CreateDelegate<Primal>();
        var gradient = loaded.Method("Ahead", method + "WithGradient").CreateDelegate<Gradient>();
        // Five weights, three iterations from 3: the last iterations read past w, after the first one has thrown.
        var w = new double[5];
        var sz = ints ?? [1, 1, 1];
        var expected = Record.Exception(() => primal(w, 3, 3, array!, sz));
        var generated = Record.Exception(() => gradient(w, 3, 3, array!, sz, new double[5]));
        Assert.NotNull(expected);
        Assert.IsNotType<IndexOutOfRangeException>(expected);
        Assert.Equal(expected.GetType(), generated?.GetType());
    }

    // The methods take spans, which reflection cannot box: a delegate of each signature calls them.
    private delegate double Primal(ReadOnlySpan<double> w, int n, int m, double[] arr, ReadOnlySpan<int> sz);

    private delegate double Gradient(ReadOnlySpan<double> w, int n, int m, double[] arr, ReadOnlySpan<int> sz, Span<double> dw);

    private static Exception Thrown(string method, object[] arguments)
    {
        var call = Corpus.GetMethod(method) ?? throw new InvalidOperationException("No entry point " + method);
        var wrapped = Assert.Throws<TargetInvocationException>(() => call.Invoke(null, arguments));
        return wrapped.InnerException!;
    }

    private static string Generated(string method)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source("Throws"));
        return result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.Throws." + method + ".g.cs").SourceText.ToString();
    }
}
