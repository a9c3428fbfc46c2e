using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// Finds the top-level counted loops whose adjoint can run iteration by iteration, each right after that
/// iteration's primal, as a hand-written backward pass does: a dot product's loop, the loop over the points of a
/// loss. The reverse sweep normally runs the iterations backwards after the whole primal sweep, keeping what each
/// overwrote on a stack; when the iterations do not depend on each other, every iteration's record is popped
/// again right away and the stack never holds more than one iteration.
/// <para>
/// A loop qualifies when its iterations meet only through <b>accumulators</b>: locals declared before it that it
/// changes only by <c>v += e</c> / <c>v -= e</c> (e not reading v), and that nothing after the loop touches but
/// the final <c>return</c>. Their adjoint is then the same in every reverse iteration and known before the loop
/// (the lowering checks the last part: the return's partial derivative must read nothing the loop or the code
/// after it writes). Every other outside local or buffer the loop writes must be <b>overwritten whole before it
/// is read</b> in each iteration, and used nowhere outside the loop: then no iteration reads what another wrote,
/// no adjoint flows from one iteration into another, and what an iteration's adjoint restores is never read
/// again. The code after the loop must not write anything the loop reads, or the loop's contributions would reach
/// those adjoints before, rather than after, the code after it passes its own on.
/// </para>
/// </summary>
internal static class IterationAdjoints
{
    /// <summary>
    /// A loop that qualifies: its <paramref name="Accumulators"/>, and the names whose values may differ between
    /// the loop and the return (<paramref name="Unstable"/>): an accumulator's adjoint may not read them.
    /// </summary>
    internal sealed record Candidate(CountedForStmt Loop, IReadOnlyList<string> Accumulators, IReadOnlyCollection<string> Unstable);

    /// <summary>The qualifying loops among the top-level statements of a normalized body.</summary>
    /// <param name="body">The normalized body.</param>
    /// <param name="parameters">The method's parameters.</param>
    /// <param name="varied">The names that vary with the differentiable parameters.</param>
    public static IReadOnlyList<Candidate> Find(IReadOnlyList<Stmt> body, IEnumerable<ParameterModel> parameters, HashSet<string> varied)
    {
        var found = new List<Candidate>();
        if (body.Count == 0 || body[body.Count - 1] is not ReturnStmt { Value: not TupleExpr } || Normalizer.Walk(body).Count(s => s is ReturnStmt) != 1)
        {
            return found;
        }

        var parameterNames = new HashSet<string>(parameters.Select(p => p.Name));
        var allWritten = new HashSet<string>(Normalizer.Walk(body).SelectMany(Writes));
        for (var index = 0; index < body.Count - 1; index++)
        {
            if (body[index] is CountedForStmt loop && Qualifies(body, index, loop, parameterNames, allWritten, varied) is { } candidate)
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    private static Candidate? Qualifies(IReadOnlyList<Stmt> body, int index, CountedForStmt loop, HashSet<string> parameters, HashSet<string> allWritten, HashSet<string> varied)
    {
        var inside = Normalizer.Walk(loop.Body).ToList();
        if (Normalizer.Walk(loop.Body, intoLoops: false).Any(s => s is BreakStmt or ContinueStmt) || inside.Any(s => s is BufferStmt or ForStmt))
        {
            return null;
        }

        var before = body.Take(index).ToList();
        var readBefore = Activity.Needed(before, varied);
        var tail = body.Skip(index + 1).Take(body.Count - index - 2).ToList();
        var ret = (ReturnStmt)body[body.Count - 1];
        var outside = before.Concat(tail).Append(ret).ToList();

        // Locals declared in the loop live and die in one iteration (the parser gave each declared local its own name).
        var declaredInside = new HashSet<string>(inside.SelectMany(Declares).Append(loop.Index));
        if (outside.SelectMany(MentionsDeep).Any(declaredInside.Contains))
        {
            return null;
        }

        var written = new HashSet<string>(inside.SelectMany(Writes));
        written.ExceptWith(declaredInside);
        var accumulators = new List<string>();
        foreach (var name in written)
        {
            var declaration = before.FirstOrDefault(s => Declares(s).Contains(name));
            if (parameters.Contains(name) || declaration is null)
            {
                return null;
            }

            // An accumulator whose value the adjoint of a statement before the loop reads would have to be restored
            // iteration by iteration (the return reads it after the loop, which is fine).
            if (declaration is DeclareStmt { Kind: NumKind.Double or NumKind.Float }
                && !readBefore.Contains(name)
                && inside.All(s => OnlyAccumulates(s, name))
                && !tail.SelectMany(MentionsDeep).Contains(name))
            {
                accumulators.Add(name);
                continue;
            }

            // The declaration's own adjoint may read its value back (a = Math.Sqrt(…) reads a): the loop would leave
            // its own last value there, and 0 · 1/(2a) is NaN when that is 0, so such a local keeps the reverse sweep.
            if (readBefore.Contains(name)
                || outside.Where(s => s != declaration).SelectMany(MentionsDeep).Contains(name)
                || !WrittenBeforeRead(name, declaration, loop.Body, allWritten))
            {
                return null;
            }
        }

        var tailWrites = new HashSet<string>(tail.SelectMany(Normalizer.Walk).SelectMany(Writes));
        var read = inside.SelectMany(MentionsOwn).Concat(Names(loop.Start)).Concat(Names(loop.End));
        if (read.Any(tailWrites.Contains))
        {
            return null;
        }

        // Each accumulator's adjoint, the return's partial derivative, must be known before the loop: the return is
        // linear in it, with factors that read nothing the loop or the code after it writes.
        var unstable = new HashSet<string>(written.Concat(tailWrites));
        foreach (var accumulator in accumulators)
        {
            var factors = new List<string>();
            if (!Linear(ret.Value, accumulator, factors) || factors.Any(unstable.Contains))
            {
                return null;
            }
        }

        return new Candidate(loop, accumulators, unstable);
    }

    /// <summary>
    /// True when <paramref name="expression"/> is linear in <paramref name="name"/> through sums, differences,
    /// negations, casts, products with and quotients by factors that do not read it; collects the names those
    /// factors read, which the partial derivative reads.
    /// </summary>
    private static bool Linear(Expr expression, string name, List<string> factors)
    {
        if (!Names(expression).Contains(name))
        {
            return true;
        }

        switch (expression)
        {
            case VarExpr v:
                return v.Name == name;
            case UnaryExpr { Op: "-" or "+" } u:
                return Linear(u.Operand, name, factors);
            case CastExpr c:
                return Linear(c.Operand, name, factors);
            case BinaryExpr { Op: "+" or "-" } b:
                return Linear(b.Left, name, factors) && Linear(b.Right, name, factors);
            case BinaryExpr { Op: "*" } b:
                var (inner, factor) = Names(b.Left).Contains(name) ? (b.Left, b.Right) : (b.Right, b.Left);
                factors.AddRange(Names(factor));
                return !Names(factor).Contains(name) && Linear(inner, name, factors);
            case BinaryExpr { Op: "/" } b:
                factors.AddRange(Names(b.Right));
                return !Names(b.Right).Contains(name) && Linear(b.Left, name, factors);
            default:
                return false;
        }
    }

    /// <summary>True when every way <paramref name="statement"/> itself touches <paramref name="name"/> is <c>name += e</c> or <c>name -= e</c> with e not reading it.</summary>
    private static bool OnlyAccumulates(Stmt statement, string name) => statement switch
    {
        AssignStmt { Target: VarExpr target, Op: "+=" or "-=" } a when target.Name == name => !Names(a.Value).Contains(name),
        _ => !MentionsOwn(statement).Contains(name),
    };

    /// <summary>
    /// True when, in every run of <paramref name="block"/>, <paramref name="name"/> is overwritten whole before
    /// anything reads it: a scalar by <c>name = e</c>, a buffer by a loop over all of its elements (from 0 to the
    /// length it was declared with) whose body stores its element before reading the buffer. A nested loop or
    /// branch may use the name when it overwrites it first itself; after it the name is still unwritten.
    /// </summary>
    private static bool WrittenBeforeRead(string name, Stmt declaration, IEnumerable<Stmt> block, HashSet<string> allWritten)
    {
        foreach (var statement in block)
        {
            if (!MentionsDeep(statement).Contains(name))
            {
                continue;
            }

            if (OverwritesWhole(name, declaration, statement, allWritten))
            {
                return true;
            }

            var usedInside = statement switch
            {
                CountedForStmt c => !Names(c.Start).Concat(Names(c.End)).Contains(name) && WrittenBeforeRead(name, declaration, c.Body, allWritten),
                WhileStmt w => !Names(w.Condition).Contains(name) && WrittenBeforeRead(name, declaration, w.Body, allWritten),
                IfStmt i => !Names(i.Condition).Contains(name) && WrittenBeforeRead(name, declaration, i.Then, allWritten) && WrittenBeforeRead(name, declaration, i.Else, allWritten),
                _ => false,
            };
            if (!usedInside)
            {
                return false;
            }
        }

        return true;
    }

    private static bool OverwritesWhole(string name, Stmt declaration, Stmt statement, HashSet<string> allWritten)
    {
        switch (declaration, statement)
        {
            case (DeclareStmt, AssignStmt { Target: VarExpr target, Op: "=" } assign) when target.Name == name:
                return !Names(assign.Value).Contains(name);
            case (BufferStmt buffer, _):
                return WholeBufferWrites.Overwrites(buffer, statement, allWritten);
            default:
                return false;
        }
    }

    /// <summary>The names a statement declares (locals, buffers, counted-loop indices), not those of nested statements.</summary>
    private static IEnumerable<string> Declares(Stmt statement) => statement switch
    {
        DeclareStmt d => [d.Name],
        BufferStmt b => [b.Name],
        CountedForStmt c => [c.Index],
        _ => [],
    };

    /// <summary>The local, buffer or parameter a statement itself writes.</summary>
    private static IEnumerable<string> Writes(Stmt statement) => statement switch
    {
        DeclareStmt d => [d.Name],
        BufferStmt b => [b.Name],
        AssignStmt { Target: VarExpr v } => [v.Name],
        AssignStmt { Target: IndexExpr i } => [i.Array],
        CountedForStmt c => [c.Index],
        _ => [],
    };

    /// <summary>Every name a statement itself declares, reads or writes (nested statements aside).</summary>
    private static IEnumerable<string> MentionsOwn(Stmt statement) => ExprTree.OfStatement(statement).SelectMany(Names).Concat(Declares(statement));

    /// <summary>Every name a statement or any statement inside it mentions.</summary>
    private static IEnumerable<string> MentionsDeep(Stmt statement) => Normalizer.Walk(statement).SelectMany(MentionsOwn);

    private static IEnumerable<string> Names(Expr expression) => Activity.Names(expression);
}
