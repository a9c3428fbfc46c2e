using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Vector-valued methods in both lowerings. A span output is a buffer like a local one: the reverse sweep starts
/// its adjoint at the caller's cotangent (a pooled copy, since the sweep zeroes what it has passed on), and the
/// forward sweep keeps its tangent in the caller's <c>tangent</c> span. A tuple return seeds each element with its
/// own seed, and the forward sweep hands each element's tangent out. A deconstructed call of another tuple method
/// reads each element through that method's pullback (or pushforward).
/// </summary>
internal sealed partial class AdjointWriter
{
    private VectorOutput? Vector => _method.Vector;

    /// <summary>The output span's adjoint, and the names of the generated parameters, claimed before any temporary.</summary>
    private void DeclareVectorAdjoints()
    {
        if (Vector is null)
        {
            return;
        }

        foreach (var name in Vector.Seeds.Concat(Vector.Tangents).Append(Vector.Cotangent).Append(_method.TangentName))
        {
            _usedNames.Add(name);
        }

        if (Vector.Span is { } span)
        {
            _adjointOf[span] = Fresh("_d" + span);
        }
    }

    /// <summary>Checks the cotangent's length and starts the output's adjoint at it.</summary>
    private void VectorPrologue(Block body)
    {
        if (Vector?.Span is not { } span)
        {
            return;
        }

        body.Add(LengthCheck("cotangent", Vector.Cotangent, span));
        var type = _method.ReturnKind.Keyword();
        var adjoint = _adjointOf[span];
        var length = Code.Member(Code.Atom(span), "Length");
        body.Declare(type + "[]", adjoint + "_pool", Code.Call("global::System.Buffers.ArrayPool<" + type + ">.Shared.Rent", length));
        body.Declare("global::System.Span<" + type + ">", adjoint, Code.Call(adjoint + "_pool.AsSpan", Code.Number(0, NumKind.Int), length));
        body.Add(new ExpressionNode(Code.Call(Vector.Cotangent + ".CopyTo", Code.Atom(adjoint))));
    }

    /// <summary>
    /// When the reverse sweep restores overwritten outputs (the body read them), the values the primal sweep left
    /// are kept aside and written back at the end, so the caller sees the outputs, not what they were before.
    /// </summary>
    private void VectorAfterPrimal(Block sweeps)
    {
        if (Vector?.Span is not { } span || !RestoresOutput(span))
        {
            return;
        }

        var type = _method.ReturnKind.Keyword();
        var length = Code.Member(Code.Atom(span), "Length");
        sweeps.Declare(type + "[]", span + "_final", Code.Call("global::System.Buffers.ArrayPool<" + type + ">.Shared.Rent", length));
        sweeps.Add(new ExpressionNode(Code.Call(span + ".CopyTo", Code.Atom(span + "_final"))));
    }

    private void VectorEpilogue(Block sweeps)
    {
        if (Vector?.Span is not { } span)
        {
            return;
        }

        var pool = "global::System.Buffers.ArrayPool<" + _method.ReturnKind.Keyword() + ">.Shared.Return";
        if (RestoresOutput(span))
        {
            sweeps.Add(new ExpressionNode(Code.Call(span + "_final.AsSpan(0, " + span + ".Length).CopyTo", Code.Atom(span))));
            sweeps.Add(new ExpressionNode(Code.Call(pool, Code.Atom(span + "_final"))));
        }

        sweeps.Add(new ExpressionNode(Code.Call(pool, Code.Atom(_adjointOf[span] + "_pool"))));
    }

    private bool RestoresOutput(string span) => _plan.Needed.Contains(span);

    /// <summary>
    /// <c>return (e1, e2, …);</c>: each element's adjoint sweep starts at its own seed. The pullback returns nothing,
    /// so the primal sweep computes no value here; the adjoint computes what the rules read.
    /// </summary>
    private void EmitTupleReturn(TupleExpr tuple, CommentNode comment, Block forward, Block reverse)
    {
        forward.Add(comment);
        var adjoint = new Block();
        ResetScopes();
        for (var k = 0; k < tuple.Elements.Count; k++)
        {
            BackpropStatement(tuple.Elements[k], Code.Atom(Vector!.Seeds[k]), Scalar, adjoint);
        }

        AddCommented(reverse, comment, adjoint);
    }

    /// <summary>The seeds of a tuple callee's pullback: this element's gradient, zero for the others.</summary>
    private static IReadOnlyList<Code> TupleSeeds(TupleElementExpr element, Code g) =>
        Enumerable.Range(0, element.Count).Select(k => k == element.Index ? g : Code.Number(0, element.Kind)).ToList();

    /// <summary>Forward mode: the output span's tangent is the caller's <c>tangent</c>, zero where nothing is written.</summary>
    private void VectorForwardPrologue(Block body)
    {
        if (Vector?.Span is not { } span)
        {
            return;
        }

        _tangentOf[span] = _method.TangentName;
        body.Add(LengthCheck("tangent", _method.TangentName, span));
        body.Add(new ExpressionNode(Code.Call(_method.TangentName + ".Clear")));
    }

    /// <summary>A void method ends without a return: its tangent buffers go back to the pool here.</summary>
    private void VectorForwardEpilogue(Block body)
    {
        if (Vector?.Span is null)
        {
            return;
        }

        foreach (var release in _tangentBufferReturns)
        {
            body.Add(release);
        }
    }

    /// <summary><c>return (e1, e2, …);</c> in forward mode: each element's tangent into its <c>out</c> parameter, then the tuple.</summary>
    private void ForwardTupleReturn(TupleExpr tuple, CommentNode comment, Block output)
    {
        output.Add(comment);
        ResetScopes();
        var tangents = new List<Code?>();
        foreach (var element in tuple.Elements)
        {
            tangents.Add(StatementTangent(element, output));
        }

        var values = tuple.Elements.Select(e => ExpressionRenderer.Render(e, _valueScopes.Peek())).ToArray();
        var result = Temp("_value");
        output.Declare("var", result, Code.Call(string.Empty, values));
        for (var k = 0; k < tuple.Elements.Count; k++)
        {
            output.Assign(Code.Atom(Vector!.Tangents[k]), "=", tangents[k] is { } t ? Convert(t, tuple.Elements[k].Kind, Scalar) : Code.Number(0, Scalar));
        }

        foreach (var release in _tangentBufferReturns)
        {
            output.Add(release);
        }

        output.Add(new ReturnNode(Code.Atom(result)));
    }

    /// <summary>
    /// An element of a tuple callee in forward mode: the callee's pushforward gives the whole tuple and every
    /// element's tangent; this element's value and tangent are read from them.
    /// </summary>
    private Code TupleElementTangent(TupleElementExpr element, Block output)
    {
        var (arguments, tangents) = CallArguments(element.Call, output);
        var outs = Enumerable.Range(0, element.Count).Select(_ => Temp("_dot")).ToList();
        foreach (var name in outs)
        {
            output.Declare(element.Kind.Keyword(), name, Code.Number(0, element.Kind));
        }

        var value = Temp("_t");
        output.Declare("var", value, Code.Call(element.Call.Pushforward!, arguments.Concat(tangents).Concat(outs.Select(o => Code.Ref(o, "out"))).ToArray()));
        _valueScopes.Peek()[element] = Code.Member(Code.Atom(value), element.Element);
        return Code.Atom(outs[element.Index]);
    }
}
