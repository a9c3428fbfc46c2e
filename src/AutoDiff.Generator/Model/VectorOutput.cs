namespace AutoDiff.Generator.Model;

/// <summary>
/// The outputs of a vector-valued [Differentiable] method. A <c>void</c> method writes them into its last parameter,
/// the span <paramref name="Span"/>; a method returning a tuple of doubles (or floats) returns them, and
/// <paramref name="Elements"/> are the tuple's element names (<c>Item1</c>… where the type names none).
/// <paramref name="Seeds"/> name the tuple pullback's seeds and <paramref name="Tangents"/> its pushforward's tangent
/// outputs, one per element; <paramref name="Cotangent"/> and <paramref name="Jacobian"/> name the span parameters of
/// the span pullback and of the Jacobian. <paramref name="ReturnTypeText"/> is the tuple type as the source wrote it.
/// <paramref name="Forward"/> says whether a forward-mode lowering exists (the Jacobian of a method with fewer
/// inputs than outputs then runs it once per input), and <paramref name="PublicPushforward"/> whether the method asked
/// for its pushforward (otherwise the Jacobian's is private).
/// </summary>
internal sealed record VectorOutput(
    string? Span,
    EquatableArray<string> Elements,
    EquatableArray<string> Seeds,
    EquatableArray<string> Tangents,
    string Cotangent,
    string Jacobian,
    string ReturnTypeText,
    bool Forward,
    bool PublicPushforward)
{
    public bool IsTuple => Span is null;
}
