using AutoDiff.PropertyTests.Fuzz;
using AutoDiff.PropertyTests.Robustness;

namespace AutoDiff.PropertyTests;

/// <summary>
/// The minimal sources of generator bugs found by the random-program, fuzz and incremental tests, kept as regression
/// tests. All of them are fixed; a newly found bug gets its minimal source here.
/// </summary>
public sealed partial class KnownGeneratorBugTests
{
    [Fact]
    public void DoubleNegationIsTheIdentity()
    {
        // Found by RandomProgramTests; minimal form there: `double t0 = (-(-x)); return x;` returns x - 1.
        using var program = new ClosedFormProgram([new ClosedFormCase("TwiceNegated", ["x"], "-(-x)", "-(-x)")]);
        var dx = new double[1];
        var value = program.Generated("TwiceNegated")([0.5], [], dx, []);
        Assert.Equal(0.5, value); // -(-0.5)
        Assert.Equal(1.0, dx[0]); // d/dx -(-x) = 1
    }

    [Fact]
    public void AnOverwrittenTanhOutputIsNotReadBack()
    {
        // Found by RandomProgramTests once main's generator began reading exp/tanh/sqrt/cbrt outputs back (likely 42831bf).
        const double x = 0.385;
        using var program = new ClosedFormProgram(
        [
            new ClosedFormCase("TanhThenSubtract", ["x"], "{ double t0 = Math.Tanh(x); t0 -= x; return t0; }", "{ Value t0 = ValueMath.Tanh(x); t0 -= x; return t0; }"),
        ]);
        var dx = new double[1];
        var value = program.Generated("TanhThenSubtract")([x], [], dx, []);
        Assert.Equal(Math.Tanh(x) - x, value, 1e-15);
        Assert.Equal(-Math.Tanh(x) * Math.Tanh(x), dx[0], 1e-15); // d/dx (tanh x − x) = 1 − tanh²x − 1
    }

    [Fact]
    public void AMalformedTypeDeclarationDoesNotCrashTheGenerator()
    {
        // Found by GeneratorFuzzTests: two tokens swapped in `public static partial class Functions`.
        const string source = """
            using System;
            using AutoDiff;

            namespace Corpus;

            public static class partial Functions
            {
                [Differentiable]
                public static double Rosenbrock(double x, double y)
                    => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            }
            """;
        Assert.Empty(GeneratorOracle.Check(source, out _, out _));
    }

    [Fact]
    public void AConstLocalInATapeFallbackCompiles()
    {
        // Found by GeneratorFuzzTests: a switch statement (then the tape's trigger; a lambda is now) inserted into a body with a const local.
        const string source = """
            using System;
            using AutoDiff;

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
            """;
        var problems = GeneratorOracle.Check(source, out var valid, out _);
        Assert.True(valid);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("for (int k = 0; k < w.Length; k++) { a += w[k] * x; if (w[k] > x) return x; }", "Span<double> b = stackalloc double[w.Length];")]
    [InlineData("if (x > 2.0) return x;", "Span<double> b = stackalloc double[w.Length];")]
    [InlineData("if (x > 2.0) return x;", "double[] b = new double[w.Length];")]
    public void ABufferDeclaredAfterAnEarlyReturnCompiles(string earlyReturn, string buffer)
    {
        // Found by GeneratorFuzzTests (seed 7mvyS2PsX5w2): a return inserted into a loop of a scratch-buffer program. The
        // rest of the body, moved into the branch where the method goes on, declared the buffer out of the adjoint's reach.
        var source = $$"""
            using System;
            using AutoDiff;

            public static partial class Scratch
            {
                [Differentiable]
                public static double F(double x, ReadOnlySpan<double> w)
                {
                    double a = x;
                    {{earlyReturn}}
                    {{buffer}}
                    for (int q = 0; q < b.Length; q++) b[q] = Math.Tanh(w[q] + a);
                    for (int q = 0; q < b.Length; q++) a += b[q] * b[q];
                    return a;
                }
            }
            """;
        var problems = GeneratorOracle.Check(source, out var valid, out _);
        Assert.True(valid);
        Assert.Empty(problems);
    }

    [Fact]
    public void AFloatArgumentToADoubleCalleeCompiles()
    {
        // Found by the 20,000-mutant fuzz run: one parameter of a caller changed from double to float.
        const string source = """
            using System;
            using AutoDiff;

            public static partial class Mixed
            {
                [Differentiable]
                public static double Square(double u) => u * u;

                [Differentiable]
                public static double Energy(double x, float y) => x * Square(y);
            }
            """;
        var problems = GeneratorOracle.Check(source, out var valid, out _);
        Assert.True(valid);
        Assert.Empty(problems);
    }

    [Fact]
    public void UnaryPlusInATapeFallbackCompiles()
    {
        // Found by the 20,000-mutant fuzz run: a foreach (tape fallback) inserted into a body that has `1.0 + + y`.
        const string source = """
            using System;
            using AutoDiff;

            public static partial class Plus
            {
                [Differentiable]
                public static double F(double x)
                {
                    foreach (var q in new[] { 1.0 }) { }
                    return +x;
                }
            }
            """;
        var problems = GeneratorOracle.Check(source, out var valid, out _);
        Assert.True(valid);
        Assert.Empty(problems);
    }
}
