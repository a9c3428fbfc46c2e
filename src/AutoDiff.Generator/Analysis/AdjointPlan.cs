using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// Everything decided about a body before any code is written: the normalized statements, which variables vary
/// with the inputs, which values the reverse sweep reads, and, for every statement that overwrites something, how
/// the reverse sweep gets the old value back (<see cref="Recovery"/>). The lowering only follows these decisions.
/// </summary>
internal sealed class AdjointPlan
{
    private readonly Dictionary<Stmt, Recovery> _recovery = new(ReferenceEqualityComparer<Stmt>.Instance);
    private readonly Dictionary<string, int> _writes = new();
    private readonly Dictionary<string, BufferStmt> _buffers = new();
    private readonly HashSet<CountedForStmt> _recomputedWhole = new(ReferenceEqualityComparer<CountedForStmt>.Instance);
    private readonly Dictionary<string, IterationSlices.Slicing> _sliced;

    private AdjointPlan(MethodModel method, bool sliceIterations)
    {
        Body = Normalizer.Normalize(method.Body);
        Varied = Activity.Varied(Body, method.Parameters);
        Needed = Activity.Needed(Body, Varied);
        foreach (var statement in Normalizer.Walk(Body))
        {
            if (statement is BufferStmt buffer)
            {
                _buffers[buffer.Name] = buffer;
            }

            if (WrittenName(statement) is { } name)
            {
                _writes.TryGetValue(name, out var count);
                _writes[name] = count + 1;
            }
        }

        Independent = IterationAdjoints.Find(Body, method.Vector is null ? method.Parameters : [], Varied)
            .ToDictionary(c => c.Loop, c => c, ReferenceEqualityComparer<CountedForStmt>.Instance);
        _sliced = sliceIterations ? IterationSlices.Find(Body, Independent, Needed, _writes) : new();
        Decide(Body, depth: 0, nested: false, [], loop: null);
    }

    /// <summary>The top-level loops whose adjoint runs iteration by iteration inside them (see <see cref="IterationAdjoints"/>).</summary>
    public IReadOnlyDictionary<CountedForStmt, IterationAdjoints.Candidate> Independent { get; }

    public EquatableArray<Stmt> Body { get; }

    /// <summary>Variables and sequences whose value depends on a differentiable parameter.</summary>
    public HashSet<string> Varied { get; }

    /// <summary>Variables and sequences whose values the reverse sweep reads again.</summary>
    public HashSet<string> Needed { get; }

    /// <param name="method">The method.</param>
    /// <param name="sliceIterations">Whether scratch buffers may get a slice per loop iteration (<see cref="IterationSlices"/>);
    /// the second-order transformation records them instead, element by element with their tangents.</param>
    public static AdjointPlan Of(MethodModel method, bool sliceIterations) => new(method, sliceIterations);

    /// <summary>The loop each of whose iterations writes its own slice of <paramref name="buffer"/> (see <see cref="IterationSlices"/>), or null.</summary>
    public CountedForStmt? SlicedOver(string buffer) => _sliced.TryGetValue(buffer, out var slicing) ? slicing.Loop : null;

    /// <summary>The buffers <paramref name="loop"/> gives a slice per iteration.</summary>
    public IEnumerable<string> SlicedBy(CountedForStmt loop) => _sliced.Where(s => ReferenceEquals(s.Value.Loop, loop)).Select(s => s.Key);

    /// <summary>The buffers whose slices are made just before the top-level statement <paramref name="host"/>, each with the loop that slices it.</summary>
    public IEnumerable<(string Buffer, CountedForStmt Loop)> SlicedAt(Stmt host) =>
        _sliced.Where(s => ReferenceEquals(s.Value.Host, host)).Select(s => (s.Key, s.Value.Loop));

    /// <summary>How the reverse sweep recovers what <paramref name="statement"/> overwrites.</summary>
    public Recovery RecoveryOf(Stmt statement) => _recovery.TryGetValue(statement, out var recovery) ? recovery : Recovery.None;

    /// <summary>
    /// True when each reverse iteration of the loop around <paramref name="loop"/> runs <paramref name="loop"/> again
    /// instead of recording the buffer it overwrites (see <see cref="RecomputesWhole(CountedForStmt, IReadOnlyList{Stmt}, int, LoopScope?)"/>).
    /// </summary>
    public bool RecomputesWhole(CountedForStmt loop) => _recomputedWhole.Contains(loop);

    /// <summary>
    /// The one statement of <paramref name="loop"/> and the local buffer it overwrites whole (see
    /// <see cref="WholeBufferWrites"/>), when the loop is nothing but that store; else null. Such a buffer is
    /// recovered whole, recorded in one copy or computed again, rather than element by element.
    /// </summary>
    public (AssignStmt Store, BufferStmt Buffer)? WholeOverwrite(CountedForStmt loop) =>
        loop.Body.Count == 1
        && loop.Body[0] is AssignStmt { Target: IndexExpr { Array: var name } } store
        && _buffers.TryGetValue(name, out var buffer)
        && WholeBufferWrites.Overwrites(buffer, loop, _writes.Keys)
            ? (store, buffer)
            : null;

    /// <summary>A statement's place: its block, its index there, whether the block is a loop body, and the counted loop whose body it is.</summary>
    private sealed record Frame(IReadOnlyList<Stmt> Block, int Index, bool LoopBody, CountedForStmt? Counted = null);

    /// <summary>The innermost loop: the locals its reverse iterations can compute again, and whether it leaves early.</summary>
    private sealed record LoopScope(HashSet<string> Readable, bool Exits);

    private void Decide(IEnumerable<Stmt> statements, int depth, bool nested, IReadOnlyList<Frame> frames, LoopScope? loop, bool loopBody = false, CountedForStmt? counted = null)
    {
        var block = statements.ToList();
        for (var index = 0; index < block.Count; index++)
        {
            var here = frames.Append(new Frame(block, index, loopBody, counted)).ToList();
            switch (block[index])
            {
                case DeclareStmt declare when nested && depth > 0 && Needed.Contains(declare.Name):
                    _recovery[declare] = Recomputable(declare, here, loop) ? Recovery.Recompute : Recovery.Save;
                    break;
                case AssignStmt assign:
                    _recovery[assign] = Recover(assign, here);
                    break;
                case IfStmt branch:
                    Decide(branch.Then, depth, nested: true, here, loop);
                    Decide(branch.Else, depth, nested: true, here, loop);
                    break;
                case WhileStmt w:
                    Decide(w.Body, depth + 1, nested: true, here, Open(w.Body, loop), loopBody: true);
                    break;
                case CountedForStmt c when Independent.ContainsKey(c):
                    // Each iteration's adjoint runs right after it: the body is recovered as if it ran once, on its own.
                    Decide(c.Body, depth, nested: true, [], loop);
                    break;
                case CountedForStmt c:
                    if (loopBody && RecomputesWhole(c, block, index, loop))
                    {
                        _recomputedWhole.Add(c);
                    }

                    Decide(c.Body, depth + 1, nested: true, here, Open(c.Body, loop), loopBody: true, counted: c);
                    break;
            }
        }
    }

    private Recovery Recover(AssignStmt assign, IReadOnlyList<Frame> frames)
    {
        var name = assign.Target is VarExpr v ? v.Name : ((IndexExpr)assign.Target).Array;
        // An int the adjoint reads is always restored: undoing a step costs nothing, and the skip below reasons
        // about readers of floating values only.
        if (!Needed.Contains(name)
            || IsFloatingStore(assign) && (assign.Target is VarExpr || _buffers.ContainsKey(name)) && NoReaderSinceLastOverwrite(name, frames, assign))
        {
            return Recovery.None;
        }

        return IsIntegerStep(assign) ? Recovery.UndoStep : Recovery.Save;
    }

    /// <summary>
    /// <c>i += 3</c>, <c>i--</c> or <c>next += fanIn + 1</c> on an int: integer addition wraps exactly, so the
    /// reverse sweep undoes the step by subtracting it again instead of recording the old value on the stack (a
    /// counter stepped in an inner loop). A step that is not a constant may read only ints that nothing writes
    /// (parameters, constants) or that the reverse sweep restores anyway (every int it reads is restored), so it
    /// has the same value when it is undone; and only cheap arithmetic, which evaluates to the same value twice.
    /// </summary>
    private bool IsIntegerStep(AssignStmt assign) =>
        assign is { Target: VarExpr { Kind: NumKind.Int } target, Op: "+=" or "-=", Value: { Kind: NumKind.Int } step }
        && (step is ConstExpr
            || IsCheap(step)
               && ExprTree.IsIntArithmetic(step)
               && Activity.Names(step).All(n => n != target.Name && (Needed.Contains(n) || !_writes.ContainsKey(n))));

    private static bool IsAccumulation(AssignStmt assign) =>
        assign.Op is "+=" or "-=" && !Activity.Names(assign.Value).Contains(((VarExpr)assign.Target).Name);

    /// <summary>
    /// <c>v = e</c>, <c>v += e</c> or <c>v -= e</c> on a floating-point local or buffer element (a partial sum of a
    /// matrix-vector product), with e and the index not reading the target: the statement's own derivative needs
    /// nothing of the old value, so it is recorded only for what the reverse sweep reaches after it
    /// (see <see cref="NoReaderSinceLastOverwrite"/>).
    /// </summary>
    private static bool IsFloatingStore(AssignStmt assign) => assign switch
    {
        { Op: not ("=" or "+=" or "-=") } => false,
        { Target: VarExpr { Kind: NumKind.Double or NumKind.Float } target } => !Activity.Names(assign.Value).Contains(target.Name),
        { Target: IndexExpr { Kind: NumKind.Double or NumKind.Float } element } =>
            !Activity.Names(assign.Value).Concat(Activity.Names(element.Index)).Contains(element.Array),
        _ => false,
    };

    /// <summary>
    /// An accumulation <c>v += e</c> need not record v when nothing reads v's value (in the adjoint sweep)
    /// between the last overwrite of v that restores it and this statement, on any path: the adjoint sweep
    /// then never looks at v until that overwrite restores it. For a buffer element the overwrite must be of the
    /// whole buffer (its declaration, or a loop storing every element, <see cref="WholeBufferWrites"/>): a store
    /// into one element restores only that one. Stores into single elements on the way are neutral: each restores
    /// its own element to what it held, and nothing reads the others until the whole overwrite restores them.
    /// </summary>
    private bool NoReaderSinceLastOverwrite(string name, IReadOnlyList<Frame> frames, AssignStmt store)
    {
        for (var f = frames.Count - 1; f >= 0; f--)
        {
            var frame = frames[f];
            for (var i = frame.Index - 1; i >= 0; i--)
            {
                switch (Overwrites(frame.Block[i], name))
                {
                    case Effect.Reads:
                        return false;
                    case Effect.Overwrites:
                        return true;
                }
            }

            if (frame.Counted is { } counted && ReferenceEquals(counted, SlicedOver(name)))
            {
                // Each iteration has a slice of its own, which nothing read before this iteration reached it.
                return true;
            }

            if (frame.LoopBody)
            {
                // Earlier iterations ran the rest of the body before this statement too, and the statement holding
                // it as well (the other arm of an if around it reads in another iteration).
                for (var i = frame.Index; i < frame.Block.Count; i++)
                {
                    if (Overwrites(frame.Block[i], name) == Effect.Reads && !ReadsOnlyOtherElements(frame, i, store))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// True when the statement at <paramref name="index"/> of the loop body <paramref name="frame"/> is
    /// <paramref name="store"/> itself, storing at the loop's counter (plus or minus what the body does not change):
    /// its own reads of the buffer (a ReLU or a tanh reads back what it stored) are then of the element it stored in
    /// that iteration, which is another element in every other iteration, so in earlier iterations it never reads
    /// the element this iteration's store overwrites. <c>h[j] = Math.Max(0.0, s)</c> over a layer's units.
    /// </summary>
    private static bool ReadsOnlyOtherElements(Frame frame, int index, AssignStmt store)
    {
        if (frame.Counted is not { } loop
            || !ReferenceEquals(frame.Block[index], store)
            || store.Target is not IndexExpr { Index: var position })
        {
            return false;
        }

        var counter = loop.Index;
        var offset = position switch
        {
            VarExpr v when v.Name == counter => new ConstExpr(0, NumKind.Int),
            BinaryExpr { Op: "+" or "-", Left: VarExpr v } b when v.Name == counter => b.Right,
            BinaryExpr { Op: "+", Right: VarExpr v } b when v.Name == counter => b.Left,
            _ => null,
        };
        if (offset is null)
        {
            return false;
        }

        // The offset is the same in every iteration: nothing in the body writes what it reads, and it is plain int arithmetic.
        var writtenInLoop = new HashSet<string>(Normalizer.Walk(loop.Body).Select(WrittenName).OfType<string>()) { counter };
        return ExprTree.IsIntArithmetic(offset) && !Activity.Names(offset).Any(writtenInLoop.Contains);
    }

    private enum Effect
    {
        None,
        Reads,
        Overwrites,
    }

    private Effect Overwrites(Stmt statement, string name)
    {
        if (Activity.Needed([statement], Varied).Contains(name))
        {
            return Effect.Reads;
        }

        if (_buffers.TryGetValue(name, out var buffer))
        {
            return statement == buffer || WholeBufferWrites.Overwrites(buffer, statement, _writes.Keys) ? Effect.Overwrites : Effect.None;
        }

        // An overwrite whose output the adjoint sweep reads back is itself a reader.
        return statement switch
        {
            DeclareStmt d when d.Name == name => Activity.ReadsOutputBack(d.Value) ? Effect.Reads : Effect.Overwrites,
            AssignStmt { Target: VarExpr v } a when v.Name == name => IsAccumulation(a) ? Effect.None : Activity.ReadsOutputBack(a.Value) ? Effect.Reads : Effect.Overwrites,
            AssignStmt => Effect.None,
            DeclareStmt or BufferStmt or ReturnStmt or BreakStmt => Effect.None,
            // A nested overwrite may or may not run; treat it as a reader so the save stays.
            // Accumulations are neutral: they neither read the value nor need it right (see above).
            _ => Normalizer.Walk(statement).Any(s => s is DeclareStmt d && d.Name == name || s is AssignStmt { Target: VarExpr v } a && v.Name == name && !IsAccumulation(a)) ? Effect.Reads : Effect.None,
        };
    }

    /// <summary>Starts a loop body: it may recompute from what the enclosing loops recompute, and from names nothing writes (parameters, counted-loop indices).</summary>
    private static LoopScope Open(EquatableArray<Stmt> body, LoopScope? enclosing) =>
        // An iteration that leaves early would recompute values its forward run never reached (maybe out of range).
        new(new HashSet<string>(enclosing?.Readable ?? []), Normalizer.Walk(body, intoLoops: false).Any(s => s is BreakStmt or ContinueStmt));

    /// <summary>
    /// True when <paramref name="declare"/>, directly in a loop body, is the only write of its local and its value
    /// is a cheap expression of loop indices, never-written names and locals recomputed before it: the reverse
    /// iteration then recomputes it rather than restoring it from the stack.
    /// </summary>
    private bool Recomputable(DeclareStmt declare, IReadOnlyList<Frame> frames, LoopScope? loop)
    {
        if (loop is not { Exits: false }
            || !frames[frames.Count - 1].LoopBody
            || declare.Value is not { } value
            || _writes[declare.Name] != 1
            || !IsCheap(value)
            || !Activity.Names(value).All(n => loop.Readable.Contains(n) || !_writes.ContainsKey(n)))
        {
            return false;
        }

        loop.Readable.Add(declare.Name);
        return true;
    }

    /// <summary>
    /// True when <paramref name="loop"/>, directly in the body of a loop that does not leave early, overwrites a
    /// local buffer whole (see <see cref="WholeBufferWrites"/>) with a cheap expression of loop indices, names nothing
    /// writes and locals recomputed before it (<c>xc[j] = x[i * d + j] - mu[k * d + j]</c>), that store is the
    /// buffer's only write after its declaration, and only the statements after the loop in the same body read
    /// the buffer. Every reader then sees this iteration's values, so the reverse iteration can compute them again
    /// before its first statement, for less than recording and restoring the old ones; no one reads the stale
    /// values a reverse iteration leaves behind.
    /// </summary>
    private bool RecomputesWhole(CountedForStmt loop, IReadOnlyList<Stmt> block, int index, LoopScope? enclosing)
    {
        if (enclosing is not { Exits: false }
            || WholeOverwrite(loop) is not var (store, buffer)
            || !buffer.ElementKind.IsFloating()
            || _sliced.ContainsKey(buffer.Name)
            || _writes[buffer.Name] != 2
            || !IsCheap(store.Value, size: 13)
            || !Activity.Names(store.Value).All(n => n == loop.Index || enclosing.Readable.Contains(n) || !_writes.ContainsKey(n)))
        {
            return false;
        }

        var own = new HashSet<Stmt>(Normalizer.Walk(loop).Prepend(buffer), ReferenceEqualityComparer<Stmt>.Instance);
        var after = new HashSet<Stmt>(Normalizer.Walk(block.Skip(index + 1)), ReferenceEqualityComparer<Stmt>.Instance);
        return Normalizer.Walk(Body)
            .Where(s => !own.Contains(s) && ExprTree.OfStatement(s).SelectMany(Activity.Names).Contains(buffer.Name))
            .All(after.Contains);
    }

    /// <summary>Arithmetic and element reads of at most a few operations; calls cost more than the push they would save.</summary>
    /// <param name="value">The expression.</param>
    /// <param name="size">The most nodes it may have: 7 against one push and pop; a buffer's element, recorded and
    /// restored by a copy each way plus the fixed cost of two copies, affords the two offset element reads of
    /// <c>x[i * d + j] - mu[k * d + j]</c>.</param>
    private static bool IsCheap(Expr value, int size = 7) =>
        ExprTree.Size(value) <= size && !ExprTree.Walk(value).Any(e => e is MathCallExpr or DifferentiableCallExpr or PlainCallExpr or ConditionalExpr or OpaqueExpr or ViewArgExpr);

    /// <summary>The local, buffer or parameter a statement writes (loop indices count none).</summary>
    private static string? WrittenName(Stmt statement) => statement switch
    {
        DeclareStmt d => d.Name,
        BufferStmt b => b.Name,
        AssignStmt { Target: VarExpr v } => v.Name,
        AssignStmt { Target: IndexExpr i } => i.Array,
        _ => null,
    };
}
