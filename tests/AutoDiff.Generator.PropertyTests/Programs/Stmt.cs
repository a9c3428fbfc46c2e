namespace AutoDiff.PropertyTests.Programs;

/// <summary>How a local is updated: <c>=</c>, <c>+=</c>, <c>-=</c>, <c>*=</c>, or <c>/=</c> by a positive divisor.</summary>
internal enum AssignOp { Set, Add, Subtract, Multiply, Divide }

/// <summary>How a loop over the span updates its accumulator.</summary>
internal enum LoopForm { Sum, Recurrence, Product, Guarded }

/// <summary>A random statement. Rendering appends lines and returns the scope after the statement.</summary>
internal abstract record Stmt
{
    public abstract Scope Render(Scope scope, Flavor flavor, SourceLines lines);

    protected static string NewLocal(Scope scope, string prefix) => prefix + scope.LocalCount;
}

/// <summary><c>double tN = init;</c></summary>
internal sealed record Declare(Expr Init) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var name = NewLocal(scope, "t");
        lines.Add($"{flavor.Number} {name} = {Init.Render(scope, flavor)};");
        return scope.WithLocal(name);
    }
}

/// <summary>Reassigns an existing local (a declaration when none exists yet).</summary>
internal sealed record Assign(int Target, AssignOp Op, Expr Value) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        if (scope.Local(Target) is not { } target)
        {
            return new Declare(Value).Render(scope, flavor, lines);
        }

        lines.Add(Text(target, scope, flavor));
        return scope;
    }

    public string Text(string target, Scope scope, Flavor flavor)
    {
        var value = Value.Render(scope, flavor);
        return Op switch
        {
            AssignOp.Set => $"{target} = {value};",
            AssignOp.Add => $"{target} += {value};",
            AssignOp.Subtract => $"{target} -= {value};",
            AssignOp.Multiply => $"{target} *= {value};",
            _ => $"{target} /= 1.5 + {flavor.MathClass}.Cos({value});",
        };
    }
}

/// <summary><c>if (c) { ... } else { ... }</c> whose branches reassign existing locals.</summary>
internal sealed record Branch(Condition Condition, Assign[] Then, Assign[] Else) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        if (scope.LocalCount == 0)
        {
            return scope;
        }

        lines.Add($"if ({Condition.Render(scope, flavor)})");
        Block(Then, scope, flavor, lines);
        if (Else.Length > 0)
        {
            lines.Add("else");
            Block(Else, scope, flavor, lines);
        }

        return scope;
    }

    private static void Block(Assign[] body, Scope scope, Flavor flavor, SourceLines lines)
    {
        lines.Open();
        foreach (var assign in body)
        {
            lines.Add(assign.Text(scope.Local(assign.Target)!, scope, flavor));
        }

        lines.Close();
    }
}

/// <summary><c>if (c) return e;</c></summary>
internal sealed record EarlyReturn(Condition Condition, Expr Value) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        lines.Add($"if ({Condition.Render(scope, flavor)})");
        lines.Open();
        lines.Add($"return {Value.Render(scope, flavor)};");
        lines.Close();
        return scope;
    }
}

/// <summary>
/// <c>double aN = init; for (int i = 0; i &lt; w.Length; i++) { ... }</c>: an accumulator updated per element;
/// without a span parameter, a plain declaration.
/// </summary>
internal sealed record Loop(LoopForm Form, Expr Init, Expr Body) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        if (scope.SpanName is not { } span)
        {
            return new Declare(Init).Render(scope, flavor, lines);
        }

        var acc = NewLocal(scope, "a");
        lines.Add($"{flavor.Number} {acc} = {Init.Render(scope, flavor)};");
        var inner = scope with { Loop = new LoopScope("i", "i", null, 1, Counted: true) };
        var body = Body.Render(inner, flavor);
        var m = flavor.MathClass;
        lines.Add($"for (int i = 0; i < {span}.Length; i++)");
        lines.Open();
        switch (Form)
        {
            case LoopForm.Sum:
                lines.Add($"{acc} += {body};");
                break;
            case LoopForm.Recurrence:
                lines.Add($"{acc} = {m}.Tanh({acc}) + {body};");
                break;
            case LoopForm.Product:
                lines.Add($"{acc} *= 1.0 + 0.5 * {m}.Tanh({body});");
                break;
            default:
                lines.Add($"if ({span}[i] > {acc})");
                lines.Open();
                lines.Add($"{acc} += {body};");
                lines.Close();
                lines.Add("else");
                lines.Open();
                lines.Add($"{acc} *= 0.5;");
                lines.Close();
                break;
        }

        lines.Close();
        return scope.WithLocal(acc);
    }
}

/// <summary>
/// <c>System.Func&lt;int, int&gt; onTape = q =&gt; q;</c>: a lambda, which the static transformation does not take, so the
/// method falls back to the tape (a <c>switch</c> did, until switches were differentiated statically).
/// </summary>
internal sealed record ForceTape : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        lines.Add("System.Func<int, int> onTape = q => q;");
        return scope;
    }
}
