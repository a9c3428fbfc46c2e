using AutoDiff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Bugs the random-program and fuzz tests found (tests/AutoDiff.Generator.PropertyTests, KnownGeneratorBugTests),
/// each reduced to its smallest source: the generated code compiles and its numbers are right.
/// </summary>
public class RegressionTests
{
    private const string Header = "using System;\nusing AutoDiff;\nnamespace Samples;\n";

    private static object?[] Args(params object?[] values) => values;

    [Fact]
    public void An_output_read_back_by_the_adjoint_is_restored_after_a_later_overwrite()
    {
        // The adjoint of t = tanh(x) reads t back; 't -= x' (linear in t) used to skip recording, so the read saw
        // tanh(x) - x instead of tanh(x). Same for exp, sqrt and cbrt, in straight-line code and in loops.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class ReadBack
            {
                [Differentiable] public static double Tanh(double x) { double t = Math.Tanh(x); t -= x; return t; }
                [Differentiable] public static double Exp(double x) { double t = Math.Exp(x); t += 3 * x; return t * 2; }
                [Differentiable]
                public static double Loop(double x)
                {
                    double s = 0;
                    for (int i = 0; i < 3; i++) { double t = Math.Sqrt(x + i); t -= x; s += t; }
                    return s;
                }
            }
            """);
        const double x = 0.385;
        var tanh = Args(x, null);
        Assert.Equal(Math.Tanh(x) - x, (double)loaded.Method("Samples.ReadBack", "TanhWithGradient").Invoke(null, tanh)!, 15);
        Assert.Equal(-Math.Tanh(x) * Math.Tanh(x), (double)tanh[1]!, 15); // d/dx (tanh x - x) = -tanh²x

        var exp = Args(x, null);
        loaded.Method("Samples.ReadBack", "ExpWithGradient").Invoke(null, exp);
        Assert.Equal(2 * (Math.Exp(x) + 3), (double)exp[1]!, 13); // d/dx 2(e^x + 3x)

        var loop = Args(x, null);
        loaded.Method("Samples.ReadBack", "LoopWithGradient").Invoke(null, loop);
        double expected = 0;
        for (int i = 0; i < 3; i++) expected += 0.5 / Math.Sqrt(x + i) - 1; // d/dx (sqrt(x + i) - x)
        Assert.Equal(expected, (double)loop[1]!, 13);
    }

    [Fact]
    public void A_reservation_counts_the_exp_recorded_inside_a_read_back_max()
    {
        // r = Max(0, Exp(…) - 1) is read back (no record for the max) but its inner exp is pushed: the bound once
        // subtracted the read-back from the wrong call and reserved one push too few per iteration, which a
        // long enough loop runs past.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Reserve
            {
                [Differentiable]
                public static double F(ReadOnlySpan<double> v, double s)
                {
                    double acc = 0;
                    for (int i = 0; i < v.Length; i++)
                    {
                        double r = Math.Max(0.0, Math.Exp(v[i] * s) - 1.0);
                        acc += r * r;
                    }

                    return acc;
                }

                public static double Gradient(double[] v, double s, double[] dv, out double ds) => FWithGradient(v, s, dv, out ds);
            }
            """);
        var v = Enumerable.Range(0, 2000).Select(i => Math.Sin(i * 0.37)).ToArray();
        const double s = 0.8;
        var args = Args(v, s, new double[v.Length], null);
        var value = loaded.Method("Samples.Reserve", "Gradient").Invoke(null, args);
        double expectedValue = 0, expectedDs = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var e = Math.Exp(v[i] * s);
            var r = Math.Max(0.0, e - 1.0);
            expectedValue += r * r;
            expectedDs += r > 0 ? 2 * r * e * v[i] : 0;
        }

        Assert.Equal(expectedValue, (double)value!, 1e-9 * expectedValue);
        Assert.Equal(expectedDs, (double)args[3]!, 1e-9 * Math.Abs(expectedDs));
    }

    [Fact]
    public void A_reverse_loop_that_pops_recorded_outputs_is_not_skipped_when_its_gradient_is_zero()
    {
        // Found by the bool-flag random programs: the second loop's reverse pops tanh(x) each iteration, and its
        // gradient (a2's, unused) is zero; skipping the whole loop left the pops to the first loop, which read
        // them as its own records.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Skips
            {
                [Differentiable]
                public static double F(double x, ReadOnlySpan<double> w)
                {
                    double a1 = x;
                    for (int i = 0; i < w.Length; i++) { a1 += Math.Tanh(a1); }
                    double a2 = 1.0;
                    for (int i = 0; i < w.Length; i++) { a2 += Math.Tanh(x); }
                    return a1;
                }

                public static double Gradient(double x, double[] w, double[] dw, out double dx) => FWithGradient(x, w, out dx, dw);
            }
            """);
        const double x = 0.260314159265359;
        var w = new[] { 0.845, 0.287, -1.338 };
        var args = Args(x, w, new double[3], null);
        loaded.Method("Samples.Skips", "Gradient").Invoke(null, args);
        double a = x, derivative = 1;
        for (var i = 0; i < w.Length; i++)
        {
            var t = Math.Tanh(a);
            derivative *= 2 - (t * t); // d(a + tanh a)/da = 1 + sech²a
            a += t;
        }

        Assert.Equal(derivative, (double)args[3]!, 12);
    }

    [Fact]
    public void A_local_the_loop_overwrites_keeps_the_value_its_declaration_reads_back()
    {
        // Found by the reused-index random programs (CI seed 7mcyyf_DB4d7): the loop's adjoint ran iteration by
        // iteration and left its last a = tanh(0) = 0 behind, and the declaration's adjoint then read it as sqrt(1 + x²):
        // 0 / (2 · 0) made dx NaN although a's first value is never used.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Overwritten
            {
                [Differentiable]
                public static double F(double x, ReadOnlySpan<double> w)
                {
                    double a = Math.Sqrt(1.0 + x * x);
                    double s = 0;
                    for (int i = 0; i < w.Length; i++) { a = Math.Tanh(0.25 * (w.Length - 1 - i)); a += w[i]; s += a * x; }
                    return s;
                }

                public static double Gradient(double x, double[] w, double[] dw, out double dx) => FWithGradient(x, w, out dx, dw);
            }
            """);
        const double x = -1.829685840734641;
        var w = new[] { -1.120728171817154, 0.5 };
        var args = Args(x, w, new double[2], null);
        loaded.Method("Samples.Overwritten", "Gradient").Invoke(null, args);
        // s = x · Σ (tanh((1 - i)/4) + w[i]): ds/dx = Σ (tanh((1 - i)/4) + w[i]), ds/dw[i] = x.
        Assert.Equal(Math.Tanh(0.25) + w[0] + Math.Tanh(0) + w[1], (double)args[3]!, 14);
        Assert.Equal([x, x], (double[])args[2]!);
    }

    [Fact]
    public void An_enum_parameter_compared_with_an_enum_member_chooses_a_branch()
    {
        // Found writing the Greeks sample: 'style == Style.Asian' was refused (AD0004) because an enum was not a value.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public enum Style { European, Asian }
            public static partial class Payoffs
            {
                [Differentiable]
                public static double Payoff(double spot, double vol, Style style)
                {
                    double s = spot * Math.Exp(vol);
                    double underlying = style == Style.Asian ? 0.5 * (spot + s) : s;
                    return style != Style.European && vol > 0 ? underlying * underlying : underlying;
                }
            }
            """);
        var type = loaded.Assembly.GetType("Samples.Style")!;
        const double spot = 1.3, vol = 0.4;
        var asian = Args(spot, vol, Enum.ToObject(type, 1), null, null);
        loaded.Method("Samples.Payoffs", "PayoffWithGradient").Invoke(null, asian);
        var u = 0.5 * (spot + (spot * Math.Exp(vol)));
        Assert.Equal(2 * u * 0.5 * (1 + Math.Exp(vol)), (double)asian[3]!, 12); // d/dspot u² with u = (spot + spot·e^vol) / 2
        Assert.Equal(2 * u * 0.5 * spot * Math.Exp(vol), (double)asian[4]!, 12);
        var european = Args(spot, vol, Enum.ToObject(type, 0), null, null);
        loaded.Method("Samples.Payoffs", "PayoffWithGradient").Invoke(null, european);
        Assert.Equal(Math.Exp(vol), (double)european[3]!, 12);
        Assert.Equal(spot * Math.Exp(vol), (double)european[4]!, 12);
    }

    [Fact]
    public void Dynamic_parameters_and_expressions_are_rejected_at_the_construct()
    {
        // Found by the 20,000-mutant fuzz run: 'dynamic x' reached the tape fallback, whose code did not compile.
        var parameter = GeneratorHarness.Run(Header + """
            public static partial class Dyn
            {
                [Differentiable] public static double F(dynamic x, double z) { Func<int, int> onTape = q => q; return x * z; }
            }
            """);
        var ad0003 = Assert.Single(parameter.GeneratorDiagnostics, d => d.Id == "AD0003");
        Assert.Contains("dynamic", ad0003.GetMessage());
        Assert.DoesNotContain("FWithGradient", parameter.GeneratedText());

        var local = GeneratorHarness.Run(Header + """
            public static partial class DynLocal
            {
                [Differentiable] public static double G(double x) { dynamic t = x; return x * 2; }
            }
            """);
        var ad0004 = Assert.Single(local.GeneratorDiagnostics, d => d.Id == "AD0004");
        Assert.Contains("'dynamic'", ad0004.GetMessage());
    }

    [Fact]
    public void A_duplicate_definition_does_not_crash_the_generator()
    {
        // Found by the 20,000-mutant fuzz run: two identical methods (CS0111) got one hint name, and AddSource's
        // exception (raised by Roslyn after the generator returns) became CS8785.
        var result = GeneratorHarness.Run(Header + """
            public static partial class Twins
            {
                [Differentiable] static double G(double q) => q;
                [Differentiable] static double G(double q) => q;
            }
            """);
        Assert.DoesNotContain(result.AllDiagnostics, d => d.Id is "CS8785" or "CS8784");
        Assert.Contains(result.AllDiagnostics, d => d.Id == "CS0111");
    }

    [Fact]
    public void Nested_negation_is_two_negations_not_a_pre_decrement()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Negations
            {
                [Differentiable] public static double Twice(double x) => -(-x);
                [Differentiable] public static double Thrice(double x) { double t = -(-(-x)); return t * x; }
            }
            """);
        var twice = Args(0.5, null);
        Assert.Equal(0.5, loaded.Method("Samples.Negations", "TwiceWithGradient").Invoke(null, twice)); // -(-0.5)
        Assert.Equal(1.0, twice[1]); // d/dx -(-x) = 1

        var thrice = Args(1.5, null);
        Assert.Equal(-2.25, loaded.Method("Samples.Negations", "ThriceWithGradient").Invoke(null, thrice)); // -x·x at 1.5
        Assert.Equal(-3.0, thrice[1]); // d/dx -x² = -2x at 1.5
    }

    [Fact]
    public void Nested_negation_and_unary_plus_on_the_tape_fallback()
    {
        // The lambda sends the method to the tape; '- -x' is formatted without its space, and Value has no unary '+'.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class TapeSigns
            {
                [Differentiable]
                public static double F(double x, double y)
                {
                    Func<int, int> onTape = q => q;
                    return - -x * +y + 1.0 + + y;
                }
            }
            """);
        var args = Args(2.0, 3.0, null, null);
        Assert.Equal(10.0, loaded.Method("Samples.TapeSigns", "FWithGradient").Invoke(null, args)); // 2·3 + 1 + 3
        Assert.Equal(3.0, args[2]); // ∂/∂x = y
        Assert.Equal(3.0, args[3]); // ∂/∂y = x + 1
    }

    [Fact]
    public void A_type_name_the_parser_could_not_read_does_not_crash_the_generator()
    {
        // 'class partial Functions' names the class 'partial' and leaves 'Functions' as a stray token.
        var result = GeneratorHarness.Run(Header + """
            public static class partial Functions
            {
                [Differentiable]
                public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            }
            """);
        Assert.All(result.RunResult.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.AllDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.All(result.RunResult.Results.SelectMany(r => r.GeneratedSources), s => Assert.Matches("^[A-Za-z0-9_.]+$", s.HintName));
    }

    [Fact]
    public void Const_locals_stay_double_on_the_tape_fallback()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Physics
            {
                [Differentiable]
                public static double Energy(double m, double h)
                {
                    const double g = 9.81;
                    Func<int, int> onTape = q => q;
                    return m * g * h;
                }
            }
            """);
        var args = Args(2.0, 3.0, null, null);
        Assert.Equal(2.0 * 9.81 * 3.0, (double)loaded.Method("Samples.Physics", "EnergyWithGradient").Invoke(null, args)!, 12);
        Assert.Equal(9.81 * 3.0, (double)args[2]!, 12); // ∂/∂m = g·h
        Assert.Equal(2.0 * 9.81, (double)args[3]!, 12); // ∂/∂h = m·g
    }

    [Fact]
    public void A_var_local_inferred_double_becomes_a_Value_on_the_tape_fallback()
    {
        // Found by the fuzz tests (CI seed aU_QXjzlu5W9): 'var a = 0.25 * k;' stayed a double in the tape's body,
        // and 'a *= Math.Tanh(x)' then assigned a Value to it, so the generated code did not compile.
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Inferred
            {
                [Differentiable]
                public static double Scaled(double x, int k)
                {
                    var a = 0.25 * k;
                    a *= Math.Tanh(x);
                    for (var t = 1.0; t < 2.0; t += 1.0) { a += t * x; }
                    Func<int, int> onTape = q => q;
                    return a;
                }
            }
            """);
        const double x = 0.7;
        var args = Args(x, 3, null);
        Assert.Equal((0.75 * Math.Tanh(x)) + x, (double)loaded.Method("Samples.Inferred", "ScaledWithGradient").Invoke(null, args)!, 14);
        Assert.Equal((0.75 * (1 - (Math.Tanh(x) * Math.Tanh(x)))) + 1, (double)args[2]!, 14); // d/dx (k/4 · tanh x + x)
    }

    [Fact]
    public void A_float_argument_to_a_double_callee_gets_a_double_adjoint_cast_back()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Mixed
            {
                [Differentiable] public static double Square(double u) => u * u;
                [Differentiable] public static double Energy(double x, float y) => x * Square(y);
                [Differentiable] public static float Half(float v) => 0.5f * v;
                [Differentiable] public static double UsesFloatCallee(double x) => x * Half((float)x);
            }
            """);
        var energy = Args(3.0, 2.0f, null, null);
        Assert.Equal(12.0, loaded.Method("Samples.Mixed", "EnergyWithGradient").Invoke(null, energy)); // 3·2²
        Assert.Equal(4.0, energy[2]); // ∂/∂x = y²
        Assert.Equal(12.0f, energy[3]); // ∂/∂y = 2xy

        var usesFloat = Args(3.0, null);
        Assert.Equal(4.5, loaded.Method("Samples.Mixed", "UsesFloatCalleeWithGradient").Invoke(null, usesFloat)); // 0.5·3²
        Assert.Equal(3.0, usesFloat[1]); // d/dx 0.5x² = x
    }

    [Fact]
    public void Unary_plus_is_the_identity_in_generated_code()
    {
        using var loaded = GeneratorHarness.CompileAndLoad(Header + """
            public static partial class Plus
            {
                [Differentiable] public static double Static(double x) => 1.0 + + x * +(+x);
                [Differentiable]
                public static double OnTape(double x)
                {
                    foreach (var q in new[] { 1.0 }) { }
                    return +x;
                }
            }
            """);
        var staticArgs = Args(3.0, null);
        Assert.Equal(10.0, loaded.Method("Samples.Plus", "StaticWithGradient").Invoke(null, staticArgs)); // 1 + 3²
        Assert.Equal(6.0, staticArgs[1]); // 2x
        var tapeArgs = Args(3.0, null);
        Assert.Equal(3.0, loaded.Method("Samples.Plus", "OnTapeWithGradient").Invoke(null, tapeArgs));
        Assert.Equal(1.0, tapeArgs[1]);
    }
}
