using System;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Forward mode over generated code: takes the statements of a gradient (its primal and adjoint sweeps) and
/// carries beside every floating-point value that can vary along a direction its tangent, so the adjoints come
/// out with their own directional derivatives, the Hessian times the direction. This is forward-over-reverse:
/// the adjoint code is differentiated as it stands, with the same derivative table as every other mode.
/// <para>
/// Each statement's tangent is written before the statement, since it reads the values the statement
/// overwrites. A value pushed for the adjoint sweep is pushed with its tangent after it, so the tangent comes off
/// the stack first. Which locals carry a tangent is found by iterating to a fixed point (a loop can make a value
/// vary on a later pass). Anything this transform does not know how to differentiate throws, and the emitter
/// turns that into a diagnostic: it never writes a zero it is not sure of.
/// </para>
/// </summary>
internal sealed class TangentTransform
{
    /// <summary>A differentiable method the body calls: its value through <paramref name="Target"/>, its adjoint through <paramref name="Pullback"/>.</summary>
    internal sealed record Callee(string Target, string Pullback, string Pushforward, string PullbackPushforward, IReadOnlyList<ParamRole> Roles, NumKind Kind);

    private const string Values = "_values";

    private readonly Dictionary<string, NumKind> _scalars = new();
    private readonly Dictionary<string, NumKind> _arrays = new();
    private readonly Dictionary<string, string> _tangentOf = new();
    private readonly Func<string, string> _fresh;
    private readonly Dictionary<string, Callee> _byTarget;
    private readonly Dictionary<string, Callee> _byPullback;
    private readonly HashSet<string> _localTangents = new();
    private bool _probing;
    private bool _changed;

    /// <param name="scalars">The floating-point scalars known before the body (parameters, their adjoints, the seed).</param>
    /// <param name="arrays">The floating-point spans and arrays known before the body, with their element kinds.</param>
    /// <param name="tangents">The tangent names those parameters already have (directions and Hessian-vector outputs).</param>
    /// <param name="callees">The differentiable methods the body calls.</param>
    /// <param name="fresh">Reserves a name no other local of the body uses.</param>
    public TangentTransform(
        IEnumerable<KeyValuePair<string, NumKind>> scalars,
        IEnumerable<KeyValuePair<string, NumKind>> arrays,
        IReadOnlyDictionary<string, string> tangents,
        IEnumerable<Callee> callees,
        Func<string, string> fresh)
    {
        foreach (var scalar in scalars)
        {
            _scalars[scalar.Key] = scalar.Value;
        }

        foreach (var array in arrays)
        {
            _arrays[array.Key] = array.Value;
        }

        foreach (var tangent in tangents)
        {
            _tangentOf[tangent.Key] = tangent.Value;
        }

        _fresh = fresh;
        var list = callees.ToList();
        _byTarget = list.GroupBy(c => c.Target).ToDictionary(g => g.Key, g => g.First());
        _byPullback = list.GroupBy(c => c.Pullback).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The blocks, in program order, each with its tangents written in.</summary>
    public IReadOnlyList<Block> Transform(IReadOnlyList<Block> blocks)
    {
        // Which locals vary: every pass may find more (a value assigned from one that varies later in a loop).
        _probing = true;
        do
        {
            _changed = false;
            foreach (var block in blocks)
            {
                Rewrite(block);
            }
        }
        while (_changed);

        _probing = false;
        return WithoutUnreadTangents(blocks.Select(Rewrite).ToList());
    }

    /// <summary>
    /// Drops the statements that compute a local scalar's tangent nobody reads (the tangent of the value itself: a
    /// Hessian-vector product needs the adjoints' tangents, not the result's), until none is left. A tangent read
    /// off the stack still releases its slot.
    /// </summary>
    private IReadOnlyList<Block> WithoutUnreadTangents(IReadOnlyList<Block> blocks)
    {
        var locals = new HashSet<string>(_tangentOf.Where(t => _scalars.ContainsKey(t.Key) && _localTangents.Contains(t.Value)).Select(t => t.Value));
        while (true)
        {
            var read = new HashSet<string>(blocks.SelectMany(b => b).SelectMany(ReadNames));
            var unread = locals.Where(l => !read.Contains(l)).ToList();
            if (unread.Count == 0)
            {
                return blocks;
            }

            locals.ExceptWith(unread);
            var dropped = new HashSet<string>(unread);
            blocks = blocks.Select(b => Drop(b, dropped)).ToList();
        }
    }

    /// <summary>The names a statement reads, leaving out what a definition of a scalar reads of itself (<c>t += …t…</c> keeps nothing alive).</summary>
    private static IEnumerable<string> ReadNames(Node node) => node switch
    {
        DeclareNode d => d.Value.Names,
        AssignNode { Target.Form: Code.Shape.Name } a => (a.Value?.Names ?? []).Where(n => n != a.Target.Text),
        AccumulateNode { Adjoint.Form: Code.Shape.Name } a => a.Contribution.Names.Where(n => n != a.Adjoint.Text),
        IfNode i => i.Condition.Names.Concat(i.Then.SelectMany(ReadNames)).Concat(i.Else.SelectMany(ReadNames)),
        LoopNode l => l.Names.Except(l.Body.Names).Concat(l.Body.SelectMany(ReadNames)),
        _ => node.Names,
    };

    private static Block Drop(Block block, HashSet<string> dropped)
    {
        var output = new Block();
        foreach (var node in block)
        {
            var defined = node switch
            {
                DeclareNode d => (d.Name, d.Value),
                AssignNode { Target.Form: Code.Shape.Name } a => (a.Target.Text, a.Value),
                AccumulateNode { Adjoint.Form: Code.Shape.Name } a => (a.Adjoint.Text, a.Contribution),
                _ => ((string?)null, (Code?)null),
            };
            if (defined.Item1 is { } name && dropped.Contains(name))
            {
                if (defined.Item2 is { } value && (value.IsPopOf(Values) || value.Parts.Any(p => p.IsPopOf(Values))))
                {
                    output.Add(new ExpressionNode(Code.Pop(Values)));
                }

                continue;
            }

            output.Add(node switch
            {
                IfNode i => i with { Then = Drop(i.Then, dropped), Else = Drop(i.Else, dropped) },
                LoopNode l => l with { Body = Drop(l.Body, dropped) },
                _ => node,
            });
        }

        return output;
    }

    private Block Rewrite(Block block)
    {
        var output = new Block();
        foreach (var node in block)
        {
            Rewrite(node, output);
        }

        return output;
    }

    private void Rewrite(Node node, Block output)
    {
        switch (node)
        {
            case DeclareNode declare:
                RewriteDeclare(declare, output);
                break;
            case AssignNode assign:
                RewriteAssign(assign, output);
                break;
            case AccumulateNode accumulate:
                RewriteStep(accumulate.Adjoint, accumulate.Contribution, output, (target, value) => new AccumulateNode(target, value));
                break;
            case PushNode { Stack: Stack.Values } push:
                var pre = new Block();
                var (value, tangent) = Differentiate(push.Value, pre);
                output.Add(pre);
                output.Add(push with { Value = value });
                output.Add(new PushNode(Stack.Values, tangent ?? Zero));
                break;
            case ExpressionNode expression:
                RewriteExpression(expression, output);
                break;
            case IfNode { SkipsWhenZero: { } gradient } gate when _tangentOf.TryGetValue(gradient, out var gradientTangent):
                // The skipped work now also adds the gradient's tangent times its factors: it runs when either is nonzero.
                output.Add(new IfNode(
                    Code.Binary(gate.Condition, "||", Code.Binary(Code.Atom(gradientTangent), "!=", Zero, Code.Equality), Code.Or),
                    Rewrite(gate.Then),
                    Rewrite(gate.Else)));
                break;
            case IfNode branch:
                output.Add(branch with { Then = Rewrite(branch.Then), Else = Rewrite(branch.Else) });
                break;
            case LoopNode loop:
                output.Add(loop with { Body = Rewrite(loop.Body) });
                break;
            case ReserveNode:
                throw new InvalidOperationException("Stack reservations are counted after the tangents are written");
            default:
                // Comments, returns, breaks, argument checks, int pushes: nothing varies in them.
                output.Add(node);
                break;
        }
    }

    private static readonly Code Zero = Code.Number(0, NumKind.Int);

    private void RewriteDeclare(DeclareNode declare, Block output)
    {
        if (NumKindExtensions.FromKeyword(declare.Type) is { } kind && kind.IsFloating())
        {
            _scalars[declare.Name] = kind;
            var pre = new Block();
            var (value, tangent) = Differentiate(declare.Value, pre);
            if (tangent is not null)
            {
                Activate(declare.Name);
            }

            output.Add(pre);
            if (_tangentOf.TryGetValue(declare.Name, out var tangentName))
            {
                output.Declare(declare.Type, tangentName, tangent is null ? Code.Number(0, kind) : Narrow(tangent, kind));
            }
            else if (value.IsPopOf(Values) || value.Parts.Any(p => p.IsPopOf(Values)))
            {
                // The value's tangent was pushed after it: release its slot.
                output.Add(new ExpressionNode(Code.Pop(Values)));
            }

            output.Add(declare with { Value = value });
            return;
        }

        if (ElementOf(declare.Type) is { } element)
        {
            // A local buffer (or the pool array behind one): its tangent is a buffer made the same way.
            _arrays[declare.Name] = element;
            Activate(declare.Name);
            output.Add(declare);
            output.Declare(declare.Type, _tangentOf[declare.Name], BufferTangent(declare.Value));
            return;
        }

        output.Add(declare);
    }

    /// <summary>The element type of a floating-point span or array type; null for any other type.</summary>
    private static NumKind? ElementOf(string type)
    {
        foreach (var kind in new[] { NumKind.Double, NumKind.Float })
        {
            var keyword = kind.Keyword();
            if (type == keyword + "[]" || type == "global::System.Span<" + keyword + ">" || type == "global::System.ReadOnlySpan<" + keyword + ">")
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary><c>stackalloc</c> (also on the stack only when small) and a rented array are made again; a view of a rented array views the tangent's.</summary>
    private Code BufferTangent(Code value)
    {
        switch (value.Form)
        {
            case Code.Shape.Creation:
            case Code.Shape.Choice when value.Parts[1].Form == Code.Shape.Creation && value.Parts[2].Form == Code.Shape.Creation:
                // 'c ? stackalloc double[n] : new double[n]' too: on the stack only when small, as the buffer is.
                return value;
            case Code.Shape.Call when value.Op.StartsWith("global::System.Buffers.ArrayPool<", StringComparison.Ordinal):
                return value;
            case Code.Shape.Call when value.Op.EndsWith(".AsSpan", StringComparison.Ordinal)
                && _tangentOf.TryGetValue(value.Op.Substring(0, value.Op.Length - ".AsSpan".Length), out var pool):
                return Code.Call(pool + ".AsSpan", value.Parts.ToArray());
            default:
                throw new InvalidOperationException("No tangent for the buffer made by '" + value.Text + "'");
        }
    }

    private void RewriteAssign(AssignNode assign, Block output)
    {
        if (TargetKind(assign.Target) is not { } kind)
        {
            output.Add(assign);
            return;
        }

        if (assign.Value is null)
        {
            // ++ and -- move a value by a constant: its tangent stays.
            output.Add(assign);
            return;
        }

        switch (assign.Op)
        {
            case "=":
                var pre = new Block();
                var (value, tangent) = Differentiate(assign.Value, pre);
                if (tangent is not null)
                {
                    Activate(NameOf(assign.Target));
                }

                output.Add(pre);
                if (TangentOf(assign.Target) is { } target)
                {
                    output.Assign(target, "=", tangent is null ? Code.Number(0, kind) : Narrow(tangent, kind));
                }
                else if (value.IsPopOf(Values) || value.Parts.Any(p => p.IsPopOf(Values)))
                {
                    output.Add(new ExpressionNode(Code.Pop(Values)));
                }

                output.Add(assign with { Value = value });
                break;
            case "+=" or "-=":
                RewriteStep(assign.Target, assign.Value, output, (t, v) => new AssignNode(t, assign.Op, v));
                break;
            case "*=" or "/=":
                RewriteScale(assign, kind, output);
                break;
            default:
                throw new InvalidOperationException("No tangent for the assignment operator " + assign.Op);
        }
    }

    /// <summary><c>target += value</c> (or <c>-=</c>, or an adjoint's accumulation): the target's tangent moves by the value's.</summary>
    private void RewriteStep(Code target, Code step, Block output, Func<Code, Code, Node> make)
    {
        if (TargetKind(target) is null)
        {
            throw new InvalidOperationException("No tangent for the accumulation into '" + target.Text + "'");
        }

        var pre = new Block();
        var (value, tangent) = Differentiate(step, pre);
        if (tangent is not null)
        {
            Activate(NameOf(target));
        }

        output.Add(pre);
        if (tangent is not null && TangentOf(target) is { } tangentTarget)
        {
            output.Add(make(tangentTarget, Narrow(tangent, TargetKind(target)!.Value)));
        }

        output.Add(make(target, value));
    }

    /// <summary><c>a *= v</c>: <c>ta = ta·v + a·tv</c>; <c>a /= v</c>: <c>ta = (ta - a/v·tv) / v</c>, both from the old <c>a</c>.</summary>
    private void RewriteScale(AssignNode assign, NumKind kind, Block output)
    {
        var pre = new Block();
        var (value, tangent) = Differentiate(assign.Value!, pre);
        if (value.HasEffect)
        {
            throw new InvalidOperationException("No tangent for '" + assign.Target.Text + " " + assign.Op + "' of a value read from the stack");
        }

        if (tangent is not null)
        {
            Activate(NameOf(assign.Target));
        }

        output.Add(pre);
        if (TangentOf(assign.Target) is { } target)
        {
            var multiply = assign.Op == "*=";
            var scaled = multiply ? Code.Mul(target, value) : Code.Div(target, value);
            var moved = tangent is null
                ? scaled
                : multiply
                    ? TangentRules.Plus(scaled, Code.Mul(assign.Target, tangent))
                    : Code.Div(Code.Sub(target, Code.Mul(Code.Div(assign.Target, value), tangent)), value);
            output.Assign(target, "=", Narrow(moved, kind));
        }

        output.Add(assign with { Value = value });
    }

    private void RewriteExpression(ExpressionNode node, Block output)
    {
        var expression = node.Expression;
        if (expression.IsPopOf(Values))
        {
            // A slot released without being read: its tangent's slot goes too.
            output.Add(new ExpressionNode(Code.Pop(Values)));
            output.Add(node);
            return;
        }

        if (expression.Form == Code.Shape.Call && _byPullback.TryGetValue(expression.Op, out var callee))
        {
            RewritePullbackCall(expression, callee, output);
            return;
        }

        output.Add(node);
        if (expression.Form == Code.Shape.Call && expression.Op.EndsWith(".Clear", StringComparison.Ordinal)
            && _tangentOf.TryGetValue(expression.Op.Substring(0, expression.Op.Length - ".Clear".Length), out var cleared))
        {
            output.Add(new ExpressionNode(Code.Call(cleared + ".Clear")));
        }
        else if (expression.Form == Code.Shape.Call && expression.Op.EndsWith(".Shared.Return", StringComparison.Ordinal)
            && expression.Parts.Count == 1 && _tangentOf.TryGetValue(expression.Parts[0].Text, out var returned))
        {
            output.Add(new ExpressionNode(Code.Call(expression.Op, Code.Atom(returned))));
        }
        else if (expression.Names.Any(n => _tangentOf.ContainsKey(n) && !n.StartsWith(Values, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("No tangent for the statement '" + expression.Text + "'");
        }
    }

    /// <summary>
    /// A callee's pullback becomes its pushforward of the pullback: the same arguments, their tangents, the seed and
    /// its tangent, the adjoints and theirs.
    /// </summary>
    private void RewritePullbackCall(Code call, Callee callee, Block output)
    {
        var arguments = new List<Code>();
        var tangents = new List<Code>();
        var pre = new Block();
        var count = callee.Roles.Count;
        for (var i = 0; i < count; i++)
        {
            var (value, tangent) = Differentiate(call.Parts[i], pre);
            arguments.Add(value);
            switch (callee.Roles[i])
            {
                case ParamRole.Scalar:
                    tangents.Add(tangent ?? Zero);
                    break;
                case ParamRole.Span:
                    tangents.Add(SpanTangent(value, callee.Kind));
                    break;
            }
        }

        var (seed, seedTangent) = Differentiate(call.Parts[count], pre);
        var adjoints = call.Parts.Skip(count + 1).ToList();
        var adjointTangents = new List<Code>();
        foreach (var adjoint in adjoints)
        {
            if (adjoint.Form == Code.Shape.Ref)
            {
                var name = adjoint.Parts[0].Text;
                Activate(name);
                adjointTangents.Add(Code.Ref(_tangentOf.TryGetValue(name, out var t) ? t : name));
            }
            else
            {
                adjointTangents.Add(SpanTangent(adjoint, callee.Kind));
            }
        }

        output.Add(pre);
        output.Add(new ExpressionNode(Code.Call(
            callee.PullbackPushforward,
            arguments.Concat(tangents).Append(seed).Append(seedTangent ?? Zero).Concat(adjoints).Concat(adjointTangents).ToArray())));
    }

    /// <summary>A span argument's tangent: its tangent buffer, or zeros of its length when it does not vary.</summary>
    private Code SpanTangent(Code span, NumKind kind) =>
        span.Form == Code.Shape.Name && _tangentOf.TryGetValue(span.Text, out var tangent)
            ? Code.Atom(tangent)
            : span.Form == Code.Shape.Creation
                ? span
                // A view's window (a span passed to a helper as a view) has the same window of the base's tangent.
                : span is { Form: Code.Shape.Call, Op: ExpressionRenderer.WindowOf } && span.Parts[0].Form == Code.Shape.Name
                  && _tangentOf.TryGetValue(span.Parts[0].Text, out var baseTangent)
                    ? span.With([Code.Atom(baseTangent), span.Parts[1], span.Parts[2]])
                    : Code.NewArray(false, kind.Keyword(), Code.Member(span, "Length"));

    /// <summary>
    /// An expression's value (rewritten where part of it moved into a temporary of <paramref name="pre"/>) and its
    /// tangent, or null when the tangent is zero.
    /// </summary>
    private (Code Value, Code? Tangent) Differentiate(Code code, Block pre)
    {
        switch (code.Form)
        {
            case Code.Shape.Name:
                return (code, _tangentOf.TryGetValue(code.Text, out var name) && _scalars.ContainsKey(code.Text) ? Code.Atom(name) : null);
            case Code.Shape.Index:
                var (index, _) = Differentiate(code.Parts[1], pre);
                var element = code.With([code.Parts[0], index]);
                return (element, _tangentOf.TryGetValue(code.Op, out var array) ? Code.Index(array, index) : null);
            case Code.Shape.Literal or Code.Shape.Member or Code.Shape.Creation or Code.Shape.Ref:
                return (code, null);
            case Code.Shape.Cast:
                var (operand, operandTangent) = Differentiate(code.Parts[0], pre);
                var cast = NumKindExtensions.FromKeyword(code.Op);
                return (code.With([operand]), operandTangent is not null && cast?.IsFloating() == true ? Code.Cast(cast.Value, operandTangent) : null);
            case Code.Shape.Prefix:
                var (inner, innerTangent) = Differentiate(code.Parts[0], pre);
                return (code.With([inner]), innerTangent is null ? null : code.Op switch
                {
                    "-" => Code.Neg(innerTangent),
                    "+" => innerTangent,
                    _ => null,
                });
            case Code.Shape.Choice:
                var (condition, _) = Differentiate(code.Parts[0], pre);
                var (whenTrue, trueTangent) = Differentiate(code.Parts[1], pre);
                var (whenFalse, falseTangent) = Differentiate(code.Parts[2], pre);
                return (code.With([condition, whenTrue, whenFalse]),
                    trueTangent is null && falseTangent is null ? null : Code.Choose(condition, trueTangent ?? Zero, falseTangent ?? Zero));
            case Code.Shape.Binary:
                return DifferentiateBinary(code, pre);
            case Code.Shape.Call:
                return DifferentiateCall(code, pre);
            default:
                throw new InvalidOperationException("No tangent for '" + code.Text + "'");
        }
    }

    private (Code Value, Code? Tangent) DifferentiateBinary(Code code, Block pre)
    {
        var (left, leftTangent) = Differentiate(code.Parts[0], pre);
        var (right, rightTangent) = Differentiate(code.Parts[1], pre);
        var value = code.With([left, right]);
        if (leftTangent is null && rightTangent is null)
        {
            return (value, null);
        }

        if (!(code.Op is "+" or "-" or "*" or "/" or "<" or ">" or "<=" or ">=" or "==" or "!=" or "&&" or "||"))
        {
            throw new InvalidOperationException("No tangent for the operator " + code.Op + " in '" + code.Text + "'");
        }

        var tangent = TangentRules.Binary(code.Op, leftTangent, rightTangent, left.SameAs(right) && !left.HasEffect, () => left, () => right, () => Code.Div(left, right));
        return (value, tangent);
    }

    private (Code Value, Code? Tangent) DifferentiateCall(Code call, Block pre)
    {
        if (call.IsPopOf(Values))
        {
            // Pushed after the value, the tangent comes off first: the tangent's statement runs before the value's.
            return (call, Code.Pop(Values));
        }

        if (call.HasEffect)
        {
            return (call, null);
        }

        var parts = call.Parts.Select(p => Differentiate(p, pre)).ToList();
        var arguments = parts.Select(p => p.Value).ToList();
        var value = call.With(arguments);
        if (_byTarget.TryGetValue(call.Op, out var callee))
        {
            return CalleeTangent(callee, arguments, parts.Select(p => p.Tangent).ToList(), value, pre);
        }

        if (parts.All(p => p.Tangent is null) || call.CarriesNoDerivative)
        {
            return (value, null);
        }

        var dot = call.Op.LastIndexOf('.');
        var rule = dot > 0 && call.Op.Substring(0, dot) is "Math" or "MathF" or "double" or "float"
            ? DerivativeTable.Find(call.Op.Substring(dot + 1), arguments.Count)
            : null;
        if (rule is null)
        {
            throw new InvalidOperationException("No tangent for the call '" + call.Text + "'");
        }

        return MathTangent(call.Op.Substring(0, dot), rule, arguments, parts.Select(p => p.Tangent).ToList(), value, pre);
    }

    /// <summary>Σ ∂f/∂aᵢ · taᵢ from the function's table row; the output, and any argument a partial reads that is not a plain name, computed once.</summary>
    private (Code Value, Code? Tangent) MathTangent(string mathClass, FunctionRule rule, List<Code> arguments, List<Code?> tangents, Code value, Block pre)
    {
        switch (rule.Shape)
        {
            case RuleShape.Constant:
                return (value, null);
            case RuleShape.Select:
                return (value, TangentRules.Select(rule, p => WriteFormula(rule.Picks[p].Condition, mathClass, arguments, value), tangents, Zero));
        }

        var active = Enumerable.Range(0, arguments.Count).Where(i => rule.Partials[i] is not null && tangents[i] is not null).ToList();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!arguments[i].IsSimple && active.Any(a => rule.Partials[a]!.Terms.Contains(new Formula.Arg(i))))
            {
                arguments[i] = Temp(arguments[i], pre);
            }
        }

        value = Code.Call(value.Op, arguments.ToArray());
        if (rule.ReadsOutput)
        {
            value = Temp(value, pre);
        }

        Code? sum = null;
        foreach (var i in active)
        {
            var term = Code.Mul(tangents[i]!, WriteFormula(rule.Partials[i]!, mathClass, arguments, value));
            if (rule.Guards[i] is { } guard)
            {
                term = Code.Choose(WriteFormula(guard, mathClass, arguments, value), term, Zero);
            }

            sum = sum is null ? term : TangentRules.Plus(sum, term);
        }

        return (value, sum);
    }

    private static Code WriteFormula(Formula formula, string mathClass, IReadOnlyList<Code> arguments, Code output) => FormulaCode.Write(
        formula,
        term => WriteFormula(term, mathClass, arguments, output),
        i => arguments[i],
        () => output,
        mathClass,
        mathClass is "MathF" or "float" ? NumKind.Float : NumKind.Double);

    /// <summary>A callee's own pushforward gives its value and tangent at once; the value stands in for the call.</summary>
    private (Code Value, Code? Tangent) CalleeTangent(Callee callee, List<Code> arguments, List<Code?> tangents, Code value, Block pre)
    {
        var directions = new List<Code>();
        var varies = false;
        for (var i = 0; i < callee.Roles.Count; i++)
        {
            switch (callee.Roles[i])
            {
                case ParamRole.Scalar:
                    directions.Add(tangents[i] ?? Zero);
                    varies |= tangents[i] is not null;
                    break;
                case ParamRole.Span:
                    var span = SpanTangent(arguments[i], callee.Kind);
                    directions.Add(span);
                    varies |= span.Form != Code.Shape.Creation; // a tangent span or a window of one, not a zero array
                    break;
            }
        }

        if (!varies)
        {
            return (value, null);
        }

        if (_probing)
        {
            return (value, Code.Atom("_probe"));
        }

        var tangent = _fresh("_dot");
        pre.Declare(callee.Kind.Keyword(), tangent, Code.Number(0, callee.Kind));
        var result = _fresh("_t");
        pre.Declare(callee.Kind.Keyword(), result, Code.Call(callee.Pushforward, arguments.Concat(directions).Append(Code.Ref(tangent, "out")).ToArray()));
        return (Code.Atom(result), Code.Atom(tangent));
    }

    /// <summary>The value computed once into a temporary before the statement (a placeholder while probing).</summary>
    private Code Temp(Code value, Block pre)
    {
        if (_probing)
        {
            return value;
        }

        var name = _fresh("_t");
        pre.Declare("var", name, value);
        return Code.Atom(name);
    }

    /// <summary>Starts carrying a tangent for <paramref name="name"/> (from the next pass on, while probing).</summary>
    private void Activate(string name)
    {
        if (_tangentOf.ContainsKey(name))
        {
            return;
        }

        _tangentOf[name] = _fresh(TangentStem(name));
        _localTangents.Add(_tangentOf[name]);
        _changed = true;
    }

    /// <summary><c>_dx</c> (an adjoint) → <c>_hx</c>, anything else <c>a</c> → <c>_va</c>.</summary>
    private static string TangentStem(string name) =>
        name.StartsWith("_d", StringComparison.Ordinal) && name.Length > 2 ? "_h" + name.Substring(2) : "_v" + name.TrimStart('_');

    private NumKind? TargetKind(Code target) => target.Form switch
    {
        Code.Shape.Name => _scalars.TryGetValue(target.Text, out var kind) ? kind : null,
        Code.Shape.Index => _arrays.TryGetValue(target.Op, out var element) ? element : null,
        _ => null,
    };

    private static string NameOf(Code target) => target.Form == Code.Shape.Index ? target.Op : target.Text;

    /// <summary>The tangent of an assignment's target, or null when it carries none.</summary>
    private Code? TangentOf(Code target) => _tangentOf.TryGetValue(NameOf(target), out var name)
        ? target.Form == Code.Shape.Index ? Code.Index(name, target.Parts[1]) : Code.Atom(name)
        : null;

    /// <summary>A tangent stored into a float: a double part of it (a <c>Math</c> call, a double local) is narrowed.</summary>
    private Code Narrow(Code tangent, NumKind kind) => kind == NumKind.Float && IsDouble(tangent) ? Code.Cast(NumKind.Float, tangent) : tangent;

    private bool IsDouble(Code code) => code.Form switch
    {
        Code.Shape.Literal => code.LiteralKind == NumKind.Double,
        Code.Shape.Name => _scalars.TryGetValue(code.Text, out var kind) && kind == NumKind.Double,
        Code.Shape.Index => _arrays.TryGetValue(code.Op, out var element) && element == NumKind.Double,
        Code.Shape.Cast => code.Op == "double",
        Code.Shape.Call => code.IsPopOf(Values) || code.Op.StartsWith("Math.", StringComparison.Ordinal) || code.Op.StartsWith("double.", StringComparison.Ordinal) || code.Parts.Any(IsDouble),
        _ => code.Parts.Any(IsDouble),
    };
}
