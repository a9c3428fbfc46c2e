namespace AutoDiff.PropertyTests.Programs;

/// <summary>
/// Weights that a loop reads at int offsets (<c>p[next + i]</c>, <c>p[l]</c>): a local buffer filled from the span, so
/// every element is active and the generator's windows over it apply, or the span itself, read wrapped.
/// </summary>
internal static class ParameterBuffer
{
    /// <summary>
    /// The buffer's length: a layered loop reads up to element 40 (three layers of up to three units of up to three inputs
    /// and a bias, from element 1), a triangle loop up to 39 (four components of up to ten packed entries).
    /// </summary>
    public const int Length = 48;

    /// <summary>Declares <paramref name="name"/> and fills it from the span and <paramref name="scalar"/>.</summary>
    public static void Declare(string name, bool onStack, string scalar, Flavor flavor, SourceLines lines)
    {
        ScratchBuffer.Declare(name, Length.ToString(System.Globalization.CultureInfo.InvariantCulture), onStack, flavor, lines);
        lines.Block($"for (int k = 0; k < {name}.Length; k++)", $"{name}[k] = 0.5 * {flavor.MathClass}.Tanh(w[k % w.Length] + 0.125 * k * {scalar});");
    }

    /// <summary>The element at <paramref name="index"/>: of <paramref name="buffer"/>, or of the span wrapped when there is none.</summary>
    public static string Read(string? buffer, string index) => buffer is null ? $"w[({index}) % w.Length]" : $"{buffer}[{index}]";
}
