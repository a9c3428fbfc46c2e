namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// One-step simplifications of a random function (drop a statement, replace a node by a child or a leaf), used after
/// CsCheck has shrunk a failing batch to cut its smallest failing function down to a minimal one.
/// </summary>
internal static class Shrinks
{
    public static IEnumerable<RandomFunction> Of(RandomFunction f)
    {
        if (f.Points.Length > 1)
        {
            foreach (var i in Enumerable.Range(0, f.Points.Length))
            {
                yield return f with { Points = [f.Points[i]] };
            }
        }

        for (var i = 0; i < f.Body.Length; i++)
        {
            yield return f with { Body = [.. f.Body[..i], .. f.Body[(i + 1)..]] };
        }

        foreach (var e in Of(f.Result))
        {
            yield return f with { Result = e };
        }

        for (var i = 0; i < f.Body.Length; i++)
        {
            foreach (var s in Of(f.Body[i]))
            {
                yield return f with { Body = [.. f.Body[..i], s, .. f.Body[(i + 1)..]] };
            }
        }

        if (f.ScalarCount > 1)
        {
            yield return f with { ScalarCount = f.ScalarCount - 1 };
        }

        if (f.Callees is { } callees)
        {
            if (callees.Length > 1)
            {
                yield return f with { Callees = callees[..^1] };
            }

            foreach (var shrunk in OfList(callees, OfCallee))
            {
                if (shrunk.Length > 0)
                {
                    yield return f with { Callees = shrunk };
                }
            }
        }
    }

    /// <summary>A callee with a statement dropped or simplified, a simpler result, one parameter fewer, or no span.</summary>
    private static IEnumerable<Callee> OfCallee(Callee callee)
    {
        foreach (var body in OfList(callee.Body, Of))
        {
            yield return callee with { Body = body };
        }

        foreach (var e in Of(callee.Result))
        {
            yield return callee with { Result = e };
        }

        if (callee.Arity > 1)
        {
            yield return callee with { Arity = 1 };
        }

        if (callee.HasSpan)
        {
            yield return callee with { HasSpan = false };
        }
    }

    internal static IEnumerable<Stmt> Of(Stmt statement)
    {
        switch (statement)
        {
            case Declare d:
                foreach (var e in Of(d.Init)) yield return new Declare(e);
                break;
            case Assign a:
                if (a.Op != AssignOp.Set) yield return a with { Op = AssignOp.Set };
                foreach (var e in Of(a.Value)) yield return a with { Value = e };
                break;
            case Branch b:
                if (b.Else.Length > 0) yield return b with { Else = [] };
                for (var i = 0; b.Then.Length > 1 && i < b.Then.Length; i++) yield return b with { Then = [.. b.Then[..i], .. b.Then[(i + 1)..]] };
                foreach (var c in Of(b.Condition)) yield return b with { Condition = c };
                break;
            case EarlyReturn r:
                foreach (var e in Of(r.Value)) yield return r with { Value = e };
                foreach (var c in Of(r.Condition)) yield return r with { Condition = c };
                break;
            case Loop l:
                yield return new Declare(l.Init);
                if (l.Form != LoopForm.Sum) yield return l with { Form = LoopForm.Sum };
                foreach (var e in Of(l.Init)) yield return l with { Init = e };
                foreach (var e in Of(l.Body)) yield return l with { Body = e };
                break;
            case ScratchLoop l:
                foreach (var s in OfScratch(l)) yield return s;
                break;
            case LayeredLoop l:
                foreach (var s in OfLayered(l)) yield return s;
                break;
            case TriangleLoop t:
                if (t.Dimension > 2) yield return t with { Dimension = t.Dimension - 1 };
                if (t.Components != 1) yield return t with { Components = 1 };
                if (!t.CounterPerComponent) yield return t with { CounterPerComponent = true };
                if (!t.InPlace) yield return t with { InPlace = true };
                if (t.Step != CounterStep.Increment) yield return t with { Step = CounterStep.Increment };
                foreach (var e in Of(t.Fill)) yield return t with { Fill = e };
                foreach (var e in Of(t.Read)) yield return t with { Read = e };
                break;
            default:
                foreach (var s in IntShrinks.Of(statement)) yield return s;
                break;
        }
    }

    /// <summary>A scratch loop with one feature taken away: fewer steps or buffers, no exit, no enclosing loop, no read after it, simpler values.</summary>
    private static IEnumerable<Stmt> OfScratch(ScratchLoop l)
    {
        if (l.Buffers.Length > 1) yield return l with { Buffers = l.Buffers[..1] };
        if (l.Exit != ScratchExit.None) yield return l with { Exit = ScratchExit.None };
        if (l.Repeated) yield return l with { Repeated = false };
        if (l.ReadAfter) yield return l with { ReadAfter = false };
        if (l.Direction != ScratchDirection.Up) yield return l with { Direction = ScratchDirection.Up };
        if (l.Trips != ScratchTrips.Constant || l.Count != 1) yield return l with { Trips = ScratchTrips.Constant, Count = 1 };
        foreach (var steps in OfList(l.Steps, OfStep)) yield return l with { Steps = steps };
        foreach (var e in Of(l.Init)) yield return l with { Init = e };
    }

    /// <summary>A layered loop with one feature taken away: a layer fewer, one point, no clearing, simpler units, weights, activation, loss and input.</summary>
    private static IEnumerable<Stmt> OfLayered(LayeredLoop l)
    {
        if (l.Sizes.Length > 2) yield return l with { Sizes = l.Sizes[..^1] };
        for (var i = 1; i < l.Sizes.Length; i++)
        {
            if (l.Sizes[i] != 1) yield return l with { Sizes = [.. l.Sizes[..i], 1, .. l.Sizes[(i + 1)..]] };
        }

        if (l.Points != 1) yield return l with { Points = 1 };
        if (l.ClearEachPoint) yield return l with { ClearEachPoint = false };
        if (l.UnitsFromSizes) yield return l with { UnitsFromSizes = false };
        if (l.Weights != LayerWeights.WrappedSpan) yield return l with { Weights = LayerWeights.WrappedSpan };
        if (l.Stride != LayerStride.Packed) yield return l with { Stride = LayerStride.Packed };
        if (l.Activation != LayerActivation.Tanh) yield return l with { Activation = LayerActivation.Tanh };
        if (l.Loss != LayerLoss.Tanh) yield return l with { Loss = LayerLoss.Tanh };
        if (l.ActiveInputs) yield return l with { ActiveInputs = false };
        foreach (var e in Of(l.Input)) yield return l with { Input = e };
    }

    private static IEnumerable<BufferStep> OfStep(BufferStep step) => step switch
    {
        Fill f => Of(f.Value).Select(e => (BufferStep)(f with { Value = e })).Prepend(f with { Other = -1 }),
        Recur r => Of(r.Value).Select(e => (BufferStep)(r with { Value = e })),
        Triangle t => Of(t.Value).Select(e => (BufferStep)(t with { Value = e })),
        Scale c => Of(c.Value).Select(e => (BufferStep)(c with { Value = e })),
        Poke p => Of(p.Value).Select(e => (BufferStep)(p with { Value = e })),
        Accumulate a => Of(a.Value).Select(e => (BufferStep)(a with { Value = e })),
        _ => [],
    };

    /// <summary>Each list with one element dropped, then with one element replaced by one of its one-step simplifications.</summary>
    internal static IEnumerable<T[]> OfList<T>(T[] list, Func<T, IEnumerable<T>> of)
    {
        for (var i = 0; i < list.Length; i++)
        {
            yield return [.. list[..i], .. list[(i + 1)..]];
        }

        for (var i = 0; i < list.Length; i++)
        {
            foreach (var s in of(list[i]))
            {
                yield return [.. list[..i], s, .. list[(i + 1)..]];
            }
        }
    }

    internal static IEnumerable<Condition> Of(Condition condition)
    {
        switch (condition)
        {
            case Compare c:
                foreach (var e in Of(c.Left)) yield return c with { Left = e };
                break;
            case FlagIs f:
                yield return f.Otherwise;
                if (f.Negated) yield return f with { Negated = false };
                break;
            case IntIsEven even:
                foreach (var e in IntShrinks.Of(even.Operand)) yield return new IntIsEven(e);
                break;
        }
    }

    internal static IEnumerable<Expr> Of(Expr expression)
    {
        switch (expression)
        {
            case Variable { Index: > 0 }:
                yield return new Variable(0);
                break;
            case Constant { Value: not 1.0 }:
                yield return new Constant(1.0);
                break;
            case SpanElement s:
                yield return new Variable(s.Fallback);
                break;
            case LoopIndex:
                yield return new Constant(0.25);
                break;
            case Negate n:
                yield return n.Operand;
                foreach (var e in Of(n.Operand)) yield return new Negate(e);
                break;
            case UnaryCall u:
                yield return u.Operand;
                foreach (var e in Of(u.Operand)) yield return u with { Operand = e };
                break;
            case BinaryCall b:
                yield return b.Left;
                yield return b.Right;
                foreach (var e in Of(b.Left)) yield return b with { Left = e };
                foreach (var e in Of(b.Right)) yield return b with { Right = e };
                break;
            case CalleeCall call:
                yield return call.First;
                yield return call.Second;
                foreach (var e in Of(call.First)) yield return call with { First = e };
                foreach (var e in Of(call.Second)) yield return call with { Second = e };
                break;
            case Choice c:
                yield return c.Then;
                yield return c.Else;
                foreach (var e in Of(c.Then)) yield return c with { Then = e };
                foreach (var e in Of(c.Else)) yield return c with { Else = e };
                foreach (var k in Of(c.Condition)) yield return c with { Condition = k };
                break;
            default:
                foreach (var e in IntShrinks.Of(expression)) yield return e;
                break;
        }
    }
}
