using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Lowering;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Parsing;

namespace AutoDiff.Generator.Emit;

/// <summary>
/// The members of a vector-valued method: <c>{Name}Pullback</c> (a vector-Jacobian product), <c>{Name}Pushforward</c>
/// (a Jacobian-vector product; private unless the method asked for it, since the Jacobian runs it) and
/// <c>{Name}Jacobian</c>, which runs whichever of the two needs fewer passes for the shape at the call.
/// </summary>
internal static class VectorEmitter
{
    public static void Write(SourceWriter writer, MethodModel method)
    {
        var vector = method.Vector!;
        WritePullback(writer, method, vector);
        if (vector.Forward)
        {
            writer.Line();
            WritePushforward(writer, method, vector);
        }

        writer.Line();
        WriteJacobian(writer, method, vector);
    }

    private static string Scalar(MethodModel method) => method.ReturnKind.Keyword();

    private static string SpanOf(MethodModel method, bool readOnly) => "global::System." + (readOnly ? "ReadOnlySpan<" : "Span<") + Scalar(method) + ">";

    private static IEnumerable<ParameterModel> Inputs(MethodModel method) => method.Parameters.Where(p => p.Role != ParamRole.Passive);

    private static IEnumerable<string> Primal(MethodModel method, bool withOutput) =>
        method.Parameters.Where(p => withOutput || p.Name != method.Vector!.Span).Select(p => p.TypeText + " " + p.Name);

    private static void WritePullback(SourceWriter writer, MethodModel method, VectorOutput vector)
    {
        var seeds = vector.IsTuple
            ? vector.Seeds.Select(s => Scalar(method) + " " + s)
            : [SpanOf(method, readOnly: true) + " " + vector.Cotangent];
        var adjoints = Inputs(method).Select(p => Emitter.Out(p, p.AdjointName!, "ref"));
        writer.Line(vector.IsTuple
            ? "/// <summary>Pullback of <c>" + method.Name + "</c> (a vector-Jacobian product): adds the seeds times the Jacobian into the adjoints, seed k weighting output k.</summary>"
            : "/// <summary>Pullback of <c>" + method.Name + "</c> (a vector-Jacobian product): writes <paramref name=\"" + vector.Span + "\"/> and adds <paramref name=\"" + vector.Cotangent + "\"/> times the Jacobian into the adjoints.</summary>");
        writer.Line(Emitter.GeneratedCode);
        writer.Open(method.Accessibility + " static void " + method.Name + "Pullback(" + string.Join(", ", Primal(method, withOutput: true).Concat(seeds).Concat(adjoints)) + ")");
        Emitter.WriteBody(writer, AdjointWriter.Write(method, pullback: true));
        writer.Close();
    }

    private static void WritePushforward(SourceWriter writer, MethodModel method, VectorOutput vector)
    {
        var tangents = Inputs(method).Select(p => Emitter.In(p, p.TangentName!));
        var outputs = vector.IsTuple
            ? vector.Tangents.Select(t => "out " + Scalar(method) + " " + t)
            : [SpanOf(method, readOnly: false) + " " + vector.Span, SpanOf(method, readOnly: false) + " " + method.TangentName];
        writer.Line(vector.IsTuple
            ? "/// <summary>Value of <c>" + method.Name + "</c> and the directional derivative of each output along the tangents (forward mode, a Jacobian-vector product).</summary>"
            : "/// <summary>Writes <paramref name=\"" + vector.Span + "\"/> and, into <paramref name=\"" + method.TangentName + "\"/>, the directional derivative of each output along the tangents (forward mode, a Jacobian-vector product).</summary>");
        writer.Line(Emitter.GeneratedCode);
        var accessibility = vector.PublicPushforward ? method.Accessibility : "private";
        writer.Open(accessibility + " static " + (vector.IsTuple ? vector.ReturnTypeText : "void") + " " + method.Name + "Pushforward(" + string.Join(", ", Primal(method, withOutput: false).Concat(tangents).Concat(outputs)) + ")");
        Emitter.WriteBody(writer, AdjointWriter.WritePushforward(method));
        writer.Close();
    }

    /// <summary>
    /// M x N row-major over the inputs flattened in parameter order. Forward mode costs N pushforwards, reverse mode M
    /// pullbacks; each also recomputes the outputs. The unit directions live on the stack when small and in a pooled
    /// array otherwise, so a call allocates nothing once the pool is warm.
    /// </summary>
    private static void WriteJacobian(SourceWriter writer, MethodModel method, VectorOutput vector)
    {
        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name).Append(vector.Jacobian));
        string Local(string stem) => AdjointNames.Unique(stem, taken);
        var (inputs, outputs, row, i, j) = (Local("_inputs"), Local("_outputs"), Local("_row"), Local("_i"), Local("_j"));
        var scalar = Scalar(method);
        var jacobian = vector.Jacobian;
        var inputCount = InputCount(method);
        var outputCount = vector.IsTuple ? vector.Elements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : vector.Span + ".Length";

        writer.Line("/// <summary>The Jacobian of <c>" + method.Name + "</c> into <paramref name=\"" + jacobian + "\"/>, row-major: row i is output i, column j the j-th differentiable input (a span contributes one column per element). Forward mode when there are fewer inputs than outputs, reverse mode otherwise.</summary>");
        writer.Line(Emitter.GeneratedCode);
        writer.Open(method.Accessibility + " static " + (vector.IsTuple ? vector.ReturnTypeText : "void") + " " + method.Name + "Jacobian(" + string.Join(", ", Primal(method, withOutput: true).Append(SpanOf(method, readOnly: false) + " " + jacobian)) + ")");
        writer.Line("int " + inputs + " = " + inputCount + ";");
        writer.Line("int " + outputs + " = " + outputCount + ";");
        writer.Open("if (" + jacobian + ".Length != " + outputs + " * " + inputs + ")");
        writer.Line("throw new global::System.ArgumentException($\"The Jacobian '" + jacobian + "' has length {" + jacobian + ".Length} but needs {" + outputs + " * " + inputs + "} ({" + outputs + "} outputs x {" + inputs + "} inputs).\", nameof(" + jacobian + "));");
        writer.Close();
        var rent = "global::System.Buffers.ArrayPool<" + scalar + ">.Shared";
        // A tuple of scalars has both counts fixed: the choice is made here and only one mode is written.
        bool? forwardIsCheaper = vector.IsTuple && int.TryParse(inputCount, out var fixedInputs) ? 0 < fixedInputs && fixedInputs < vector.Elements.Count : null;

        if (vector.Forward && forwardIsCheaper != false)
        {
            var (direction, column, work, value, pool) = (Local("_direction"), Local("_column"), Local("_work"), Local("_value"), Local("_directionPool"));
            writer.Line();
            writer.Line("// Fewer inputs than outputs: one pushforward per input, along its unit direction, gives a column.");
            if (forwardIsCheaper is null)
            {
                writer.Open("if (0 < " + inputs + " && " + inputs + " < " + outputs + ")");
            }

            var size = vector.IsTuple ? inputs : inputs + " + " + outputs;
            writer.Line(scalar + "[]? " + pool + " = null;");
            writer.Line("global::System.Span<" + scalar + "> " + work + " = " + size + " <= 256 ? stackalloc " + scalar + "[" + size + "] : (" + pool + " = " + rent + ".Rent(" + size + ")).AsSpan(0, " + size + ");");
            writer.Line("global::System.Span<" + scalar + "> " + direction + " = " + work + ".Slice(0, " + inputs + ");");
            if (!vector.IsTuple)
            {
                writer.Line("global::System.Span<" + scalar + "> " + column + " = " + work + ".Slice(" + inputs + ", " + outputs + ");");
            }
            else
            {
                writer.Line(vector.ReturnTypeText + " " + value + " = default;");
            }

            writer.Line(direction + ".Clear();");
            writer.Open("for (int " + j + " = 0; " + j + " < " + inputs + "; " + j + "++)");
            writer.Line(direction + "[" + j + "] = 1;");
            var tangents = Flattened(method, (p, offset) => p.Role == ParamRole.Span ? direction + ".Slice(" + offset + ", " + p.Name + ".Length)" : direction + "[" + offset + "]");
            var primal = method.Parameters.Where(p => p.Name != vector.Span).Select(p => p.Name);
            if (vector.IsTuple)
            {
                var columns = vector.Elements.Select(e => Local("_column" + e)).ToList();
                writer.Line(value + " = " + method.Name + "Pushforward(" + string.Join(", ", primal.Concat(tangents).Concat(columns.Select(c => "out " + scalar + " " + c))) + ");");
                writer.Line(direction + "[" + j + "] = 0;");
                for (var k = 0; k < columns.Count; k++)
                {
                    writer.Line(jacobian + "[" + Offset(k, inputs) + j + "] = " + columns[k] + ";");
                }
            }
            else
            {
                writer.Line(method.Name + "Pushforward(" + string.Join(", ", primal.Concat(tangents).Append(vector.Span!).Append(column)) + ");");
                writer.Line(direction + "[" + j + "] = 0;");
                writer.Open("for (int " + i + " = 0; " + i + " < " + outputs + "; " + i + "++)");
                writer.Line(jacobian + "[" + i + " * " + inputs + " + " + j + "] = " + column + "[" + i + "];");
                writer.Close();
            }

            writer.Close();
            writer.Open("if (" + pool + " is not null)");
            writer.Line(rent + ".Return(" + pool + ");");
            writer.Close();
            writer.Line(vector.IsTuple ? "return " + value + ";" : "return;");
            writer.Close();
            if (forwardIsCheaper == true)
            {
                return;
            }
        }

        writer.Line();
        writer.Line("// One pullback per output, with its unit cotangent, gives a row.");
        writer.Line(jacobian + ".Clear();");
        var adjoints = Flattened(method, (p, offset) => p.Role == ParamRole.Span ? row + ".Slice(" + offset + ", " + p.Name + ".Length)" : "ref " + row + "[" + offset + "]");
        var arguments = method.Parameters.Select(p => p.Name);
        if (vector.IsTuple)
        {
            writer.Open("for (int " + i + " = 0; " + i + " < " + outputs + "; " + i + "++)");
            writer.Line("global::System.Span<" + scalar + "> " + row + " = " + jacobian + ".Slice(" + i + " * " + inputs + ", " + inputs + ");");
            var seeds = vector.Elements.Select((_, k) => i + " == " + k + " ? 1 : 0");
            writer.Line(method.Name + "Pullback(" + string.Join(", ", arguments.Concat(seeds).Concat(adjoints)) + ");");
            writer.Close();
            writer.Line("return " + method.Name + "(" + string.Join(", ", arguments) + ");");
        }
        else
        {
            var (cotangent, pool) = (Local("_cotangent"), Local("_cotangentPool"));
            writer.Line(scalar + "[]? " + pool + " = null;");
            writer.Line("global::System.Span<" + scalar + "> " + cotangent + " = " + outputs + " <= 256 ? stackalloc " + scalar + "[" + outputs + "] : (" + pool + " = " + rent + ".Rent(" + outputs + ")).AsSpan(0, " + outputs + ");");
            writer.Line(cotangent + ".Clear();");
            writer.Open("for (int " + i + " = 0; " + i + " < " + outputs + "; " + i + "++)");
            writer.Line(cotangent + "[" + i + "] = 1;");
            writer.Line("global::System.Span<" + scalar + "> " + row + " = " + jacobian + ".Slice(" + i + " * " + inputs + ", " + inputs + ");");
            writer.Line(method.Name + "Pullback(" + string.Join(", ", arguments.Append(cotangent).Concat(adjoints)) + ");");
            writer.Line(cotangent + "[" + i + "] = 0;");
            writer.Close();
            writer.Open("if (" + pool + " is not null)");
            writer.Line(rent + ".Return(" + pool + ");");
            writer.Close();
        }

        writer.Close();
    }

    /// <summary>The number of differentiable inputs, flattened: <c>x.Length + 1</c> for a span and a scalar.</summary>
    private static string InputCount(MethodModel method)
    {
        var spans = Inputs(method).Where(p => p.Role == ParamRole.Span).Select(p => p.Name + ".Length").ToList();
        var scalars = Inputs(method).Count(p => p.Role != ParamRole.Span);
        if (scalars > 0 || spans.Count == 0)
        {
            spans.Add(scalars.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join(" + ", spans);
    }

    /// <summary>One argument per differentiable input, given where its entries start in the flattened order.</summary>
    private static IEnumerable<string> Flattened(MethodModel method, System.Func<ParameterModel, string, string> argument)
    {
        var offset = new List<string>();
        var constant = 0;
        foreach (var p in Inputs(method))
        {
            var parts = offset.Concat(constant > 0 || offset.Count == 0 ? [constant.ToString(System.Globalization.CultureInfo.InvariantCulture)] : []);
            yield return argument(p, string.Join(" + ", parts));
            if (p.Role == ParamRole.Span)
            {
                offset.Add(p.Name + ".Length");
            }
            else
            {
                constant++;
            }
        }
    }

    /// <summary><c>k * inputs + </c>, or nothing for row 0.</summary>
    private static string Offset(int k, string inputs) => k == 0 ? string.Empty : k + " * " + inputs + " + ";
}
