namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// What an expression may read where it is rendered: the scalars in scope (parameters, then locals), the span
/// parameter if any, the int locals and bool flags, and the innermost loop (its span index and its int index).
/// Random trees pick variables by index; the scope resolves the index, so one tree generator serves every place.
/// </summary>
internal sealed record Scope(IReadOnlyList<string> Scalars, int LocalCount, string? SpanName, LoopScope? Loop = null)
{
    public bool InLoop => Loop is not null;

    /// <summary>Int locals, while-loop counters and live loop indices: every int an expression may read (all are ≥ 0).</summary>
    public IReadOnlyList<string> Ints { get; init; } = [];

    /// <summary>The ints an argument of a plain helper may read: all of <see cref="Ints"/> but those a <see cref="GeneratorGaps"/> entry keeps out.</summary>
    public IReadOnlyList<string> PlainCallInts { get; init; } = [];

    /// <summary>
    /// The scope an argument of a plain helper is rendered in: its ints, the loop's span element only when the loop's index
    /// is one of them, only the parameters among the scalars while <see cref="Gap.ChangedDoubleInPlainCall"/> is avoided, and no
    /// flag while <see cref="Gap.ChangedFlagInPlainCall"/> is.
    /// </summary>
    public Scope ForPlainCall()
    {
        var scope = this with
        {
            Ints = PlainCallInts,
            Loop = Loop is { } loop && !PlainCallInts.Contains(loop.Index) ? null : Loop,
        };
        if (GeneratorGaps.Avoids(Gap.ChangedDoubleInPlainCall))
        {
            scope = scope with { Scalars = [.. Scalars.Take(Scalars.Count - LocalCount)], LocalCount = 0 };
        }

        return GeneratorGaps.Avoids(Gap.ChangedFlagInPlainCall) ? scope with { Flags = [] } : scope;
    }

    /// <summary>Adds an int that expressions may read, and plain-call arguments too unless <paramref name="plainCalls"/> is false.</summary>
    public Scope WithInt(string name, bool plainCalls = true) =>
        this with { Ints = [.. Ints, name], PlainCallInts = plainCalls ? [.. PlainCallInts, name] : PlainCallInts };

    /// <summary>True inside the blocks of an <c>if</c>.</summary>
    public bool InBranch { get; init; }

    /// <summary>Bool locals.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Fresh names for ints, counters and flags, shared by every scope of one rendering (names never repeat, even in sibling blocks).</summary>
    public FreshNames Names { get; init; } = new();

    public string Scalar(int index) => Scalars[index % Scalars.Count];

    /// <summary>The local variable named by <paramref name="index"/> (locals follow the parameters), or null if none is declared.</summary>
    public string? Local(int index) =>
        LocalCount == 0 ? null : Scalars[Scalars.Count - LocalCount + index % LocalCount];

    public Scope WithLocal(string name) => this with { Scalars = [.. Scalars, name], LocalCount = LocalCount + 1 };

    public string? Int(int index) => Ints.Count == 0 ? null : Ints[index % Ints.Count];

    /// <summary>An int local (declared with <c>int</c>, not a loop index or counter), which statements may change.</summary>
    public string? IntLocal(int index) => IntLocals.Count == 0 ? null : IntLocals[index % IntLocals.Count];

    /// <summary>Int locals that statements may change (loop indices and counters are left to their loops).</summary>
    public IReadOnlyList<string> IntLocals { get; init; } = [];

    /// <summary>
    /// Private int locals: only step-then-read branches change and read them (no other statement sees them), so the only
    /// reads of such an int are inside that branch, the shape whose step the generator must undo on its own.
    /// </summary>
    public IReadOnlyList<string> PrivateInts { get; init; } = [];

    /// <summary>The int local an <see cref="IntUpdate"/> or <see cref="IntLocalRef"/> names: a private one if asked and declared, else an ordinary one.</summary>
    public string? IntLocal(int index, bool isPrivate) =>
        isPrivate && PrivateInts.Count > 0 ? PrivateInts[index % PrivateInts.Count] : IntLocal(index);

    public string? Flag(int index) => Flags.Count == 0 ? null : Flags[index % Flags.Count];

    /// <summary>The [Differentiable] methods a <see cref="CalleeCall"/> may call (the function's; none inside a callee).</summary>
    public IReadOnlyList<Callee> Callees { get; init; } = [];
}

/// <summary>
/// The loop an expression is rendered in: <see cref="Element"/> indexes the span with the loop's position,
/// <see cref="Index"/> is the int that counts iterations, and <see cref="BeforeContinue"/> is what must run before a
/// <c>continue</c> so the loop still makes progress (a while loop's counter step; nothing for a <c>for</c>).
/// <see cref="Counted"/>: a for loop with no break or return, which the generator reverses by counting down.
/// </summary>
internal sealed record LoopScope(string Element, string Index, string? BeforeContinue, int Depth, bool Counted);

/// <summary>Numbers names per prefix across one rendering of a function: <c>k0</c>, <c>k1</c>, <c>c2</c>, …</summary>
internal sealed class FreshNames
{
    private readonly HashSet<string> _indices = [];
    private int _next;

    public string Next(string prefix) => prefix + _next++;

    /// <summary>Records a loop index name; false when an earlier loop of the function already declared it (a reused name).</summary>
    public bool FirstIndex(string name) => _indices.Add(name);
}
