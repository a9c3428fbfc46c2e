using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Transform;

/// <summary>
/// A <c>for (int i = start; i &lt; end; i++)</c> loop whose bounds and index the body does not change:
/// its reverse sweep simply counts down, with nothing recorded.
/// </summary>
internal sealed record CountedForStmt(string Index, Expr Start, Expr End, bool Inclusive, EquatableArray<Stmt> Body, int Line, string Source)
    : Stmt(Line, Source);
