using AutoDiff.PropertyTests.Programs;

namespace AutoDiff.PropertyTests.Compiling;

/// <summary>Uniform entry points over every random function, so tests call them through typed delegates (spans cannot go through reflection).</summary>
internal delegate double EvalFn(double[] scalars, double[] span);

/// <summary>Value and gradient; <c>WithGradient</c> (generated) or the tape, writing into <paramref name="dScalars"/> and <paramref name="dSpan"/>.</summary>
internal delegate double GradFn(double[] scalars, double[] span, double[] dScalars, double[] dSpan);

/// <summary>The generated pullback: adds <paramref name="seed"/> times the gradient into the adjoints.</summary>
internal delegate void PullbackFn(double[] scalars, double[] span, double seed, double[] dScalars, double[] dSpan);

/// <summary>The generated pushforward: the directional derivative along the tangents (<paramref name="ts"/>, <paramref name="tw"/>).</summary>
internal delegate double JvpFn(double[] scalars, double[] span, double[] ts, double[] tw);

/// <summary>The generated Hessian-vector product: the gradient into <paramref name="ds"/>/<paramref name="dw"/>, the Hessian times (<paramref name="vs"/>, <paramref name="vw"/>) into <paramref name="hs"/>/<paramref name="hw"/>.</summary>
internal delegate double HvpFn(double[] scalars, double[] span, double[] vs, double[] vw, double[] ds, double[] dw, double[] hs, double[] hw);

/// <summary>Writes the class <c>H{id}</c> that adapts <c>F{id}</c>, its generated members and its tape twin to the delegates above.</summary>
internal static class Harness
{
    public static string Write(RandomFunction function, int id, bool withGenerated, bool withTape)
    {
        var scalars = Enumerable.Range(0, function.ScalarCount).ToArray();
        var args = scalars.Select(i => $"s[{i}]").ToList();
        var outs = scalars.Select(i => $"out ds[{i}]").ToList();
        var refs = scalars.Select(i => $"ref ds[{i}]").ToList();
        var values = scalars.Select(i => $"v{i}").ToList();
        if (function.HasSpan)
        {
            args.Add("w");
            outs.Add("dw");
            refs.Add("dw");
            values.Add("vw");
        }

        var sizes = function.Sizes;
        if (sizes is not null)
        {
            args.Add("Sizes");
            values.Add("Sizes");
        }

        var lines = new SourceLines(0);
        lines.Add($"public static class H{id}");
        lines.Open();
        if (sizes is not null)
        {
            lines.Add($"private static readonly int[] Sizes = {{ {string.Join(", ", sizes)} }};");
        }

        lines.Add($"public static double Eval(double[] s, double[] w) => P{id}.F{id}({string.Join(", ", args)});");
        if (withGenerated)
        {
            lines.Add($"public static double Grad(double[] s, double[] w, double[] ds, double[] dw) => P{id}.F{id}WithGradient({string.Join(", ", args.Concat(outs))});");
            lines.Add($"public static void Pullback(double[] s, double[] w, double seed, double[] ds, double[] dw) => P{id}.F{id}Pullback({string.Join(", ", args.Append("seed").Concat(refs))});");
            if (function.HasEveryKind(id))
            {
                var tangents = scalars.Select(i => $"ts[{i}]").Concat(function.HasSpan ? ["tw"] : []);
                var directions = scalars.Select(i => $"vs[{i}]").Concat(function.HasSpan ? ["vw"] : []);
                var products = scalars.Select(i => $"out hs[{i}]").Concat(function.HasSpan ? ["hw"] : []);
                lines.Add($"public static double Jvp(double[] s, double[] w, double[] ts, double[] tw) {{ P{id}.F{id}Pushforward({string.Join(", ", args.Concat(tangents))}, out double tangent); return tangent; }}");
                lines.Add($"public static double Hvp(double[] s, double[] w, double[] vs, double[] vw, double[] ds, double[] dw, double[] hs, double[] hw) => P{id}.F{id}HessianVectorProduct({string.Join(", ", args.Concat(directions).Concat(outs).Concat(products))});");
            }
        }

        if (withTape)
        {
            lines.Add("public static double Tape(double[] s, double[] w, double[] ds, double[] dw)");
            lines.Open();
            foreach (var i in scalars)
            {
                lines.Add($"var v{i} = new Value(s[{i}]);");
            }

            lines.Add("var vw = new Value[w.Length];");
            lines.Add("for (int j = 0; j < w.Length; j++) vw[j] = new Value(w[j]);");
            lines.Add($"var result = T{id}.F{id}({string.Join(", ", values)});");
            lines.Add("result.Backward();");
            foreach (var i in scalars)
            {
                lines.Add($"ds[{i}] = v{i}.Grad;");
            }

            lines.Add("for (int j = 0; j < w.Length; j++) dw[j] = vw[j].Grad;");
            lines.Add("return result.Data;");
            lines.Close();
        }

        lines.Close();
        return lines.ToString();
    }
}
