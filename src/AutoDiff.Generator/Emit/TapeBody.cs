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
        var arguments = method.Parameters.Select(p => p.Role switch
        {
            ParamRole.Scalar => "_" + p.Name,
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
                    break;
            }
        }

        body.Line("var _output = " + method.FallbackName + "(" + string.Join(", ", arguments) + ");");
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
}
