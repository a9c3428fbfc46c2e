namespace AutoDiff.Generator.Model;

/// <summary>A statement of the differentiable body; <paramref name="Line"/>/<paramref name="Source"/> feed the comments of the generated code.</summary>
internal abstract record Stmt(int Line, string Source);

/// <summary><c>double t = value;</c> (also int and bool locals).</summary>
internal sealed record DeclareStmt(string Name, NumKind Kind, Expr? Value, int Line, string Source) : Stmt(Line, Source);

/// <summary>
/// <c>Span&lt;double&gt; h = stackalloc double[n];</c> or <c>new double[n]</c>; with <paramref name="StackWhen"/>,
/// <c>Span&lt;double&gt; h = c ? stackalloc double[n] : new double[n];</c> (on the stack only when small enough).
/// </summary>
internal sealed record BufferStmt(string Name, NumKind ElementKind, Expr Length, bool StackAllocated, int Line, string Source, Expr? StackWhen = null)
    : Stmt(Line, Source);

/// <summary><c>target op value;</c> where op is <c>=</c>, <c>+=</c>, <c>-=</c>, <c>*=</c> or <c>/=</c>; target is a <see cref="VarExpr"/> or <see cref="IndexExpr"/>.</summary>
internal sealed record AssignStmt(Expr Target, string Op, Expr Value, int Line, string Source) : Stmt(Line, Source);

internal sealed record IfStmt(Expr Condition, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else, int Line, string Source)
    : Stmt(Line, Source);

/// <summary><c>while</c> (or <c>do … while</c> when <paramref name="IsDo"/>).</summary>
internal sealed record WhileStmt(Expr Condition, EquatableArray<Stmt> Body, bool IsDo, int Line, string Source) : Stmt(Line, Source);

/// <summary>A <c>for</c> loop; <c>foreach</c> over a span is parsed into one.</summary>
internal sealed record ForStmt(
    EquatableArray<Stmt> Initializers,
    Expr? Condition,
    EquatableArray<Stmt> Incrementors,
    EquatableArray<Stmt> Body,
    int Line,
    string Source) : Stmt(Line, Source);

internal sealed record ReturnStmt(Expr Value, int Line, string Source) : Stmt(Line, Source);

internal sealed record BreakStmt(int Line, string Source) : Stmt(Line, Source);

internal sealed record ContinueStmt(int Line, string Source) : Stmt(Line, Source);

/// <summary>
/// A statement of the user's that carries no derivative: <c>throw e;</c> (<paramref name="EndsPath"/>: the method ends
/// there with the user's exception, so nothing of that path reaches an adjoint), or a call of a void method whose
/// arguments hold nothing to differentiate (<c>ArgumentOutOfRangeException.ThrowIfNegative(n)</c>,
/// <c>Debug.Assert(…)</c>). Every derivative kind's primal sweep runs it where the source does. <paramref name="Text"/>
/// is the statement as the generated code must write it, without its semicolon (locals renamed, types qualified,
/// <c>nameof</c> as its string); <paramref name="Reads"/> the locals and parameters it mentions.
/// </summary>
internal sealed record PassiveStmt(string Text, EquatableArray<string> Reads, bool EndsPath, int Line, string Source) : Stmt(Line, Source);
