using System.Collections.Generic;

namespace AutoDiff.Generator.Parsing;

/// <summary>The Math/MathF functions the transformation knows a derivative for, with their argument counts.</summary>
internal static class MathFunctions
{
    private static readonly Dictionary<string, int[]> Arities = new()
    {
        ["Sin"] = [1], ["Cos"] = [1], ["Tan"] = [1], ["Asin"] = [1], ["Acos"] = [1], ["Atan"] = [1], ["Atan2"] = [2],
        ["Sinh"] = [1], ["Cosh"] = [1], ["Tanh"] = [1], ["Exp"] = [1], ["Log"] = [1, 2], ["Log10"] = [1], ["Log2"] = [1],
        ["Sqrt"] = [1], ["Cbrt"] = [1], ["Pow"] = [2], ["Abs"] = [1], ["Max"] = [2], ["Min"] = [2], ["Clamp"] = [3],
        ["Floor"] = [1], ["Ceiling"] = [1], ["Round"] = [1], ["Truncate"] = [1], ["Sign"] = [1],
    };

    public static bool IsKnown(string name, int argumentCount) =>
        Arities.TryGetValue(name, out var counts) && System.Array.IndexOf(counts, argumentCount) >= 0;
}
