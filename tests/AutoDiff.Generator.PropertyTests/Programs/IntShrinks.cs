namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// One-step simplifications of the int-and-loop families' nodes (see <see cref="Shrinks"/>). A step's amount only
/// shrinks to the constant 1, so a cut-down program keeps its ints small and its indices in range.
/// </summary>
internal static class IntShrinks
{
    public static IEnumerable<Stmt> Of(Stmt statement)
    {
        switch (statement)
        {
            case IntDeclare d:
                foreach (var e in Of(d.Init)) yield return d with { Init = e };
                break;
            case IntUpdate u:
                if (u.Change != IntChange.Step || u.Amount is not IntConstant { Value: 1 }) yield return u with { Change = IntChange.Step, Amount = new IntConstant(1) };
                if (u.Change == IntChange.Set) foreach (var e in Of(u.Amount)) yield return u with { Amount = e };
                break;
            case FlagDeclare f:
                foreach (var c in Shrinks.Of(f.Init)) yield return new FlagDeclare(c);
                break;
            case FlagUpdate f:
                if (!f.Toggle) yield return f with { Toggle = true };
                foreach (var c in Shrinks.Of(f.Value)) yield return f with { Value = c };
                break;
            case IfBlock b:
                if (b.Jump != Jump.None) yield return b with { Jump = Jump.None };
                if (b.Else.Length > 0) yield return b with { Else = [] };
                foreach (var then in Shrinks.OfList(b.Then, Shrinks.Of)) yield return b with { Then = then };
                foreach (var otherwise in Shrinks.OfList(b.Else, Shrinks.Of)) yield return b with { Else = otherwise };
                foreach (var c in Shrinks.Of(b.Condition)) yield return b with { Condition = c };
                if (b.Jump == Jump.Return) foreach (var e in Shrinks.Of(b.ReturnValue)) yield return b with { ReturnValue = e };
                break;
            case AccumulatingLoop loop:
                // An assignment, not a declaration: a nested loop's replacement must not declare a local inside the outer loop.
                yield return new Assign(0, AssignOp.Add, loop.Init);
                foreach (var s in Of(loop)) yield return s;
                break;
        }
    }

    public static IEnumerable<Expr> Of(Expr expression)
    {
        switch (expression)
        {
            case ElementAt e:
                yield return new SpanElement(e.Fallback);
                foreach (var p in Of(e.Position)) yield return e with { Position = p };
                break;
            case HelperValue h:
                yield return new Constant(1.0);
                if (h.Mix) yield return h with { Mix = false };
                foreach (var a in Of(h.First)) yield return h with { First = a };
                if (h.Mix) foreach (var b in Of(h.Second)) yield return h with { Second = b };
                break;
            case IntAsDouble d:
                yield return new Constant(0.25);
                foreach (var a in Of(d.Operand)) yield return new IntAsDouble(a);
                break;
        }
    }

    public static IEnumerable<IntExpr> Of(IntExpr expression)
    {
        switch (expression)
        {
            case IntConstant { Value: > 1 }:
                yield return new IntConstant(1);
                break;
            case IntLocalRef { Index: > 0 } r:
                yield return r with { Index = 0 };
                break;
            case IntVariable v:
                yield return new IntConstant(1);
                if (v.Index > 0) yield return new IntVariable(0);
                break;
            case IntSum s:
                yield return s.Left;
                yield return s.Right;
                foreach (var a in Of(s.Left)) yield return s with { Left = a };
                foreach (var b in Of(s.Right)) yield return s with { Right = b };
                break;
            case IntRemainder r:
                yield return r.Operand;
                foreach (var a in Of(r.Operand)) yield return r with { Operand = a };
                break;
            case IntChoice c:
                yield return c.Then;
                yield return c.Else;
                foreach (var k in Shrinks.Of(c.Condition)) yield return c with { Condition = k };
                foreach (var a in Of(c.Then)) yield return c with { Then = a };
                foreach (var b in Of(c.Else)) yield return c with { Else = b };
                break;
            case IntHelperCall h:
                yield return h.Operand;
                foreach (var a in Of(h.Operand)) yield return h with { Operand = a };
                break;
        }
    }

    private static IEnumerable<Stmt> Of(AccumulatingLoop loop)
    {
        if (loop.Form != LoopForm.Sum) yield return loop with { Form = LoopForm.Sum };
        foreach (var body in Shrinks.OfList(loop.Body, Shrinks.Of)) yield return loop with { Body = body };
        foreach (var e in Shrinks.Of(loop.Update)) yield return loop with { Update = e };
        foreach (var e in Shrinks.Of(loop.Init)) yield return loop with { Init = e };
        switch (loop)
        {
            case ForLoop f when f.Bounds != ForBounds.Full:
                yield return f with { Bounds = ForBounds.Full };
                break;
            case WhileLoop w:
                if (w.DataExit) yield return w with { DataExit = false };
                if (w.Do) yield return w with { Do = false };
                if (w.Bound != 0) yield return w with { Bound = 0 };
                if (w.StepInCondition) yield return w with { StepInCondition = false };
                break;
        }
    }
}
