using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Lowering;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.IR;

/// <summary>
/// A statement of a generated body: what the lowering of the primal and adjoint sweeps produces, what the passes
/// rewrite (first contributions, stack reservations) and what the printer writes as C#. Expressions inside are
/// <see cref="Code"/> trees, so a pass can see every name a statement reads or writes.
/// </summary>
internal abstract record Node
{
    /// <summary>Every name the statement reads or writes, nested statements included.</summary>
    public abstract IEnumerable<string> Names { get; }
}

/// <summary>The two pooled stacks the primal sweep records on: floating-point values, and ints (bools as 0/1).</summary>
internal enum Stack
{
    Values,
    Ints,
}

internal static class StackNames
{
    /// <summary>The local holding <paramref name="stack"/> in a generated body.</summary>
    public static string Of(Stack stack) => stack == Stack.Values ? "_values" : "_ints";
}

/// <summary><c>// text</c>: which source line the statements after it come from.</summary>
internal sealed record CommentNode(string Text) : Node
{
    public override IEnumerable<string> Names => [];
}

/// <summary><c>type name = value;</c>.</summary>
internal sealed record DeclareNode(string Type, string Name, Code Value) : Node
{
    public override IEnumerable<string> Names => Value.Names.Prepend(Name);
}

/// <summary>
/// <c>target op value;</c> (<c>=</c>, <c>+=</c>, …) for primal statements and restores; <c>target++;</c> or
/// <c>target--;</c> when <paramref name="Value"/> is null.
/// </summary>
internal sealed record AssignNode(Code Target, string Op, Code? Value) : Node
{
    public override IEnumerable<string> Names => Target.Names.Concat(Value?.Names ?? []);
}

/// <summary><c>adjoint += contribution;</c>: one local derivative flowing into an adjoint.</summary>
internal sealed record AccumulateNode(Code Adjoint, Code Contribution) : Node
{
    public override IEnumerable<string> Names => Adjoint.Names.Concat(Contribution.Names);
}

/// <summary>
/// A value recorded for the adjoint sweep. <paramref name="Reserved"/> pushes skip the capacity check: the stack
/// reservation pass sets it inside loops whose pushes it counted and reserved room for.
/// </summary>
internal sealed record PushNode(Stack Stack, Code Value, bool Reserved = false) : Node
{
    public override IEnumerable<string> Names => Value.Names;
}

/// <summary>
/// <c>buffer.CopyTo(_values.PushSpan(buffer.Length))</c>: every element of a buffer a loop is about to overwrite whole, recorded in one copy
/// (<see cref="RestoreAllNode"/> puts them back after the loop's adjoint).
/// </summary>
internal sealed record RecordAllNode(Stack Stack, Code Buffer) : Node
{
    public override IEnumerable<string> Names => Buffer.Names;
}

/// <summary><c>_values.PopSpan(buffer.Length).CopyTo(buffer)</c>: the elements <see cref="RecordAllNode"/> recorded, stored back.</summary>
internal sealed record RestoreAllNode(Stack Stack, Code Buffer) : Node
{
    public override IEnumerable<string> Names => Buffer.Names;
}

/// <summary>Room for <paramref name="Count"/> pushes made before the next pop, reserved up front.</summary>
internal sealed record ReserveNode(Stack Stack, Code Count) : Node
{
    public override IEnumerable<string> Names => Count.Names;
}

/// <summary>An expression evaluated for its effect: a pullback call, a pop that only releases a slot.</summary>
internal sealed record ExpressionNode(Code Expression) : Node
{
    public override IEnumerable<string> Names => Expression.Names;
}

/// <summary>
/// <c>if (condition) { then } else { otherwise }</c>. <paramref name="SkipsWhenZero"/> names the adjoint when the
/// branch only skips work that adds multiples of it (<c>if (_g != 0)</c>): a transformation that makes the work
/// depend on more than that adjoint must widen the test. <paramref name="SkipsIteration"/> marks the test that skips
/// the rest of an iteration's adjoint when it would pass nothing back (its else forgets what the iteration recorded).
/// Without either test the work would run every time: a pass may count what it does as unconditional.
/// </summary>
internal sealed record IfNode(Code Condition, Block Then, Block Else, string? SkipsWhenZero = null, bool SkipsIteration = false) : Node
{
    public override IEnumerable<string> Names => Condition.Names.Concat(Then.Names).Concat(Else.Names);
}

internal enum LoopForm
{
    For,
    While,
    Do,
}

/// <summary>
/// A loop: <c>for (init; condition; step)</c>, <c>while (condition)</c> or <c>do … while (condition);</c>.
/// <paramref name="Trips"/> is how many times a counted loop runs, as code evaluated just before it, and
/// <paramref name="ConstantTrips"/> that number when it is a constant; both null when unknown.
/// <paramref name="WithAdjoint"/> marks a primal loop whose body ends with its own iteration's adjoint, which pops
/// again what the iteration pushed (see <see cref="Analysis.IterationAdjoints"/>).
/// </summary>
internal sealed record LoopNode(LoopForm Form, Node? Init, Code Condition, Node? Step, Block Body, Code? Trips = null, long? ConstantTrips = null, bool WithAdjoint = false) : Node
{
    public override IEnumerable<string> Names =>
        (Init?.Names ?? []).Concat(Condition.Names).Concat(Step?.Names ?? []).Concat(Body.Names);
}

internal sealed record ReturnNode(Code Value) : Node
{
    public override IEnumerable<string> Names => Value.Names;
}

internal sealed record BreakNode : Node
{
    public override IEnumerable<string> Names => [];
}

/// <summary><c>throw new global::System.ArgumentException(message, nameof(parameter));</c> under a failed length check.</summary>
internal sealed record ThrowArgumentNode(string InterpolatedMessage, string Parameter) : Node
{
    public override IEnumerable<string> Names => [Parameter];
}

/// <summary>
/// A statement of the user's that carries no derivative (<see cref="Model.PassiveStmt"/>): <c>throw e</c>, or a guard
/// call such as <c>ArgumentOutOfRangeException.ThrowIfNegative(n)</c>, run where the source runs it.
/// <paramref name="Reads"/> are the locals and parameters it mentions. It may throw, so a pass must not move
/// anything that could throw (a range check, a window) ahead of it.
/// </summary>
internal sealed record PassiveNode(string Text, EquatableArray<string> Reads) : Node
{
    public override IEnumerable<string> Names => Reads;
}

/// <summary>
/// A line of code the adjoint passes never look at: the runtime-tape fallback's body and the forwarding body of a
/// user pullback are written this way, since no pass runs on them.
/// </summary>
internal sealed record VerbatimNode(string Line) : Node
{
    public override IEnumerable<string> Names => [];
}
