using AutoDiff.PropertyTests.Checking;
using AutoDiff.PropertyTests.Compiling;
using Microsoft.CodeAnalysis;

namespace AutoDiff.PropertyTests.Robustness;

/// <summary>
/// A hand-written class <c>P</c> whose <c>[Differentiable] double F(double x, ReadOnlySpan&lt;double&gt; w)</c> is compiled with
/// the generator; gives F, its generated gradient, and the finite-difference check of every partial derivative
/// (regression tests for bugs that need a span, int locals or plain helper methods, which <see cref="ClosedFormProgram"/> cannot hold).
/// </summary>
internal sealed class SourceProgram : IDisposable
{
    private const string Adapter = """

        public static class H
        {
            public static double Eval(double[] s, double[] w) => P.F(s[0], w);
            public static double Grad(double[] s, double[] w, double[] ds, double[] dw) => P.FWithGradient(s[0], w, out ds[0], dw);
        }
        """;

    private readonly LoadedAssembly _assembly;

    public SourceProgram(string source)
    {
        var input = TestCompilation.Create("Source" + Guid.NewGuid().ToString("N"), [TestCompilation.Parse("using System;\nusing AutoDiff;\n\n" + source + Adapter, "P.cs")]);
        var outcome = TestCompilation.RunGenerator(input);
        Diagnostics = outcome.GeneratorDiagnostics.Select(d => d.Id).ToList();
        _assembly = LoadedAssembly.Emit(outcome.Output);
    }

    /// <summary>
    /// <c>[Differentiable] double F(double x, ReadOnlySpan&lt;double&gt; w)</c> with <paramref name="body"/>, in a class <c>P</c>
    /// that also declares the plain helper <c>static double Weight(int k) =&gt; 1.0 / (k + 1);</c>.
    /// </summary>
    public static SourceProgram OfBody(string body) => new($$"""
        public static partial class P
        {
            static double Weight(int k) => 1.0 / (k + 1);

            [Differentiable]
            public static double F(double x, ReadOnlySpan<double> w)
            {
        {{string.Join("\n", body.Split('\n').Select(line => "        " + line))}}
            }
        }
        """);

    /// <summary>Ids of what the generator reported (AD0011 when it fell back to the tape).</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    public double Eval(double x, double[] w) => _assembly.Delegate<EvalFn>("H", "Eval")([x], w);

    /// <summary>The generated value and gradient: dF/dx first, then dF/dw.</summary>
    public (double Value, double[] Gradient) WithGradient(double x, double[] w)
    {
        var ds = new double[1];
        var dw = new double[w.Length];
        var value = _assembly.Delegate<GradFn>("H", "Grad")([x], w, ds, dw);
        return (value, [ds[0], .. dw]);
    }

    /// <summary>Every partial derivative that disagrees with Richardson-extrapolated central differences (empty when all agree).</summary>
    public List<string> FiniteDifferenceMismatches(double x, double[] w)
    {
        var (_, gradient) = WithGradient(x, w);
        var problems = new List<string>();
        for (var k = 0; k < gradient.Length; k++)
        {
            var index = k;
            var fd = FiniteDifference.Of(t => index == 0 ? Eval(t, w) : Eval(x, Replace(w, index - 1, t)), k == 0 ? x : w[k - 1]);
            if (!fd.Smooth || !Tolerances.MatchesFiniteDifference(gradient[k], fd))
            {
                problems.Add($"{(k == 0 ? "dx" : $"dw[{k - 1}]")} = {gradient[k]:R} but finite differences give {fd.Estimate:R} (smooth: {fd.Smooth})");
            }
        }

        return problems;
    }

    public void Dispose() => _assembly.Dispose();

    private static double[] Replace(double[] values, int index, double value)
    {
        var copy = (double[])values.Clone();
        copy[index] = value;
        return copy;
    }
}
