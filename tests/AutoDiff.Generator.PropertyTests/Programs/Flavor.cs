namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// The two engines a random program is rendered for: plain <c>double</c> code the generator differentiates,
/// and the same code on <see cref="AutoDiff.Value"/> (an independent engine: the runtime tape).
/// </summary>
internal sealed record Flavor(string Number, string MathClass, string Span)
{
    public static readonly Flavor Double = new("double", "Math", "ReadOnlySpan<double>");

    public static readonly Flavor Tape = new("Value", "ValueMath", "ReadOnlySpan<Value>");
}
