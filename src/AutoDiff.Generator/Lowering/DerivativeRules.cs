using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using System.Collections.Generic;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Lowering;

/// <summary>Local derivative rules: how an adjoint flows from an expression into the adjoints of what it reads.</summary>
internal sealed partial class AdjointWriter
{
    /// <summary>Writes statements adding <paramref name="gradient"/> · ∂<paramref name="expression"/>/∂v into the adjoint of every active v it reads.</summary>
    private void Backprop(Expr expression, Code gradient, NumKind gradientKind, Block output)
    {
        if (!Activity.IsActive(expression, _varied))
        {
            return;
        }

        var g = gradientKind == expression.Kind ? gradient
            : gradient.IsOne ? Code.Number(1, expression.Kind)
            : Code.Cast(expression.Kind, gradient);
        if (!Defer(expression, g))
        {
            BackpropNode(expression, g, output);
        }
    }

    /// <summary>Applies <paramref name="expression"/>'s own derivative rule to its gradient <paramref name="g"/> (of the expression's kind).</summary>
    private void BackpropNode(Expr expression, Code g, Block output)
    {
        switch (expression)
        {
            case VarExpr v:
                output.Accumulate(Code.Atom(_adjointOf[v.Name]), g);
                break;
            case IndexExpr i:
                output.Accumulate(Code.Index(_adjointOf[i.Array], ExpressionRenderer.Render(i.Index)), g);
                break;
            case UnaryExpr { Op: "-" } u:
                Backprop(u.Operand, Code.Neg(g), u.Kind, output);
                break;
            case UnaryExpr u:
                Backprop(u.Operand, g, u.Kind, output);
                break;
            case CastExpr c:
                Backprop(c.Operand, g, c.Kind, output);
                break;
            case BinaryExpr b:
                BackpropBinary(b, g, output);
                break;
            case ConditionalExpr c:
                var shared = Share(g, c.Kind, output);
                var whenTrue = new Block();
                var whenFalse = new Block();
                BackpropInScope(c.WhenTrue, shared, c.Kind, whenTrue);
                BackpropInScope(c.WhenFalse, shared, c.Kind, whenFalse);
                output.If(ExpressionRenderer.Render(c.Condition), whenTrue, whenFalse);

                break;
            case MathCallExpr m:
                BackpropMath(m, g, output);
                break;
            case DifferentiableCallExpr d:
                BackpropCall(d, [g], output);
                break;
            case TupleElementExpr e:
                BackpropCall(e.Call, TupleSeeds(e, g), output);
                break;
        }
    }

    private void BackpropBinary(BinaryExpr b, Code g, Block output)
    {
        var leftActive = Activity.IsActive(b.Left, _varied);
        var rightActive = Activity.IsActive(b.Right, _varied);
        if (b.Op == "*" && leftActive && b.Left.Equals(b.Right))
        {
            // u * u: one contribution of 2·u instead of two of u.
            Backprop(b.Left, Code.Mul(Code.Mul(Code.Number(2, NumKind.Int), g), Value(b.Left, output)), b.Kind, output);
            return;
        }

        if (leftActive && rightActive)
        {
            g = Share(g, b.Kind, output);
        }

        switch (b.Op)
        {
            case "+":
                Backprop(b.Left, g, b.Kind, output);
                Backprop(b.Right, g, b.Kind, output);
                break;
            case "-":
                Backprop(b.Left, g, b.Kind, output);
                Backprop(b.Right, Code.Neg(g), b.Kind, output);
                break;
            case "*":
                // The right factor first: in `c * u * u` the left factor `c * u` can then be written as `c * _t`.
                var rightValue = leftActive ? Value(b.Right, output) : null;
                var leftValue = rightActive ? Value(b.Left, output) : null;
                if (rightValue is not null)
                {
                    Backprop(b.Left, Code.Mul(g, rightValue), b.Kind, output);
                }

                if (leftValue is not null)
                {
                    Backprop(b.Right, Code.Mul(g, leftValue), b.Kind, output);
                }
                break;
            case "/":
                var denominator = Value(b.Right, output);
                Backprop(b.Left, Code.Div(g, denominator), b.Kind, output);
                if (rightActive)
                {
                    // d(l/r)/dr = -(l/r)/r
                    var quotient = Code.Div(Value(b.Left, output), denominator);
                    Backprop(b.Right, Code.Neg(Code.Div(Code.Mul(g, quotient), denominator)), b.Kind, output);
                }

                break;
        }
    }

    /// <summary>Applies the call's row of the derivative table (parsing admits only calls that have one).</summary>
    private void BackpropMath(MathCallExpr m, Code g, Block output)
    {
        var rule = DerivativeTable.Find(m.Function, m.Args.Count)
            ?? throw new System.InvalidOperationException("No derivative rule for " + m.Class + "." + m.Function);
        var formulas = new FormulaWriter(this, m, output);
        switch (rule.Shape)
        {
            case RuleShape.Constant:
                return;
            case RuleShape.Select:
                BackpropSelect(m, rule, g, formulas, output);
                return;
        }

        var active = Enumerable.Range(0, m.Args.Count).Where(i => rule.Partials[i] is not null && Activity.IsActive(m.Args[i], _varied)).ToList();
        formulas.Count(active.Select(i => rule.Partials[i]!).Concat(active.Select(i => rule.Guards[i]).OfType<Formula>()));
        if (active.Count > 1)
        {
            g = Share(g, m.Kind, output);
        }

        foreach (var i in active)
        {
            var contribution = formulas.Contribution(g, rule.Partials[i]!);
            if (rule.Guards[i] is { } guard)
            {
                var guarded = new Block();
                BackpropInScope(m.Args[i], contribution, m.Kind, guarded);
                output.If(formulas.Write(guard), guarded);
            }
            else
            {
                Backprop(m.Args[i], contribution, m.Kind, output);
            }
        }
    }

    /// <summary>max, min, clamp: the gradient goes to whichever argument the call returned.</summary>
    private void BackpropSelect(MathCallExpr m, FunctionRule rule, Code g, FormulaWriter formulas, Block output)
    {
        var conditions = new List<Code>();
        Code? negation = null;
        if (Activity.ChoosesByOutput(m) && _knownValues.TryGetValue(m, out var picked))
        {
            // The stored output equals the first argument exactly when that one was picked.
            var first = Value(m.Args[0], output);
            conditions.Add(Code.Binary(picked, "==", first, Code.Equality));
            negation = Code.Binary(picked, "!=", first, Code.Equality);
        }
        else
        {
            conditions.AddRange(rule.Picks.Select(p => formulas.Write(p.Condition)));
        }

        var arms = new List<Block>();
        for (var i = 0; i < m.Args.Count; i++)
        {
            var arm = new Block();
            BackpropInScope(m.Args[i], g, m.Kind, arm);
            arms.Add(arm);
        }

        // The first pick that holds wins: nest the choices from the last one inwards.
        var choice = arms[rule.DefaultPick];
        for (var p = rule.Picks.Count - 1; p >= 0; p--)
        {
            var outer = p == 0 ? output : new Block();
            WriteChoice(conditions[p], arms[rule.Picks[p].Argument], choice, outer, rule.Picks.Count == 1 ? negation : null);
            choice = outer;
        }
    }

    /// <summary>Calls the callee's pullback with <paramref name="seeds"/> (one for a scalar callee, one per element for a tuple) and distributes its adjoints.</summary>
    private void BackpropCall(DifferentiableCallExpr call, IReadOnlyList<Code> seeds, Block output)
    {
        var arguments = call.Args.Select(a => ExpressionRenderer.Render(a)).ToList();
        var adjoints = new System.Collections.Generic.List<Code>();
        var scalarAdjoints = new System.Collections.Generic.List<(Expr Argument, string Adjoint, NumKind Kind)>();
        for (var i = 0; i < call.Args.Count; i++)
        {
            switch (call.Roles[i])
            {
                case ParamRole.Scalar:
                    var kind = call.ParamKinds[i].IsFloating() ? call.ParamKinds[i] : call.Kind;
                    var adjoint = Temp("_a");
                    output.Declare(kind.Keyword(), adjoint, Code.Number(0, kind));
                    adjoints.Add(Code.Ref(adjoint));
                    scalarAdjoints.Add((call.Args[i], adjoint, kind));
                    break;
                case ParamRole.Span:
                    // A view's adjoint is the same window of its base's adjoint: the pullback adds into the base's elements.
                    var spanAdjoint = Activity.SequencePassed(call.Args[i]) is { } sequence && _adjointOf.TryGetValue(sequence, out var adjointOfSequence) ? adjointOfSequence : null;
                    adjoints.Add(ExpressionRenderer.Companion(call.Args[i], spanAdjoint, call.Kind));
                    break;
            }
        }

        output.Add(new ExpressionNode(Code.Call(call.Pullback, arguments.Concat(seeds).Concat(adjoints).ToArray())));
        foreach (var (argument, adjoint, adjointKind) in scalarAdjoints)
        {
            // The adjoint has the callee's parameter type; Backprop casts it back to the argument's (float for a double parameter).
            Backprop(argument, Code.Atom(adjoint), adjointKind, output);
        }
    }

    /// <summary>Writes <c>if (condition) { whenTrue } else { whenFalse }</c>, leaving out an empty arm (<paramref name="negation"/> is the condition's exact negation, when it has a simpler form than <c>!(…)</c>).</summary>
    private static void WriteChoice(Code condition, Block whenTrue, Block whenFalse, Block output, Code? negation = null)
    {
        if (whenTrue.IsEmpty && whenFalse.IsEmpty)
        {
            return;
        }

        if (whenTrue.IsEmpty)
        {
            output.If(negation ?? Code.Prefix("!", condition), whenFalse);
            return;
        }

        output.If(condition, whenTrue, whenFalse);
    }

    /// <summary>
    /// The value of <paramref name="expression"/> as code: leaves inline, anything else computed once into a
    /// temporary, shared by every equal subexpression of the same statement (model expressions compare by value).
    /// </summary>
    private Code Value(Expr expression, Block output)
    {
        if (Activity.IsLeaf(expression))
        {
            return ExpressionRenderer.Render(expression);
        }

        foreach (var scope in _valueScopes)
        {
            if (scope.TryGetValue(expression, out var known))
            {
                return known;
            }
        }

        // An active exp/tanh/sqrt/cbrt inside is differentiated later in this statement and its derivative reads its
        // output: computed first, `1 + Math.Exp(x)` becomes `1 + _t1` and the derivative reuses `_t1`.
        foreach (var call in OutputCallsInside(expression))
        {
            Value(call, output);
        }

        // At a top-level return the primal value is computed from these temporaries too (see EmitStatement).
        var target = _primalValues is not null && _valueScopes.Count == 1 ? _primalValues : output;
        // Written in terms of the statement's earlier temporaries, so a shared subexpression is computed once.
        var earlier = new System.Collections.Generic.Dictionary<Expr, Code>();
        foreach (var scope in _valueScopes)
        {
            foreach (var pair in scope)
            {
                earlier[pair.Key] = pair.Value;
            }
        }

        var temp = Temp("_t", expression.Kind, ExpressionRenderer.Render(expression, earlier), target);
        _valueScopes.Peek()[expression] = temp;
        return temp;
    }

    /// <summary>The outermost active exp/tanh/sqrt/cbrt calls strictly inside an expression, outside conditional arms (which may not run).</summary>
    private System.Collections.Generic.IEnumerable<MathCallExpr> OutputCallsInside(Expr expression)
    {
        System.Collections.Generic.IEnumerable<Expr> children = expression switch
        {
            UnaryExpr u => [u.Operand],
            BinaryExpr b => [b.Left, b.Right],
            CastExpr c => [c.Operand],
            MathCallExpr m => m.Args,
            _ => [],
        };
        foreach (var child in children)
        {
            if (Activity.DerivativeReadsOutput(child) && Activity.IsActive(child, _varied))
            {
                yield return (MathCallExpr)child;
            }
            else
            {
                foreach (var call in OutputCallsInside(child))
                {
                    yield return call;
                }
            }
        }
    }

    /// <summary>Starts a statement's adjoint: temporaries of earlier statements may hold stale values.</summary>
    private void ResetScopes()
    {
        _valueScopes.Clear();
        _valueScopes.Push(new System.Collections.Generic.Dictionary<Expr, Code>());
    }

    private Code Temp(string stem, NumKind kind, Code value, Block output)
    {
        var name = Temp(stem);
        output.Declare(kind.Keyword(), name, value);
        return Code.Atom(name);
    }

    /// <summary>
    /// The output of exp/tanh/sqrt/cbrt, which its own derivative needs: read back from the variable that stored it
    /// (see RememberOutput), else the statement's temporary for it (the product rule in <c>Math.Exp(q) * v</c> has
    /// already computed it for v's derivative), else computed once into a new one.
    /// </summary>
    private Code Output(MathCallExpr call, Block output) =>
        _knownValues.TryGetValue(call, out var known) ? known : Value(call, output);

    /// <summary>A gradient used more than once is computed once.</summary>
    private Code Share(Code gradient, NumKind kind, Block output) =>
        gradient.IsSimple ? gradient : Temp("_g", kind, gradient, output);
}
