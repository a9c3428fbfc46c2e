using System.Collections.Generic;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Chooses the names of adjoint and tangent parameters: <c>x</c> → <c>dx</c> (or <c>tx</c>), <c>weights</c> →
/// <c>dweights</c>, without clashes.
/// </summary>
internal static class AdjointNames
{
    public static string Choose(string parameterName, HashSet<string> taken, string prefix = "d")
    {
        var plain = prefix + parameterName.TrimStart('@');
        if (IsReadable(parameterName) && taken.Add(plain))
        {
            return plain;
        }

        var upper = prefix + char.ToUpperInvariant(parameterName.TrimStart('@', '_')[0]) + parameterName.TrimStart('@', '_').Substring(1);
        return Unique(upper, taken);
    }

    public static string Unique(string stem, HashSet<string> taken)
    {
        var name = stem;
        for (var i = 1; !taken.Add(name); i++)
        {
            name = stem + "_" + i;
        }

        return name;
    }

    // "d_x" reads badly; a leading underscore or verbatim prefix switches to "dX".
    private static bool IsReadable(string parameterName) => parameterName.Length > 0 && char.IsLetter(parameterName[0]);
}
