using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// A <c>for (int i = start; i &lt; end; i++)</c> loop (or <c>i &gt;= end; i--</c> when <paramref name="Descending"/>)
/// whose bounds and index the body does not change: its reverse sweep simply counts the other way, with nothing recorded.
/// </summary>
internal sealed record CountedForStmt(string Index, Expr Start, Expr End, bool Inclusive, bool Descending, EquatableArray<Stmt> Body, int Line, string Source)
    : Stmt(Line, Source);
