using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Lowering;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Parsing;
using AutoDiff.Generator.Passes;
using AutoDiff.Generator.Printing;

namespace AutoDiff.Generator.Emit;

/// <summary>
/// The second-order members of a method marked <c>Derivatives.Hessian</c>: the Hessian-vector product
/// (forward-over-reverse: the gradient's code with tangents along a direction carried through it), the full
/// Hessian built from one such product per differentiable input, and the second-order pullback the
/// Hessian-vector products of other methods call.
/// </summary>
internal static partial class Emitter
{
    private static void WriteSecondOrder(SourceWriter writer, MethodModel method)
    {
        var scalar = method.ReturnKind.Keyword();
        var active = method.Parameters.Where(p => p.Role != ParamRole.Passive).ToList();
        var primal = method.Parameters.Select(p => p.TypeText + " " + p.Name);
        var directions = active.Select(p => In(p, p.DirectionName!));

        writer.Line();
        writer.Line("/// <summary>Value and gradient of <c>" + method.Name + "</c>, and the Hessian times the direction (forward over reverse): each product output is the directional derivative of that parameter's gradient along the direction parameters.</summary>");
        writer.Line(GeneratedCode);
        writer.Open(method.Accessibility + " static " + scalar + " " + method.Name + "HessianVectorProduct(" + string.Join(", ", primal
            .Concat(directions)
            .Concat(active.Select(p => Out(p, p.AdjointName!, "out")))
            .Concat(active.Select(p => Out(p, p.ProductName!, "out")))) + ")");
        WriteBody(writer, AdjointWriter.WriteHessianVector(method, pullback: false));
        writer.Close();

        writer.Line();
        writer.Line("/// <summary>Value and gradient of <c>" + method.Name + "</c>, and its Hessian: N x N, row-major, over the differentiable parameters flattened in order (a scalar is one entry, a span its elements); one Hessian-vector product per row, then symmetrized.</summary>");
        writer.Line(GeneratedCode);
        writer.Open(method.Accessibility + " static " + scalar + " " + method.Name + "WithHessian(" + string.Join(", ", primal
            .Concat(active.Select(p => Out(p, p.AdjointName!, "out")))
            .Append("global::System.Span<" + scalar + "> " + method.HessianName)) + ")");
        WriteBody(writer, WithHessianBody(method, active));
        writer.Close();

        writer.Line();
        writer.Line("/// <summary>Second-order pullback of <c>" + method.Name + "</c>, what the Hessian-vector products of methods calling it use: adds <paramref name=\"" + method.SeedName + "\"/> times the gradient into the adjoints, as the pullback does, and the directional derivative of that along the directions and <paramref name=\"" + method.SeedDirectionName + "\"/> into the products.</summary>");
        writer.Line(GeneratedCode);
        writer.Open(method.Accessibility + " static void " + method.Name + "PullbackPushforward(" + string.Join(", ", primal
            .Concat(directions)
            .Append(scalar + " " + method.SeedName)
            .Append(scalar + " " + method.SeedDirectionName)
            .Concat(active.Select(p => Out(p, p.AdjointName!, "ref")))
            .Concat(active.Select(p => Out(p, p.ProductName!, "ref")))) + ")");
        WriteBody(writer, AdjointWriter.WriteHessianVector(method, pullback: true));
        writer.Close();
    }

    /// <summary>Writes a generated body's statements at the writer's indentation.</summary>
    internal static void WriteBody(SourceWriter writer, Block body)
    {
        foreach (var line in IrPrinter.Print(UnreadTemporaries.Drop(body)))
        {
            writer.Line(line);
        }
    }

    /// <summary>An input like <paramref name="parameter"/>: a scalar, or a read-only span of its elements.</summary>
    internal static string In(ParameterModel parameter, string name) =>
        parameter.Role == ParamRole.Span
            ? "global::System.ReadOnlySpan<" + parameter.ElementKind.Keyword() + "> " + name
            : parameter.ElementKind.Keyword() + " " + name;

    /// <summary>An output for <paramref name="parameter"/>: an <c>out</c>/<c>ref</c> scalar, or a span of its elements.</summary>
    internal static string Out(ParameterModel parameter, string name, string keyword) =>
        parameter.Role == ParamRole.Span
            ? "global::System.Span<" + parameter.ElementKind.Keyword() + "> " + name
            : keyword + " " + parameter.ElementKind.Keyword() + " " + name;

    /// <summary>
    /// One Hessian-vector product per row: the direction is the unit vector of that row's input, and the products
    /// land in the row itself (a scalar's entry by reference, a span's as a slice). The rows agree with the
    /// columns to rounding; the mean of each pair is stored so the matrix is exactly symmetric.
    /// </summary>
    private static Block WithHessianBody(MethodModel method, IReadOnlyList<ParameterModel> active)
    {
        var kind = method.ReturnKind;
        var type = kind.Keyword();
        var taken = new HashSet<string>(method.Parameters.SelectMany(p => new[] { p.Name, p.AdjointName }).Where(n => n is not null)!);
        taken.Add(method.HessianName);
        string Local(string stem) => AdjointNames.Unique(stem, taken);

        var size = Local("_n");
        var value = Local("_value");
        var hessian = Code.Atom(method.HessianName);
        var body = new Block();

        // Where each input starts in a row: the scalars and span lengths before it.
        var offsets = new List<Code>();
        Code total = Code.Number(0, NumKind.Int);
        foreach (var parameter in active)
        {
            offsets.Add(total);
            var length = parameter.Role == ParamRole.Span ? Code.Member(Code.Atom(parameter.Name), "Length") : Code.Number(1, NumKind.Int);
            total = total.IsZeroLiteral ? length : Code.Add(total, length);
        }

        body.Declare("int", size, total);
        var n = Code.Atom(size);
        body.If(
            Code.Binary(Code.Member(hessian, "Length"), "!=", Code.Mul(n, n), Code.Equality),
            new Block([new ThrowArgumentNode(
                "The Hessian '" + method.HessianName + "' has length {" + method.HessianName + ".Length} but the {" + size + "} differentiable inputs need {" + size + " * " + size + "} entries (N x N, row-major).",
                method.HessianName)]));

        // A zero direction for every span; the row's unit entry is set and cleared around its product.
        var directionOf = new Dictionary<ParameterModel, string>();
        var pools = new List<string>();
        foreach (var parameter in active.Where(p => p.Role == ParamRole.Span))
        {
            var element = parameter.ElementKind.Keyword();
            var direction = Local("_v" + parameter.Name.TrimStart('@', '_'));
            var length = Code.Member(Code.Atom(parameter.Name), "Length");
            body.Declare(element + "[]", direction + "_pool", Code.Call("global::System.Buffers.ArrayPool<" + element + ">.Shared.Rent", length));
            body.Declare("global::System.Span<" + element + ">", direction, Code.Call(direction + "_pool.AsSpan", Code.Number(0, NumKind.Int), length));
            body.Add(new ExpressionNode(Code.Call(direction + ".Clear")));
            directionOf[parameter] = direction;
            pools.Add(direction + "_pool");
        }

        body.Declare(type, value, Code.Number(0, kind));
        if (active.All(p => p.Role == ParamRole.Span))
        {
            // With no scalar input there may be no row at all (empty spans): the value and gradient come from here.
            body.If(Code.Binary(n, "==", Code.Number(0, NumKind.Int), Code.Equality), new Block([new AssignNode(
                Code.Atom(value), "=", Code.Call(method.Name + "WithGradient", method.Parameters.Select(p => Code.Atom(p.Name))
                    .Concat(active.Select(p => p.Role == ParamRole.Span ? Code.Atom(p.AdjointName!) : Code.Ref(p.AdjointName!, "out"))).ToArray()))]));
        }

        for (var row = 0; row < active.Count; row++)
        {
            var parameter = active[row];
            if (parameter.Role == ParamRole.Scalar)
            {
                body.Add(ProductRow(method, active, offsets, directionOf, value, n, offsets[row], parameter));
                continue;
            }

            var index = Local("_i");
            var i = Code.Atom(index);
            var unit = Code.Index(directionOf[parameter], i);
            var start = offsets[row].IsZeroLiteral ? i : Code.Add(offsets[row], i);
            var loop = new Block();
            loop.Assign(unit, "=", Code.Number(1, kind));
            loop.Add(ProductRow(method, active, offsets, directionOf, value, n, start, parameter));
            loop.Assign(unit, "=", Code.Number(0, kind));
            body.Add(new LoopNode(
                LoopForm.For,
                new DeclareNode("int", index, Code.Number(0, NumKind.Int)),
                Code.Binary(i, "<", Code.Member(Code.Atom(parameter.Name), "Length"), Code.Relational),
                new AssignNode(i, "++", null),
                loop));
        }

        foreach (var pool in pools)
        {
            body.Add(new ExpressionNode(Code.Call("global::System.Buffers.ArrayPool<" + type + ">.Shared.Return", Code.Atom(pool))));
        }

        body.Add(Symmetrize(kind, hessian, n, Local("_r"), Local("_c"), Local("_mean")));
        body.Add(new ReturnNode(Code.Atom(value)));
        return body;
    }

    /// <summary>The Hessian-vector product whose direction is the unit vector of row <paramref name="row"/>, written into that row.</summary>
    private static AssignNode ProductRow(
        MethodModel method,
        IReadOnlyList<ParameterModel> active,
        IReadOnlyList<Code> offsets,
        IReadOnlyDictionary<ParameterModel, string> directionOf,
        string value,
        Code n,
        Code row,
        ParameterModel rowInput)
    {
        var rowStart = row.IsZeroLiteral ? row : Code.Mul(row, n);
        var arguments = method.Parameters.Select(p => Code.Atom(p.Name)).ToList();
        arguments.AddRange(active.Select(p => p.Role == ParamRole.Span
            ? Code.Atom(directionOf[p])
            : Code.Number(p == rowInput ? 1 : 0, p.ElementKind)));
        arguments.AddRange(active.Select(p => p.Role == ParamRole.Span ? Code.Atom(p.AdjointName!) : Code.Ref(p.AdjointName!, "out")));
        for (var k = 0; k < active.Count; k++)
        {
            var entry = offsets[k].IsZeroLiteral ? rowStart : rowStart.IsZeroLiteral ? offsets[k] : Code.Add(rowStart, offsets[k]);
            arguments.Add(active[k].Role == ParamRole.Span
                ? Code.Call(method.HessianName + ".Slice", entry, Code.Member(Code.Atom(active[k].Name), "Length"))
                : Code.Ref(Code.Index(method.HessianName, entry).Text, "out"));
        }

        return new AssignNode(Code.Atom(value), "=", Code.Call(method.Name + "HessianVectorProduct", arguments.ToArray()));
    }

    /// <summary>Stores the mean of each pair of mirrored entries in both.</summary>
    private static LoopNode Symmetrize(NumKind kind, Code hessian, Code n, string rowName, string columnName, string meanName)
    {
        var r = Code.Atom(rowName);
        var c = Code.Atom(columnName);
        var upper = Code.Index(hessian.Text, Code.Add(Code.Mul(r, n), c));
        var lower = Code.Index(hessian.Text, Code.Add(Code.Mul(c, n), r));
        var inner = new Block();
        inner.Declare(kind.Keyword(), meanName, Code.Mul(Code.Number(0.5, kind), Code.Add(upper, lower)));
        inner.Assign(upper, "=", Code.Atom(meanName));
        inner.Assign(lower, "=", Code.Atom(meanName));
        return new LoopNode(
            LoopForm.For,
            new DeclareNode("int", rowName, Code.Number(0, NumKind.Int)),
            Code.Binary(r, "<", n, Code.Relational),
            new AssignNode(r, "++", null),
            new Block([new LoopNode(
                LoopForm.For,
                new DeclareNode("int", columnName, Code.Add(r, Code.Number(1, NumKind.Int))),
                Code.Binary(c, "<", n, Code.Relational),
                new AssignNode(c, "++", null),
                inner)]));
    }
}
