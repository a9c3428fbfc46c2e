namespace AutoDiff;

/// <summary>
/// An objective and its gradient at a point: the shape of a generated <c>FWithGradient</c> method over one span of
/// parameters, <c>double FWithGradient(ReadOnlySpan&lt;double&gt; p, …, Span&lt;double&gt; dp)</c>, once its other
/// arguments are bound in a lambda.
/// </summary>
/// <param name="point">Where to evaluate.</param>
/// <param name="gradient">Receives ∂f/∂point; as long as <paramref name="point"/>.</param>
/// <returns>The objective's value.</returns>
public delegate double ValueAndGradient(ReadOnlySpan<double> point, Span<double> gradient);

/// <summary>An objective without a gradient (for comparisons with finite differences, or derivative-free minimizers).</summary>
/// <param name="point">Where to evaluate.</param>
/// <returns>The objective's value.</returns>
public delegate double ValueOnly(ReadOnlySpan<double> point);
