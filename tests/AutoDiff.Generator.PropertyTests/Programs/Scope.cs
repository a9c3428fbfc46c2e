namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// What an expression may read where it is rendered: the scalars in scope (parameters, then locals),
/// the span parameter if any, and whether a loop index <c>i</c> over the span is live.
/// Random trees pick variables by index; the scope resolves the index, so one tree generator serves every place.
/// </summary>
internal sealed record Scope(IReadOnlyList<string> Scalars, int LocalCount, string? SpanName, bool InLoop)
{
    public string Scalar(int index) => Scalars[index % Scalars.Count];

    /// <summary>The local variable named by <paramref name="index"/> (locals follow the parameters), or null if none is declared.</summary>
    public string? Local(int index) =>
        LocalCount == 0 ? null : Scalars[Scalars.Count - LocalCount + index % LocalCount];

    public Scope WithLocal(string name) => this with { Scalars = [.. Scalars, name], LocalCount = LocalCount + 1 };
}
