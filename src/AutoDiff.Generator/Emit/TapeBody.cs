using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Parsing;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Lowering;

namespace AutoDiff.Generator.Emit;

/// <summary>
/// WithGradient/Pullback bodies that run the method on the runtime tape: inputs become Value leaves, the
/// rewritten body runs forward, Backward() fills the leaves' Grad, and those are copied (or, for the pullback,
/// added times the seed) into the adjoints.
/// </summary>
internal static class TapeBody
{
    public static Block Write(MethodModel method, bool pullback)
    {
        var body = new Block();
        const string value = TapeRewriter.ValueType;
        body.Line("// Runs on the runtime tape (AutoDiff.Value) because " + method.FallbackReason + ".");
        // A writable array or span parameter goes to the body as a copy of its leaves' array: a body that stores into
        // it (through any alias) replaces elements of the copy, each leaf's gradient is still read from the leaf, and
        // what the body stored is written back into the caller's array afterwards, as the source stores it there.
        var arguments = method.Parameters.Select(p => p.Role switch
        {
            ParamRole.Scalar => "_" + p.Name,
            ParamRole.Span when IsWritable(p) => "_" + p.Name + "Held",
            ParamRole.Span => "_" + p.Name,
            _ => p.Name,
        });
        foreach (var parameter in method.Parameters)
        {
            switch (parameter.Role)
            {
                case ParamRole.Scalar:
                    body.Line("var _" + parameter.Name + " = new " + value + "(" + parameter.Name + ", \"" + parameter.Name + "\");");
                    break;
                case ParamRole.Span:
                    body.Line("if (" + parameter.AdjointName + ".Length != " + parameter.Name + ".Length)");
                    body.Line("{");
                    body.Line("    throw new global::System.ArgumentException($\"The adjoint '" + parameter.AdjointName + "' has length {" + parameter.AdjointName + ".Length} but parameter '" + parameter.Name + "' has length {" + parameter.Name + ".Length}; they must be equal.\", nameof(" + parameter.AdjointName + "));");
                    body.Line("}");
                    body.Line("var _" + parameter.Name + " = new " + value + "[" + parameter.Name + ".Length];");
                    body.Line("for (int _i = 0; _i < _" + parameter.Name + ".Length; _i++)");
                    body.Line("{");
                    body.Line("    _" + parameter.Name + "[_i] = new " + value + "(" + parameter.Name + "[_i]);");
                    body.Line("}");
                    if (IsWritable(parameter))
                    {
                        body.Line("var _" + parameter.Name + "Held = (" + value + "[])_" + parameter.Name + ".Clone();");
                    }

                    break;
            }
        }

        var written = method.Parameters.Where(p => p.Role == ParamRole.Span && IsWritable(p)).ToList();
        var call = method.FallbackName + "(" + string.Join(", ", arguments) + ")";
        if (written.Count == 0)
        {
            body.Line("var _output = " + call + ";");
        }
        else
        {
            // What the body stored reaches the caller's array even when the body throws, as the source's stores do.
            body.Line(value + " _output;");
            body.Line("try");
            body.Line("{");
            body.Line("    _output = " + call + ";");
            body.Line("}");
            body.Line("finally");
            body.Line("{");
            foreach (var parameter in written)
            {
                body.Line("    " + Services + ".WriteBack(_" + parameter.Name + "Held, " + parameter.Name + ");");
            }

            body.Line("}");

            // Two parameters that share elements (F(w, w)) are two arrays of leaves on the tape: a store through one
            // would not be seen through the other, so the tape refuses to give that result.
            foreach (var parameter in written)
            {
                foreach (var other in method.Parameters.Where(o => o != parameter && o.ElementKind == parameter.ElementKind && IsSequence(o)))
                {
                    body.Line(Services + ".RequireUnshared(_" + parameter.Name + ", _" + parameter.Name + "Held, " + parameter.Name + ", " + other.Name + ", nameof(" + parameter.Name + "), nameof(" + other.Name + "));");
                }
            }
        }

        body.Line("_output.Backward();");

        var cast = method.ReturnKind == NumKind.Float ? "(float)" : string.Empty;
        foreach (var parameter in method.Parameters.Where(p => p.Role != ParamRole.Passive))
        {
            var grad = pullback ? method.SeedName + " * " : string.Empty;
            var elementCast = parameter.ElementKind == NumKind.Float ? "(float)" : string.Empty;
            string Read(string leaf) => elementCast.Length > 0 ? elementCast + "(" + grad + leaf + ")" : grad + leaf;
            var op = pullback ? " += " : " = ";
            if (parameter.Role == ParamRole.Scalar)
            {
                body.Line(parameter.AdjointName + op + Read("_" + parameter.Name + ".Grad") + ";");
            }
            else
            {
                body.Line("for (int _i = 0; _i < _" + parameter.Name + ".Length; _i++)");
                body.Line("{");
                body.Line("    " + parameter.AdjointName + "[_i]" + op + Read("_" + parameter.Name + "[_i].Grad") + ";");
                body.Line("}");
            }
        }

        if (!pullback)
        {
            body.Line("return " + cast + "_output.Data;");
        }

        body.Line(string.Empty);
        var signature = method.Parameters.Select(p => p.Role switch
        {
            ParamRole.Scalar => value + " " + p.Name,
            ParamRole.Span => value + "[] " + p.Name,
            _ => p.TypeText + " " + p.Name,
        });
        var header = "static " + value + " " + method.FallbackName + "(" + string.Join(", ", signature) + ")";
        var lines = method.FallbackBody!.Split('\n');
        if (lines[0].StartsWith("=>", System.StringComparison.Ordinal))
        {
            body.Line(header + " " + string.Join(" ", lines) + ";");
        }
        else
        {
            body.Line(header);
            foreach (var line in lines)
            {
                body.Line(line);
            }
        }

        return body;
    }

    private const string Services = "global::AutoDiff.CompilerServices.TapeSpans";

    private static bool IsSequence(ParameterModel parameter) =>
        parameter.TypeText.EndsWith("[]", System.StringComparison.Ordinal) || parameter.TypeText.Contains("Span<");

    private static bool IsWritable(ParameterModel parameter) =>
        parameter.TypeText.EndsWith("[]", System.StringComparison.Ordinal) || parameter.TypeText.Contains("System.Span<");
}
