namespace AutoDiff.Generator.Model;

/// <summary>An expression of the differentiable body; <see cref="Kind"/> is its type before any implicit conversion.</summary>
internal abstract record Expr(NumKind Kind);

/// <summary>A literal or a compile-time constant (const field, <c>Math.PI</c>).</summary>
internal sealed record ConstExpr(double Value, NumKind Kind) : Expr(Kind);

/// <summary>A parameter or local of a scalar kind.</summary>
internal sealed record VarExpr(string Name, NumKind Kind) : Expr(Kind);

/// <summary><c>array[index]</c> on a span/array parameter or a local buffer.</summary>
internal sealed record IndexExpr(string Array, Expr Index, NumKind Kind) : Expr(Kind);

/// <summary><c>array.Length</c>.</summary>
internal sealed record LengthExpr(string Array) : Expr(NumKind.Int);

/// <summary>Unary <c>-</c>, <c>+</c> or <c>!</c>.</summary>
internal sealed record UnaryExpr(string Op, Expr Operand, NumKind Kind) : Expr(Kind);

/// <summary>A binary arithmetic, comparison or logical operator.</summary>
internal sealed record BinaryExpr(string Op, Expr Left, Expr Right, NumKind Kind) : Expr(Kind);

/// <summary><c>c ? a : b</c>.</summary>
internal sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse, NumKind Kind) : Expr(Kind);

/// <summary>An explicit conversion among int, float and double.</summary>
internal sealed record CastExpr(Expr Operand, NumKind Kind) : Expr(Kind);

/// <summary>A call of a function of the derivative table; <paramref name="Class"/> is how the source named its class: "Math", "MathF", "double" or "float".</summary>
internal sealed record MathCallExpr(string Class, string Function, EquatableArray<Expr> Args, NumKind Kind) : Expr(Kind);

/// <summary>How a callee's parameter takes part in differentiation.</summary>
internal enum ParamRole
{
    Passive,
    Scalar,
    Span,
}

/// <summary>
/// A call of another differentiable method: <paramref name="Target"/> computes the value,
/// <paramref name="Pullback"/> (its generated pullback or its [DerivativeOf] method) the adjoints.
/// <paramref name="ParamKinds"/> are the callee's parameter element kinds: its <c>ref</c> adjoints have those types,
/// which may differ from the arguments' (a float passed to a double parameter). <paramref name="Pushforward"/> is the
/// callee's generated pushforward, when it asked for one, and <paramref name="PullbackPushforward"/> its second-order
/// pullback, when it asked for Hessians.
/// </summary>
internal sealed record DifferentiableCallExpr(
    string Target,
    string Pullback,
    EquatableArray<Expr> Args,
    EquatableArray<ParamRole> Roles,
    EquatableArray<NumKind> ParamKinds,
    NumKind Kind,
    string? Pushforward = null,
    string? PullbackPushforward = null) : Expr(Kind);

/// <summary>
/// A call of a plain static helper (not [Differentiable]) whose arguments carry no derivative (ints, bools, constants,
/// passive parameters). Its arguments are expressions like any other, so renaming and dataflow see the locals they
/// read; the adjoint may call the helper again with the values those locals had, so helpers must be pure.
/// </summary>
internal sealed record PlainCallExpr(string Target, EquatableArray<Expr> Args, NumKind Kind) : Expr(Kind);

/// <summary>
/// A view passed to a helper's span parameter (<c>row</c> declared as <c>x.Slice(start, length)</c>, or
/// <c>x.Slice(start, length)</c> written in the call): <paramref name="Base"/>'s elements from <paramref name="Start"/>
/// on, <paramref name="Length"/> of them (checked as <c>Slice</c> checks it). The helper's adjoint and tangent spans
/// are the same window of the base's, so what the helper's pullback adds lands on the base's elements.
/// </summary>
internal sealed record ViewArgExpr(string Base, Expr Start, Expr Length, NumKind Kind) : Expr(Kind);

/// <summary>An expression that carries no derivative, kept as source text: a static readonly field, or a parameter or sequence passed by name.</summary>
internal sealed record OpaqueExpr(string Text, NumKind Kind) : Expr(Kind);
