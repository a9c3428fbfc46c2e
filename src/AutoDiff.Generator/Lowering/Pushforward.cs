using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Forward mode: one sweep that carries, beside every active value, its tangent (its derivative along the
/// direction the caller passes). Each statement's tangent is written before the statement, since it reads the
/// values the statement overwrites. Functions take their derivatives from the same table rows as the reverse
/// sweep: there each partial multiplies the adjoint, here the argument's tangent.
/// </summary>
internal sealed partial class AdjointWriter
{
    private readonly Dictionary<string, string> _tangentOf = new();
    private readonly List<Node> _tangentBufferReturns = new();
    private readonly Dictionary<Expr, Code?> _tangents = new();

    /// <summary>The body of <c>{Name}Pushforward</c>.</summary>
    public static Block WritePushforward(MethodModel method) => new AdjointWriter(method, pullback: false).WriteForwardBody();

    private Block WriteForwardBody()
    {
        foreach (var parameter in _method.Parameters.Where(p => p.TangentName is not null))
        {
            _tangentOf[parameter.Name] = parameter.TangentName!;
        }

        foreach (var statement in Normalizer.Walk(_body))
        {
            switch (statement)
            {
                case DeclareStmt d when d.Kind.IsFloating() && _varied.Contains(d.Name):
                    _tangentOf[d.Name] = Fresh("_t" + d.Name);
                    break;
                case BufferStmt b when _varied.Contains(b.Name):
                    _tangentOf[b.Name] = Fresh("_t" + b.Name);
                    break;
            }
        }

        var body = new Block();
        foreach (var parameter in _method.Parameters.Where(p => p.Role == ParamRole.Span && p.TangentName is not null))
        {
            body.Add(LengthCheck("tangent", parameter.TangentName!, parameter.Name));
        }

        VectorForwardPrologue(body);
        body.Add(ForwardBlock(_body));
        VectorForwardEpilogue(body);
        return body;
    }

    private Block ForwardBlock(IEnumerable<Stmt> statements)
    {
        var output = new Block();
        foreach (var statement in statements)
        {
            ForwardStatement(statement, output);
        }

        return output;
    }

    private void ForwardStatement(Stmt statement, Block output)
    {
        var comment = new CommentNode("line " + statement.Line + ": " + statement.Source);
        switch (statement)
        {
            case DeclareStmt declare:
                output.Add(comment);
                ResetScopes();
                var declaredTangent = _tangentOf.TryGetValue(declare.Name, out var declaredName) && declare.Value is not null
                    ? StatementTangent(declare.Value, output)
                    : null;
                if (declaredName is not null)
                {
                    output.Declare(declare.Kind.Keyword(), declaredName, declaredTangent ?? Code.Number(0, declare.Kind));
                }

                output.Declare(declare.Kind.Keyword(), declare.Name, declare.Value is null ? Code.Number(0, declare.Kind) : ExpressionRenderer.Render(declare.Value, _valueScopes.Peek()));
                break;
            case AssignStmt assign:
                output.Add(comment);
                ResetScopes();
                ForwardAssign(assign, output);
                break;
            case BufferStmt buffer:
                output.Add(comment);
                EmitBuffer(buffer, output, withAdjoint: false);
                if (_tangentOf.TryGetValue(buffer.Name, out var tangentBuffer))
                {
                    var type = buffer.ElementKind.Keyword();
                    var length = Code.Member(Code.Atom(buffer.Name), "Length");
                    if (buffer.StackAllocated && buffer.StackWhen is null)
                    {
                        // Made like the buffer itself: a stackalloc is zeroed and costs nothing to give back (one
                        // on the stack only when small comes from the pool: it may be large).
                        output.Declare("global::System.Span<" + type + ">", tangentBuffer, Code.NewArray(true, type, ExpressionRenderer.Render(buffer.Length)));
                        break;
                    }

                    output.Declare(type + "[]", tangentBuffer + "_pool", Code.Call("global::System.Buffers.ArrayPool<" + type + ">.Shared.Rent", length));
                    output.Declare("global::System.Span<" + type + ">", tangentBuffer, Code.Call(tangentBuffer + "_pool.AsSpan", Code.Number(0, NumKind.Int), length));
                    output.Add(new ExpressionNode(Code.Call(tangentBuffer + ".Clear")));
                    _tangentBufferReturns.Add(new ExpressionNode(Code.Call("global::System.Buffers.ArrayPool<" + type + ">.Shared.Return", Code.Atom(tangentBuffer + "_pool"))));
                }

                break;
            case ReturnStmt { Value: TupleExpr tuple }:
                ForwardTupleReturn(tuple, comment, output);
                break;
            case ReturnStmt ret:
                output.Add(comment);
                ResetScopes();
                var tangent = StatementTangent(ret.Value, output);
                var value = ExpressionRenderer.Render(ret.Value, _valueScopes.Peek());
                var result = Temp("_value");
                output.Declare(Scalar.Keyword(), result, value);
                output.Assign(Code.Atom(_method.TangentName), "=", tangent is null ? Code.Number(0, Scalar) : Convert(tangent, ret.Value.Kind, Scalar));
                foreach (var release in _tangentBufferReturns)
                {
                    output.Add(release);
                }

                output.Add(new ReturnNode(Code.Atom(result)));
                break;
            case BreakStmt:
                output.Add(new BreakNode());
                break;
            case PassiveStmt passive:
                output.Add(comment);
                output.Add(new PassiveNode(passive.Text, passive.Reads));
                break;
            case IfStmt branch:
                output.Add(comment);
                output.If(ExpressionRenderer.Render(branch.Condition), ForwardBlock(branch.Then), ForwardBlock(branch.Else));
                break;
            case WhileStmt loop:
                output.Add(comment);
                output.Add(new LoopNode(loop.IsDo ? LoopForm.Do : LoopForm.While, null, ExpressionRenderer.Render(loop.Condition), null, ForwardBlock(loop.Body)));
                break;
            case CountedForStmt loop:
                output.Add(comment);
                output.Add(PrimalLoop(loop, ForwardBlock(loop.Body)));
                break;
            default:
                throw new System.InvalidOperationException("Statement " + statement.GetType().Name + " reached the forward sweep unnormalized");
        }
    }

    private void ForwardAssign(AssignStmt assign, Block output)
    {
        var name = assign.Target is VarExpr v ? v.Name : ((IndexExpr)assign.Target).Array;
        if (assign.Target.Kind.IsFloating() && _tangentOf.TryGetValue(name, out var tangentName))
        {
            var tangentTarget = assign.Target is IndexExpr index
                ? Code.Index(tangentName, ExpressionRenderer.Render(index.Index))
                : Code.Atom(tangentName);
            if (assign.Op is "+=" or "-=")
            {
                // The target's tangent changes by the value's tangent.
                if (StatementTangent(assign.Value, output) is { } step)
                {
                    output.Assign(tangentTarget, assign.Op, Convert(step, assign.Value.Kind, assign.Target.Kind));
                }
            }
            else
            {
                var tangent = StatementTangent(Activity.Effective(assign), output);
                output.Assign(tangentTarget, "=", tangent is null ? Code.Number(0, assign.Target.Kind) : Convert(tangent, assign.Target.Kind, assign.Target.Kind));
            }
        }

        output.Assign(ExpressionRenderer.Render(assign.Target), assign.Op, ExpressionRenderer.Render(assign.Value, _valueScopes.Peek()));
    }

    /// <summary>Starts a statement's tangent: which of its subexpressions occur more than once (their tangents are computed once).</summary>
    private Code? StatementTangent(Expr expression, Block output)
    {
        _tangents.Clear();
        _occurrences = new Dictionary<Expr, int>();
        CountOccurrences(expression, _occurrences);
        return Tangent(expression, output);
    }

    /// <summary>The tangent of <paramref name="expression"/> as code (null when it is zero), with any values it needs computed into <paramref name="output"/> first.</summary>
    private Code? Tangent(Expr expression, Block output)
    {
        if (!Activity.IsActive(expression, _varied))
        {
            return null;
        }

        if (_tangents.TryGetValue(expression, out var known))
        {
            return known;
        }

        var tangent = NodeTangent(expression, output);
        if (tangent is not null && !tangent.IsSimple && _occurrences.TryGetValue(expression, out var count) && count > 1)
        {
            tangent = Temp("_dt", expression.Kind, tangent, output);
            _tangents[expression] = tangent;
        }

        return tangent;
    }

    private Code? NodeTangent(Expr expression, Block output)
    {
        switch (expression)
        {
            case VarExpr v:
                return Code.Atom(_tangentOf[v.Name]);
            case IndexExpr i:
                return Code.Index(_tangentOf[i.Array], ExpressionRenderer.Render(i.Index));
            case UnaryExpr { Op: "-" } u:
                return Tangent(u.Operand, output) is { } negated ? Code.Neg(negated) : null;
            case UnaryExpr u:
                return Tangent(u.Operand, output);
            case CastExpr c:
                return Tangent(c.Operand, output) is { } cast ? Convert(cast, c.Operand.Kind, c.Kind) : null;
            case BinaryExpr b:
                return BinaryTangent(b, output);
            case ConditionalExpr c:
                var whenTrue = Tangent(c.WhenTrue, output);
                var whenFalse = Tangent(c.WhenFalse, output);
                return Code.Choose(ExpressionRenderer.Render(c.Condition), whenTrue ?? Code.Number(0, c.Kind), whenFalse ?? Code.Number(0, c.Kind));
            case MathCallExpr m:
                return MathTangent(m, output);
            case DifferentiableCallExpr d:
                return CallTangent(d, output);
            case TupleElementExpr e:
                return TupleElementTangent(e, output);
            default:
                return null;
        }
    }

    private Code? BinaryTangent(BinaryExpr b, Block output) => TangentRules.Binary(
        b.Op,
        Tangent(b.Left, output),
        Tangent(b.Right, output),
        b.Left.Equals(b.Right),
        () => Value(b.Left, output),
        () => Value(b.Right, output),
        () => Value(b, output));

    /// <summary>Σ ∂f/∂aᵢ · taᵢ from the function's table row (a selecting function passes on the picked argument's tangent).</summary>
    private Code? MathTangent(MathCallExpr m, Block output)
    {
        var rule = Activity.RuleOf(m);
        var formulas = new FormulaWriter(this, m, output);
        var tangents = m.Args.Select(a => Tangent(a, output)).ToList();
        switch (rule.Shape)
        {
            case RuleShape.Constant:
                return null;
            case RuleShape.Select:
                return TangentRules.Select(rule, p => formulas.Write(rule.Picks[p].Condition), tangents, Code.Number(0, m.Kind));
        }

        var active = Enumerable.Range(0, m.Args.Count).Where(i => rule.Partials[i] is not null && tangents[i] is not null).ToList();
        formulas.Count(active.Select(i => rule.Partials[i]!).Concat(active.Select(i => rule.Guards[i]).OfType<Formula>()));
        Code? sum = null;
        foreach (var i in active)
        {
            var term = formulas.Contribution(Convert(tangents[i]!, m.Args[i].Kind, m.Kind), rule.Partials[i]!);
            if (rule.Guards[i] is { } guard)
            {
                term = Code.Choose(formulas.Write(guard), term, Code.Number(0, m.Kind));
            }

            sum = sum is null ? term : TangentRules.Plus(sum, term);
        }

        return sum;
    }

    /// <summary>A differentiable callee's own pushforward gives its value and tangent at once; the value stands in for the call.</summary>
    private Code CallTangent(DifferentiableCallExpr call, Block output)
    {
        var (arguments, tangents) = CallArguments(call, output);
        var tangent = Temp("_dot");
        output.Declare(call.Kind.Keyword(), tangent, Code.Number(0, call.Kind));
        var value = Temp("_t", call.Kind, Code.Call(call.Pushforward!, arguments.Concat(tangents).Append(Code.Ref(tangent, "out")).ToArray()), output);
        _valueScopes.Peek()[call] = value;
        return Code.Atom(tangent);
    }

    /// <summary>A callee pushforward's primal arguments and, for its differentiable parameters, their tangents.</summary>
    private (List<Code> Arguments, List<Code> Tangents) CallArguments(DifferentiableCallExpr call, Block output)
    {
        var arguments = new List<Code>();
        var tangents = new List<Code>();
        for (var i = 0; i < call.Args.Count; i++)
        {
            switch (call.Roles[i])
            {
                case ParamRole.Span:
                    arguments.Add(ExpressionRenderer.Render(call.Args[i]));
                    // A view's tangent is the same window of its base's tangent.
                    var spanTangent = Activity.SequencePassed(call.Args[i]) is { } sequence && _varied.Contains(sequence) && _tangentOf.TryGetValue(sequence, out var tangentOfSequence)
                        ? tangentOfSequence
                        : null;
                    tangents.Add(ExpressionRenderer.Companion(call.Args[i], spanTangent, call.ParamKinds[i]));
                    break;
                case ParamRole.Scalar:
                    arguments.Add(Value(call.Args[i], output));
                    tangents.Add(Tangent(call.Args[i], output) is { } t ? Convert(t, call.Args[i].Kind, call.ParamKinds[i]) : Code.Number(0, call.ParamKinds[i]));
                    break;
                default:
                    arguments.Add(Value(call.Args[i], output));
                    break;
            }
        }

        return (arguments, tangents);
    }


    /// <summary>A tangent of kind <paramref name="from"/> as kind <paramref name="to"/> (a float argument of a double function).</summary>
    private static Code Convert(Code tangent, NumKind from, NumKind to) => to == NumKind.Float && from == NumKind.Double ? Code.Cast(to, tangent) : tangent;
}
