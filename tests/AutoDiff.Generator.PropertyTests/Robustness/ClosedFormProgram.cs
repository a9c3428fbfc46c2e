using System.Text;
using AutoDiff.PropertyTests.Compiling;

namespace AutoDiff.PropertyTests.Robustness;

/// <summary>A scalar function written twice — as a [Differentiable] double method and as its tape twin on Value (expression or <c>{ block }</c> bodies).</summary>
internal sealed record ClosedFormCase(string Name, string[] Parameters, string DoubleBody, string TapeBody);

/// <summary>
/// Compiles closed-form cases with the generator and exposes, per case, the generated gradient and the tape gradient
/// through the uniform <see cref="GradFn"/> (arguments in <c>s</c>, gradient into <c>ds</c>). A span case
/// <c>SumOfSquares(ReadOnlySpan&lt;double&gt; w)</c> is always included.
/// </summary>
internal sealed class ClosedFormProgram : IDisposable
{
    private readonly LoadedAssembly _assembly;

    public ClosedFormProgram(IEnumerable<ClosedFormCase> cases)
    {
        var list = cases.ToList();
        var source = new StringBuilder("using System;\nusing System.Linq;\nusing AutoDiff;\n\npublic static partial class Closed\n{\n");
        foreach (var c in list)
        {
            source.AppendLine($"    [Differentiable] public static double {c.Name}({string.Join(", ", c.Parameters.Select(p => "double " + p))}){Body(c.DoubleBody)}");
        }

        source.AppendLine("""
                [Differentiable]
                public static double SumOfSquares(ReadOnlySpan<double> w)
                {
                    double s = 0;
                    for (int i = 0; i < w.Length; i++)
                    {
                        s += w[i] * w[i];
                    }

                    return s;
                }
            }

            public static class Tape
            {
                public static Value SumOfSquares(Value[] w)
                {
                    Value s = 0;
                    for (int i = 0; i < w.Length; i++)
                    {
                        s += w[i] * w[i];
                    }

                    return s;
                }

                public static double SumOfSquaresGrad(double[] s, double[] w, double[] ds, double[] dw)
                {
                    var v = w.Select(x => new Value(x)).ToArray();
                    var r = SumOfSquares(v);
                    r.Backward();
                    for (int i = 0; i < v.Length; i++) dw[i] = v[i].Grad;
                    return r.Data;
                }
            """);
        foreach (var c in list)
        {
            var indices = Enumerable.Range(0, c.Parameters.Length).ToArray();
            source.AppendLine($"    public static Value {c.Name}({string.Join(", ", c.Parameters.Select(p => "Value " + p))}){Body(c.TapeBody)}");
            source.AppendLine($"    public static double {c.Name}Grad(double[] s, double[] w, double[] ds, double[] dw)");
            source.AppendLine("    {");
            source.AppendLine($"        var v = new Value[] {{ {string.Join(", ", indices.Select(i => $"new Value(s[{i}])"))} }};");
            source.AppendLine($"        var r = {c.Name}({string.Join(", ", indices.Select(i => $"v[{i}]"))});");
            source.AppendLine("        r.Backward();");
            source.AppendLine("        for (int i = 0; i < v.Length; i++) ds[i] = v[i].Grad;");
            source.AppendLine("        return r.Data;");
            source.AppendLine("    }");
        }

        source.AppendLine("}\n\npublic static class Generated\n{");
        source.AppendLine("    public static double SumOfSquaresGrad(double[] s, double[] w, double[] ds, double[] dw) => Closed.SumOfSquaresWithGradient(w, dw);");
        foreach (var c in list)
        {
            var args = Enumerable.Range(0, c.Parameters.Length).Select(i => $"s[{i}]").Concat(Enumerable.Range(0, c.Parameters.Length).Select(i => $"out ds[{i}]"));
            source.AppendLine($"    public static double {c.Name}Grad(double[] s, double[] w, double[] ds, double[] dw) => Closed.{c.Name}WithGradient({string.Join(", ", args)});");
        }

        source.AppendLine("}");
        var input = TestCompilation.Create("ClosedForm" + Guid.NewGuid().ToString("N"), [TestCompilation.Parse(source.ToString(), "ClosedForm.cs")]);
        _assembly = LoadedAssembly.Emit(TestCompilation.RunGenerator(input).Output);
    }

    /// <summary>A body given as <c>{ ... }</c> is a block; anything else is an expression body.</summary>
    private static string Body(string body) => body.StartsWith('{') ? "\n    " + body : " => " + body + ";";

    public GradFn Generated(string name) => _assembly.Delegate<GradFn>("Generated", name + "Grad");

    public GradFn Tape(string name) => _assembly.Delegate<GradFn>("Tape", name + "Grad");

    public void Dispose() => _assembly.Dispose();
}
