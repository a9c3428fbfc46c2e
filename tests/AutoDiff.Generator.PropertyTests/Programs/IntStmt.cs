namespace AutoDiff.PropertyTests.Programs;

/// <summary>How an int local changes: stepped (<c>k += a</c>, <c>k++</c>), scaled modulo a bound, or reassigned modulo a bound.</summary>
internal enum IntChange { Step, Scale, Set }

/// <summary><c>int kN = init;</c>, or a private <c>int pN = init;</c> (see <see cref="Scope.PrivateInts"/>).</summary>
internal sealed record IntDeclare(IntExpr Init, bool Private = false) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var name = scope.Names.Next(Private ? "p" : "k");
        lines.Add($"int {name} = {Init.Render(scope, flavor)};");
        return Private
            ? scope with { PrivateInts = [.. scope.PrivateInts, name] }
            : scope.WithInt(name, plainCalls: !GeneratorGaps.Avoids(Gap.ChangedIntInPlainCall)) with { IntLocals = [.. scope.IntLocals, name] };
    }
}

/// <summary>
/// Changes an int local; nothing when none is declared. A step adds a small amount (the generator only builds bounded
/// amounts: constants, <c>e % 3</c>, <c>c ? 2 : 1</c>, <c>Bump(e)</c>); scaling and reassignment reduce modulo a constant,
/// so ints stay small and ≥ 0 however many iterations run.
/// </summary>
internal sealed record IntUpdate(int Target, IntChange Change, IntExpr Amount, int Factor, int Modulus, bool Private = false) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        if (scope.IntLocal(Target, Private) is not { } k)
        {
            return scope;
        }

        // While the gap is open, a step in a branch of a loop is written so that it reads k, which the generator records.
        var recorded = scope.InLoop && scope.InBranch && GeneratorGaps.Avoids(Gap.IntStepInLoopBranch);
        lines.Add(Change switch
        {
            IntChange.Step when recorded => $"{k} = {k} + {Amount.Render(scope, flavor)};",
            IntChange.Step when Amount is IntConstant { Value: 1 } => $"{k}++;",
            IntChange.Step => $"{k} += {Amount.Render(scope, flavor)};",
            IntChange.Scale => $"{k} = ({k} * {Factor}) % {Modulus};",
            _ => $"{k} = {Amount.Render(scope, flavor)} % {Modulus};",
        });
        return scope;
    }
}

/// <summary><c>bool fN = condition;</c></summary>
internal sealed record FlagDeclare(Condition Init) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var name = scope.Names.Next("f");
        lines.Add($"bool {name} = {Init.Render(scope, flavor)};");
        return scope with { Flags = [.. scope.Flags, name] };
    }
}

/// <summary><c>f = !f;</c> or <c>f = condition;</c> (a flag set by a data comparison); nothing when no flag is declared.</summary>
internal sealed record FlagUpdate(int Target, bool Toggle, Condition Value) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        if (scope.Flag(Target) is { } flag)
        {
            lines.Add(Toggle ? $"{flag} = !{flag};" : $"{flag} = {Value.Render(scope, flavor)};");
        }

        return scope;
    }
}

/// <summary>What ends the then-block of an <see cref="IfBlock"/> inside a loop.</summary>
internal enum Jump { None, Continue, Break, Return }

/// <summary>
/// <c>if (c) { … [jump] } else { … }</c> whose blocks hold any statements that declare nothing. The jump renders only
/// inside a loop (a return anywhere); before a <c>continue</c> a while loop's counter is stepped, so the loop still ends.
/// </summary>
internal sealed record IfBlock(Condition Condition, Stmt[] Then, Stmt[] Else, Jump Jump, Expr ReturnValue) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var jump = JumpIn(scope.Loop);
        var outer = scope;
        scope = scope with { InBranch = true };
        lines.Add($"if ({Condition.Render(scope, flavor)})");
        lines.Open();
        Block.Render(Then, scope, flavor, lines);
        switch (jump)
        {
            case Jump.Continue:
                if (scope.Loop!.BeforeContinue is { } step)
                {
                    lines.Add(step);
                }

                lines.Add("continue;");
                break;
            case Jump.Break:
                lines.Add("break;");
                break;
            case Jump.Return:
                lines.Add($"return {ReturnValue.Render(scope, flavor)};");
                break;
        }

        lines.Close();
        if (Else.Length > 0)
        {
            lines.Add("else");
            lines.Open();
            Block.Render(Else, scope, flavor, lines);
            lines.Close();
        }

        return outer;
    }

    /// <summary>
    /// The jump that renders: none outside a loop (but a return), and no <c>continue</c> in a loop that is not counted while
    /// <see cref="Gap.IntStepInLoopBranch"/> is avoided.
    /// </summary>
    public Jump JumpIn(LoopScope? loop) => Jump switch
    {
        Jump.Continue when loop is null || (!loop.Counted && GeneratorGaps.Avoids(Gap.IntStepInLoopBranch)) => Jump.None,
        Jump.Break when loop is null => Jump.None,
        _ => Jump,
    };
}

/// <summary>Renders statements in order inside a block; what they declare goes out of scope at the block's end.</summary>
internal static class Block
{
    public static void Render(IEnumerable<Stmt> statements, Scope scope, Flavor flavor, SourceLines lines)
    {
        foreach (var statement in statements)
        {
            scope = statement.Render(scope, flavor, lines);
        }
    }
}

/// <summary>
/// A guard as users write one, <c>if (k == int.MinValue) throw new InvalidOperationException($"…{k}…");</c>: it never
/// fires (the ints stay small), so the function is what it was, but every derivative kind must keep it where it
/// stands, wherever the program puts it (in a loop, in a branch before a jump, after a loop that may return), with
/// the message's locals under their generated names.
/// </summary>
internal sealed record Guard(IntExpr Value) : Stmt
{
    public override Scope Render(Scope scope, Flavor flavor, SourceLines lines)
    {
        var value = Value.Render(scope, flavor);
        lines.Add($"if ({value} == int.MinValue)");
        lines.Open();
        lines.Add($"throw new InvalidOperationException($\"{{{value}}} is the least int.\");");
        lines.Close();
        return scope;
    }
}
