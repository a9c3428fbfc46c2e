namespace AutoDiff.Generator.Model;

/// <summary><c>(e1, e2, …)</c> returned by a method whose result is a tuple of doubles (or floats).</summary>
internal sealed record TupleExpr(EquatableArray<Expr> Elements, NumKind Kind) : Expr(Kind);

/// <summary>
/// Element <paramref name="Index"/> (named <paramref name="Element"/>) of the tuple a vector-valued differentiable
/// method returns: a deconstruction <c>var (s, p) = F(a, b);</c> reads each element this way. The reverse sweep calls
/// the callee's pullback with this element's gradient as its seed and zero for the other <paramref name="Count"/> - 1.
/// </summary>
internal sealed record TupleElementExpr(DifferentiableCallExpr Call, int Index, string Element, int Count, NumKind Kind) : Expr(Kind);
