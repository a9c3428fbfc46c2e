using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// Loops that store every element of a local buffer: <c>for (int i = 0; i &lt; n; i++) { …; buffer[i] = e; }</c>
/// where n is the length the buffer was declared with (and keeps its value: nothing writes what it reads), the
/// store is the body's only statement that touches the buffer, e does not read it, and nothing leaves the loop
/// early. After such a loop no element holds anything written before it.
/// </summary>
internal static class WholeBufferWrites
{
    /// <param name="buffer">The buffer's declaration.</param>
    /// <param name="statement">The statement that may overwrite it.</param>
    /// <param name="written">The names some statement of the body writes.</param>
    public static bool Overwrites(BufferStmt buffer, Stmt statement, ICollection<string> written)
    {
        if (statement is not CountedForStmt { Start: ConstExpr { Value: 0 }, Inclusive: false, Descending: false } loop)
        {
            return false;
        }

        var name = buffer.Name;
        var wholeLength = loop.End is LengthExpr length && length.Array == name
            || loop.End.Equals(buffer.Length) && !Activity.Names(buffer.Length).Any(written.Contains);
        if (!wholeLength || Normalizer.Walk(loop.Body, intoLoops: false).Any(s => s is BreakStmt or ContinueStmt or ReturnStmt))
        {
            return false;
        }

        var touching = loop.Body.Where(s => ExprTree.NamesIn(s).Contains(name)).ToList();
        return touching.Count == 1
            && touching[0] is AssignStmt { Target: IndexExpr { Index: VarExpr element } store, Op: "=" } elementStore
            && store.Array == name && element.Name == loop.Index
            && !Activity.Names(elementStore.Value).Contains(name);
    }
}
