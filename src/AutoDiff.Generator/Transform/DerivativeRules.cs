using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Transform;

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
                BackpropCall(d, g, output);
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

    private void BackpropMath(MathCallExpr m, Code g, Block output)
    {
        var kind = m.Kind;
        Code F(string function, params Code[] args) => Code.Call(m.Class + "." + function, args);
        Code N(double value) => value == System.Math.Floor(value) && System.Math.Abs(value) < 100 ? Code.Number(value, NumKind.Int) : Code.Number(value, kind);
        var u = m.Args[0];
        switch (m.Function)
        {
            case "Sin":
                Backprop(u, Code.Mul(g, F("Cos", Value(u, output))), kind, output);
                break;
            case "Cos":
                Backprop(u, Code.Neg(Code.Mul(g, F("Sin", Value(u, output)))), kind, output);
                break;
            case "Tan":
                var cos = Temp("_t", kind, F("Cos", Value(u, output)), output);
                Backprop(u, Code.Div(g, Code.Mul(cos, cos)), kind, output);
                break;
            case "Asin":
            case "Acos":
                var x = Value(u, output);
                var slope = Code.Div(g, F("Sqrt", Code.Sub(N(1), Code.Mul(x, x))));
                Backprop(u, m.Function == "Asin" ? slope : Code.Neg(slope), kind, output);
                break;
            case "Atan":
                var a = Value(u, output);
                Backprop(u, Code.Div(g, Code.Add(N(1), Code.Mul(a, a))), kind, output);
                break;
            case "Atan2":
                // atan2(y, x): dy = x / (x² + y²), dx = -y / (x² + y²)
                var y = Value(m.Args[0], output);
                var x2 = Value(m.Args[1], output);
                var radius = Temp("_t", kind, Code.Add(Code.Mul(x2, x2), Code.Mul(y, y)), output);
                var shared = Share(g, kind, output);
                Backprop(m.Args[0], Code.Div(Code.Mul(shared, x2), radius), kind, output);
                Backprop(m.Args[1], Code.Neg(Code.Div(Code.Mul(shared, y), radius)), kind, output);
                break;
            case "Sinh":
                Backprop(u, Code.Mul(g, F("Cosh", Value(u, output))), kind, output);
                break;
            case "Cosh":
                Backprop(u, Code.Mul(g, F("Sinh", Value(u, output))), kind, output);
                break;
            case "Tanh":
                var tanh = Output(m, output);
                Backprop(u, Code.Mul(g, Code.Sub(N(1), Code.Mul(tanh, tanh))), kind, output);
                break;
            case "Exp":
                var exp = Output(m, output);
                Backprop(u, Code.Mul(g, exp), kind, output);
                break;
            case "Log" when m.Args.Count == 1:
                Backprop(u, Code.Div(g, Value(u, output)), kind, output);
                break;
            case "Log":
                // log_b(u) = ln u / ln b
                var argument = Value(u, output);
                var logBase = Temp("_t", kind, F("Log", Value(m.Args[1], output)), output);
                var shared2 = Share(g, kind, output);
                Backprop(u, Code.Div(shared2, Code.Mul(argument, logBase)), kind, output);
                Backprop(m.Args[1], Code.Neg(Code.Div(Code.Mul(shared2, F("Log", argument)), Code.Mul(Code.Mul(Value(m.Args[1], output), logBase), logBase))), kind, output);
                break;
            case "Log10":
            case "Log2":
                Backprop(u, Code.Div(g, Code.Mul(Value(u, output), F("Log", Code.Number(m.Function == "Log10" ? 10 : 2, kind)))), kind, output);
                break;
            case "Sqrt":
                var root = Output(m, output);
                Backprop(u, Code.Div(g, Code.Mul(N(2), root)), kind, output);
                break;
            case "Cbrt":
                var cube = Output(m, output);
                Backprop(u, Code.Div(g, Code.Mul(Code.Mul(N(3), cube), cube)), kind, output);
                break;
            case "Pow":
                BackpropPow(m, g, F, output);
                break;
            case "Abs":
                // Abs'(0) = 0, as the runtime tape does.
                Backprop(u, Code.Mul(g, F("Sign", Value(u, output))), kind, output);
                break;
            case "Max":
            case "Min":
                // Ties pick the first argument, as the runtime tape does.
                var first = Value(m.Args[0], output);
                Code picksFirst, picksSecond;
                if (Activity.ChoosesByOutput(m) && _knownValues.TryGetValue(m, out var picked))
                {
                    // The stored output equals the first argument exactly when that one was picked.
                    picksFirst = Code.Binary(picked, "==", first, Code.Equality);
                    picksSecond = Code.Binary(picked, "!=", first, Code.Equality);
                }
                else
                {
                    picksFirst = Code.Binary(first, m.Function == "Max" ? ">=" : "<=", Value(m.Args[1], output), Code.Relational);
                    picksSecond = Code.Prefix("!", picksFirst);
                }

                var pickFirst = new Block();
                var pickSecond = new Block();
                BackpropInScope(m.Args[0], g, kind, pickFirst);
                BackpropInScope(m.Args[1], g, kind, pickSecond);
                WriteChoice(picksFirst, pickFirst, pickSecond, output, picksSecond);
                break;
            case "Clamp":
                var clamped = Value(m.Args[0], output);
                var low = Value(m.Args[1], output);
                var high = Value(m.Args[2], output);
                var toValue = new Block();
                var toLow = new Block();
                var toHigh = new Block();
                BackpropInScope(m.Args[0], g, kind, toValue);
                BackpropInScope(m.Args[1], g, kind, toLow);
                BackpropInScope(m.Args[2], g, kind, toHigh);
                var inner = new Block();
                WriteChoice(Code.Binary(clamped, ">", high, Code.Relational), toHigh, toValue, inner);
                WriteChoice(Code.Binary(clamped, "<", low, Code.Relational), toLow, inner, output);
                break;
            default:
                // Floor, Ceiling, Round, Truncate, Sign: piecewise constant, zero derivative.
                break;
        }
    }

    private void BackpropPow(MathCallExpr m, Code g, System.Func<string, Code[], Code> f, Block output)
    {
        var kind = m.Kind;
        var baseValue = Value(m.Args[0], output);
        var exponent = Value(m.Args[1], output);
        var exponentActive = Activity.IsActive(m.Args[1], _varied);
        if (Activity.IsActive(m.Args[0], _varied))
        {
            Code derivative = m.Args[1] is ConstExpr { Value: 2 }
                ? Code.Mul(Code.Number(2, NumKind.Int), baseValue)
                : Code.Mul(exponent, f("Pow", [baseValue, Code.Sub(exponent, Code.Number(1, NumKind.Int))]));
            Backprop(m.Args[0], Code.Mul(exponentActive ? Share(g, kind, output) : g, derivative), kind, output);
        }

        if (exponentActive)
        {
            // d(a^b)/db = a^b ln a: NaN for a < 0 (IEEE), and 0 at a = 0, as the runtime tape defines it.
            var byExponent = new Block();
            BackpropInScope(m.Args[1], Code.Mul(Code.Mul(g, f("Pow", [baseValue, exponent])), f("Log", [baseValue])), kind, byExponent);
            output.If(Code.Binary(baseValue, "!=", Code.Number(0, NumKind.Int), Code.Equality), byExponent);
        }
    }

    private void BackpropCall(DifferentiableCallExpr call, Code g, Block output)
    {
        var arguments = call.Args.Select((a, i) => call.Roles[i] == ParamRole.Span ? Code.Atom(((OpaqueExpr)a).Text) : ExpressionRenderer.Render(a)).ToList();
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
                    var sequence = ((OpaqueExpr)call.Args[i]).Text;
                    adjoints.Add(_adjointOf.TryGetValue(sequence, out var spanAdjoint)
                        ? Code.Atom(spanAdjoint)
                        : Code.NewArray(false, call.Kind.Keyword(), Code.Member(Code.Atom(sequence), "Length")));
                    break;
            }
        }

        output.Add(new ExpressionNode(Code.Call(call.Pullback, arguments.Append(g).Concat(adjoints).ToArray())));
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
        if (ExpressionRenderer.IsLeaf(expression))
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
