using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// Scratch buffers that a loop overwrites whole at the start of every iteration and that nothing outside the loop
/// touches (<c>xcentered</c> and <c>qxcentered</c> in a mixture model's loop over components). The reverse sweep
/// reads each iteration's values back, so the buffer is normally recorded before each overwrite and restored after
/// the iteration's adjoint (or computed again). Instead, each iteration can write its own slice of one larger array
/// (array expansion, as a hand-written backward pass keeps one row per component): the slice of iteration i holds
/// what iteration i left there when its adjoint runs, and nothing is recorded or restored.
/// <para>
/// A buffer qualifies with loop L when:
/// <list type="bullet">
/// <item>it is declared at the top level of the body with floating-point elements, and the reverse sweep reads its values;</item>
/// <item>L is a top-level counted loop after it, or a counted loop at the top level of the body of a top-level loop
/// whose adjoint runs iteration by iteration (<see cref="IterationAdjoints"/>), so that L runs once between the
/// buffer's declaration and L's adjoint;</item>
/// <item>every statement that touches the buffer is in L's body, each only through its elements and its length (no
/// view, no call that takes it whole), and the first of L's statements that touches it overwrites it whole
/// (<see cref="WholeBufferWrites"/>): no iteration reads what another wrote;</item>
/// <item>nothing in L jumps (no break, continue or return), so its iterations are numbered by its counter alone;</item>
/// <item>L's bounds are int arithmetic of names that keep their value from the top-level statement holding L on
/// (parameters nothing assigns, locals declared once at the top level before it), so the slices can be made
/// once, just before that statement, for every time L runs.</item>
/// </list>
/// </para>
/// </summary>
internal static class IterationSlices
{
    /// <summary>A buffer's slicing: the loop whose iterations get a slice each, and the top-level statement before which the slices are made.</summary>
    internal sealed record Slicing(CountedForStmt Loop, Stmt Host);

    /// <summary>The qualifying buffers, each with its <see cref="Slicing"/>.</summary>
    /// <param name="body">The normalized body.</param>
    /// <param name="independent">The top-level loops whose adjoint runs iteration by iteration.</param>
    /// <param name="needed">The names whose values the reverse sweep reads.</param>
    /// <param name="writes">How many statements write each name.</param>
    public static Dictionary<string, Slicing> Find(
        IReadOnlyList<Stmt> body,
        IReadOnlyDictionary<CountedForStmt, IterationAdjoints.Candidate> independent,
        HashSet<string> needed,
        IReadOnlyDictionary<string, int> writes)
    {
        var found = new Dictionary<string, Slicing>();
        for (var declared = 0; declared < body.Count; declared++)
        {
            if (body[declared] is not BufferStmt buffer || !buffer.ElementKind.IsFloating() || !needed.Contains(buffer.Name))
            {
                continue;
            }

            var touching = Enumerable.Range(declared + 1, body.Count - declared - 1).Where(i => Touches(body[i], buffer.Name)).ToList();
            if (touching.Count != 1 || body[touching[0]] is not CountedForStmt outer)
            {
                continue;
            }

            var host = touching[0];

            var loop = outer;
            if (independent.ContainsKey(outer))
            {
                var inner = outer.Body.Where(s => Touches(s, buffer.Name)).ToList();
                if (inner.Count != 1 || inner[0] is not CountedForStmt nested)
                {
                    continue;
                }

                loop = nested;
            }

            // Names that keep their value from the host on: never written, or declared once before it. A name the host
            // itself binds (its counter, which no write count includes, or a local declared in it) has no value before it.
            var settled = new HashSet<string>(body.Take(host).OfType<DeclareStmt>().Where(d => writes.TryGetValue(d.Name, out var count) && count == 1).Select(d => d.Name));
            var bound = new HashSet<string>(Normalizer.Walk(outer).SelectMany(Bindings));
            bool Settled(Expr e) => ExprTree.IsIntArithmetic(e) && Activity.Names(e).All(n => !bound.Contains(n) && (settled.Contains(n) || !writes.ContainsKey(n)));

            if (Settled(loop.Start) && Settled(loop.End)
                && !Normalizer.Walk(loop.Body).Any(s => s is BreakStmt or ContinueStmt or ReturnStmt)
                && OnlyElementsAndLength(loop.Body, buffer.Name)
                && loop.Body.First(s => Touches(s, buffer.Name)) is var first
                && WholeBufferWrites.Overwrites(buffer, first, writes.Keys.ToList()))
            {
                found[buffer.Name] = new Slicing(loop, outer);
            }
        }

        return found;
    }

    /// <summary>The names a statement introduces: a counted loop's counter, a declared local.</summary>
    private static IEnumerable<string> Bindings(Stmt statement) => statement switch
    {
        CountedForStmt counted => [counted.Index],
        DeclareStmt declared => [declared.Name],
        _ => [],
    };

    /// <summary>True when the statement, or one inside it, reads, writes or passes on <paramref name="name"/>.</summary>
    private static bool Touches(Stmt statement, string name) =>
        ExprTree.NamesIn(statement).Contains(name)
        || Normalizer.Walk(statement).OfType<PassiveStmt>().Any(p => p.Reads.Contains(name));

    /// <summary>True when every mention of <paramref name="name"/> in <paramref name="statements"/> is one of its elements or its length.</summary>
    private static bool OnlyElementsAndLength(IEnumerable<Stmt> statements, string name)
    {
        var inside = Normalizer.Walk(statements).ToList();
        if (inside.OfType<PassiveStmt>().Any(p => p.Reads.Contains(name)))
        {
            return false;
        }

        return inside.SelectMany(ExprTree.OfStatement).SelectMany(ExprTree.Walk).All(e => e switch
        {
            VarExpr v => v.Name != name,
            OpaqueExpr o => o.Text != name,
            ViewArgExpr v => v.Base != name,
            _ => true,
        });
    }
}
