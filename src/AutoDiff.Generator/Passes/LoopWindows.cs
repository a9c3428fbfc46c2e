using System;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Takes the run of elements a counted loop reads or writes at <c>s[start + i]</c> as one span before the loop
/// (<c>var _sWindow = LoopWindow.Of(s, start, n);</c>), indexes that window by the counter, and bounds the loop by
/// the first window's length, as a hand-written loop over slices does: no offset is added per access and the JIT
/// drops that window's range checks. A run from 0 (<c>s[i]</c>) gets no window. An inner loop's window that is the
/// same on every iteration of the loop around it (a layer's inputs, read by each of its neurons) is taken once,
/// before that loop. Applies to loops <c>for (int i = 0; i &lt; n; i++)</c> and the reverse sweep's
/// <c>for (int i = n - 1; i &gt;= 0; i--)</c> whose <c>n</c> and <c>start</c> the body does not change.
/// </summary>
/// <remarks>
/// A window checks its whole range before the first iteration, where the loop checked each index when it reached
/// it, so a loop gets windows only when the difference cannot show: every window is read or written on every
/// iteration (outside branches, conditional expressions and short-circuit operands), nothing leaves the loop
/// early (break, return, throw), nothing in it can throw anything but an index out of range (no calls beyond the
/// math functions that never throw, no division that could be by an int zero), and it writes no sequence the
/// caller passed in other than the adjoints it fills. Such a loop's first bad index and the window's check throw
/// the same <see cref="IndexOutOfRangeException"/>, and nothing the caller can see happened in between.
/// </remarks>
internal static class LoopWindows
{
    /// <summary>The runtime's window function, as generated code names it (the slices of <see cref="Analysis.IterationSlices"/> are taken with it too).</summary>
    internal const string WindowOf = "global::AutoDiff.CompilerServices.LoopWindow.Of";

    // Math functions that throw for some arguments: Sign(NaN), Clamp with min > max, Round with bad digits, DivRem by zero.
    private static readonly HashSet<string> Throwing = ["Sign", "Clamp", "Round", "DivRem"];

    /// <summary>The block with windows taken for every loop that qualifies, innermost first.</summary>
    /// <param name="block">A sweep of generated code.</param>
    /// <param name="callerSequences">The method's sequence parameters whose contents the caller sees (not the adjoints it fills).</param>
    /// <param name="nullableArrays">The method's array parameters: an element read of one may throw a null reference first.</param>
    /// <param name="fresh">Reserves a name no other local of the body uses.</param>
    public static Block Apply(Block block, IReadOnlyCollection<string> callerSequences, IReadOnlyCollection<string> nullableArrays, Func<string, string> fresh)
    {
        var callers = new Callers(callerSequences, nullableArrays);
        return NodeWalk.RewriteLoops(block, (loop, output) => Window(loop, callers, fresh, output));
    }

    /// <summary>What the pass knows of the method's parameters.</summary>
    private sealed record Callers(IReadOnlyCollection<string> Sequences, IReadOnlyCollection<string> NullableArrays);

    private static void Window(LoopNode loop, Callers callerSequences, Func<string, string> fresh, Block output)
    {
        if (Counted(loop) is not var (counter, count, upward) || !Qualifies(loop.Body, callerSequences))
        {
            output.Add(loop);
            return;
        }

        // Names the body assigns (the counter too), and with them the arrays it stores elements into: a start or
        // count that reads any of them may differ between iterations.
        var written = new HashSet<string>(loop.Body.SelectMany(n => NodeWalk.Writes(n, elements: false))) { counter };
        var changed = new HashSet<string>(loop.Body.SelectMany(NodeWalk.Changed)) { counter };
        if (count.Names.Any(changed.Contains) || count.HasEffect)
        {
            output.Add(loop);
            return;
        }

        // Only elements every iteration reaches decide the windows; the rewrite then also serves conditional ones.
        var runs = new List<(string Array, Code Start)>();
        foreach (var node in loop.Body)
        {
            foreach (var code in NodeWalk.Unconditional(node))
            {
                Collect(code, counter, written, changed, callerSequences.NullableArrays, runs);
            }
        }

        // A table's qualified name (global::Ns.Type.Field) names its window after the field.
        var windows = runs.Select(run => (run.Array, run.Start, Name: fresh("_" + run.Array.Substring(run.Array.LastIndexOf('.') + 1).TrimStart('_') + "Window"))).ToList();
        var inner = new List<DeclareNode>();
        var rest = Invariant(loop.Body, written, changed, inner);
        // An array parameter may be null, and reading it throws a null reference, not a range error: the loop gets
        // windows only if each element of one it reads is read through a window (from 0 too, which is otherwise not
        // worth one) or in a window's start, and those windows are taken first (LoopWindow.Of throws the null
        // reference), so no other window's range check can run before that exception. Runs from 0 alone are not
        // worth windows.
        var nullable = callerSequences.NullableArrays;
        var unwindowed = loop.Body.Select(n => NodeWalk.RewriteNode(n, c => Windowed(c, counter, windows))).SelectMany(NodeWalk.AllCodes).SelectMany(Indexed);
        if ((windows.All(w => w.Start.IsZeroLiteral) && inner.Count == 0) || unwindowed.Any(nullable.Contains))
        {
            output.Add(loop);
            return;
        }

        // The windows of array parameters, and those whose start reads one (w[offsets[k] + j]), first.
        windows = windows.OrderBy(w => nullable.Contains(w.Array) || w.Start.Names.Any(nullable.Contains) ? 0 : 1).ToList();

        foreach (var (array, start, name) in windows)
        {
            output.Declare("var", name, Code.Call(WindowOf, Code.Atom(array), start, count));
        }

        var bound = windows.Count > 0 ? Code.Member(Code.Atom(windows[0].Name), "Length") : count;
        // Taken as the first iteration would take it, and only if there is one.
        var anyIteration = Code.Binary(bound, ">", Code.Number(0, NumKind.Int), Code.Relational);
        var taken = new List<DeclareNode>();
        var same = new Dictionary<string, string>();
        foreach (var window in inner)
        {
            // The same run read by the primal and the reverse part of an iteration is one window.
            if (taken.FirstOrDefault(t => t.Value.SameAs(window.Value)) is { } first)
            {
                same[window.Name] = first.Name;
                continue;
            }

            output.Declare(window.Type, window.Name, Code.Choose(anyIteration, window.Value, Code.Atom("default")));
            taken.Add(window);
        }

        if (same.Count > 0)
        {
            rest = new Block(rest.Select(n => NodeWalk.RewriteNode(n, c => Renamed(c, same))));
        }

        if (windows.Count == 0)
        {
            output.Add(loop with { Body = rest });
            return;
        }

        var i = Code.Atom(counter);
        var body = new Block(rest.Select(n => NodeWalk.RewriteNode(n, c => Windowed(c, counter, windows))));
        output.Add(upward
            ? loop with { Condition = Code.Binary(i, "<", bound, Code.Relational), Body = body }
            : loop with { Init = new DeclareNode("int", counter, Code.Sub(bound, Code.Number(1, NumKind.Int))), Body = body });
    }

    /// <summary>
    /// The body without the windows of its inner loops that every iteration takes alike, which go to
    /// <paramref name="hoisted"/>: their sequence is not reassigned and their start and count read nothing the body
    /// changes. A window counts as taken on every iteration when it stands in the body itself or in a test that only
    /// skips adjoint work that would pass nothing back (a reverse loop whose adjoint is zero, the rest of an
    /// iteration's adjoint): without that test the window would be taken, and the reverse sweep reads and writes
    /// only elements the primal sweep reached (each of its accesses mirrors a primal one). Each iteration's check of
    /// the same run then happens once, before the first; as with the loop's own windows, the loop qualifies only when
    /// that cannot show.
    /// </summary>
    private static Block Invariant(Block body, HashSet<string> written, HashSet<string> changed, List<DeclareNode> hoisted)
    {
        var result = new Block();
        foreach (var node in body)
        {
            switch (node)
            {
                case DeclareNode { Value: { Form: Code.Shape.Call, Op: WindowOf } window } declare
                    when !written.Contains(window.Parts[0].Text) && !window.Parts.Skip(1).Any(p => p.HasEffect || p.Names.Any(changed.Contains)):
                    hoisted.Add(declare);
                    break;
                case IfNode skip when skip.SkipsWhenZero is not null || skip.SkipsIteration:
                    result.Add(skip with { Then = Invariant(skip.Then, written, changed, hoisted) });
                    break;
                default:
                    result.Add(node);
                    break;
            }
        }

        return result;
    }

    /// <summary><paramref name="code"/> naming a window by the name that stands for it in <paramref name="same"/>, or null when it names none.</summary>
    private static Code? Renamed(Code code, Dictionary<string, string> same) => code.Form switch
    {
        Code.Shape.Name when same.TryGetValue(code.Text, out var name) => Code.Atom(name),
        Code.Shape.Index when same.TryGetValue(code.Op, out var name) => Code.Index(name, NodeWalk.RewriteCode(code.Parts[1], c => Renamed(c, same))),
        _ => null,
    };

    /// <summary>The counter, trip count and direction of <c>for (int i = 0; i &lt; n; i++)</c> or <c>for (int i = n - 1; i &gt;= 0; i--)</c>.</summary>
    private static (string Counter, Code Count, bool Upward)? Counted(LoopNode loop)
    {
        if (loop is not { Form: LoopForm.For, Init: DeclareNode { Type: "int" } init, Step: AssignNode { Value: null } step, Condition: { Form: Code.Shape.Binary } condition }
            || step.Target.Form != Code.Shape.Name || step.Target.Text != init.Name
            || condition.Parts[0].Form != Code.Shape.Name || condition.Parts[0].Text != init.Name)
        {
            return null;
        }

        if (step.Op == "++" && condition.Op == "<" && init.Value.IsZeroLiteral && init.Value.LiteralKind == NumKind.Int)
        {
            return (init.Name, condition.Parts[1], true);
        }

        if (step.Op == "--" && condition.Op == ">=" && condition.Parts[1].IsZeroLiteral
            && init.Value is { Form: Code.Shape.Binary, Op: "-" } last && last.Parts[1].IsOne && last.Parts[1].LiteralKind == NumKind.Int)
        {
            return (init.Name, last.Parts[0], false);
        }

        return null;
    }

    /// <summary>True when nothing in <paramref name="body"/> can leave early, throw anything but a range error, or write what the caller passed.</summary>
    private static bool Qualifies(Block body, Callers callerSequences) => body.All(node => node switch
    {
        BreakNode or ReturnNode or ThrowArgumentNode or PassiveNode or VerbatimNode => false,
        IfNode branch => Safe(branch.Condition) && Qualifies(branch.Then, callerSequences) && Qualifies(branch.Else, callerSequences),
        LoopNode loop => (loop.Init is null || Qualifies(new Block([loop.Init]), callerSequences))
            && Safe(loop.Condition)
            && (loop.Step is null || Qualifies(new Block([loop.Step]), callerSequences))
            && Qualifies(loop.Body, callerSequences),
        AssignNode { Target: { Form: Code.Shape.Index } target } when callerSequences.Sequences.Contains(target.Op) => false,
        AccumulateNode { Adjoint: { Form: Code.Shape.Index } target } when callerSequences.Sequences.Contains(target.Op) => false,
        _ => NodeWalk.Codes(node).All(Safe),
    });

    /// <summary>
    /// True when evaluating <paramref name="code"/> can throw nothing but an index out of range (or, for an array
    /// parameter, a null reference, which <see cref="Window"/> settles): no division, no creation, no call that may
    /// throw (an int's <c>Math.Abs</c> overflows at its minimum).
    /// </summary>
    private static bool Safe(Code code) => code.Form switch
    {
        Code.Shape.Call => SafeCall(code) && code.Parts.All(Safe),
        Code.Shape.Binary when code.Op is "/" or "%" => false,
        Code.Shape.Creation => false,
        _ => code.Parts.All(Safe),
    };

    private static bool SafeCall(Code call) =>
        call.Op is WindowOf || NodeWalk.IsPop(call.Op)
        || NodeWalk.MathFunction(call.Op) is { } math && !Throwing.Contains(math) && !(math == "Abs" && call.CarriesNoDerivative);

    /// <summary>The arrays whose elements <paramref name="code"/> reads or writes.</summary>
    private static IEnumerable<string> Indexed(Code code) =>
        (code.Form == Code.Shape.Index ? [code.Op] : Enumerable.Empty<string>()).Concat(code.Parts.SelectMany(Indexed));

    /// <summary>Adds a run for each element <c>s[start + i]</c> that <paramref name="code"/> always reaches.</summary>
    private static void Collect(Code code, string counter, HashSet<string> written, HashSet<string> changed, IReadOnlyCollection<string> nullable, List<(string Array, Code Start)> runs)
    {
        switch (code.Form)
        {
            case Code.Shape.Choice:
                Collect(code.Parts[0], counter, written, changed, nullable, runs);
                return;
            case Code.Shape.Binary when code.Op is "&&" or "||":
                Collect(code.Parts[0], counter, written, changed, nullable, runs);
                return;
            // A run from 0 of an array parameter gets a window too when the loop takes any, so that the null
            // reference it may throw comes first (see Window).
            case Code.Shape.Index when (nullable.Contains(code.Op) ? RunStart(code.Parts[1], counter) : StartOf(code.Parts[1], counter)) is { } start
                                       && !written.Contains(code.Op)
                                       && !start.HasEffect && !start.Names.Any(changed.Contains)
                                       && !runs.Any(r => r.Array == code.Op && r.Start.SameAs(start)):
                runs.Add((code.Op, start));
                return;
        }

        foreach (var part in code.Parts)
        {
            Collect(part, counter, written, changed, nullable, runs);
        }
    }

    /// <summary>
    /// The start of <paramref name="index"/> when it is something plus the counter, else null. The counter alone
    /// gives none: a run from 0 has no offset to save, and a window's up-front check and its two registers cost a
    /// short loop more than the range checks it could drop (the GMM at d = 2 measured 15% slower with them).
    /// </summary>
    private static Code? StartOf(Code index, string counter)
    {
        if (index is { Form: Code.Shape.Binary, Op: "+" })
        {
            if (IsCounter(index.Parts[1], counter) && !index.Parts[0].Names.Contains(counter))
            {
                return index.Parts[0];
            }

            if (IsCounter(index.Parts[0], counter) && !index.Parts[1].Names.Contains(counter))
            {
                return index.Parts[1];
            }
        }

        return null;
    }

    /// <summary>The start of <paramref name="index"/> as <see cref="StartOf"/> gives it, or 0 for the counter alone.</summary>
    private static Code? RunStart(Code index, string counter) =>
        StartOf(index, counter) ?? (IsCounter(index, counter) ? Code.Number(0, NumKind.Int) : null);

    private static bool IsCounter(Code code, string counter) => code.Form == Code.Shape.Name && code.Text == counter;

    /// <summary><paramref name="code"/> as an element of its window, or null when it is not one.</summary>
    private static Code? Windowed(Code code, string counter, List<(string Array, Code Start, string Name)> windows)
    {
        if (code.Form != Code.Shape.Index || RunStart(code.Parts[1], counter) is not { } start)
        {
            return null;
        }

        foreach (var (array, windowStart, name) in windows)
        {
            if (array == code.Op && windowStart.SameAs(start))
            {
                return Code.Index(name, Code.Atom(counter));
            }
        }

        return null;
    }
}
