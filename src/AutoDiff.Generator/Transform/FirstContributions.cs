using System.Collections.Generic;
using System.Text.RegularExpressions;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Transform;

/// <summary>
/// Declares a scalar adjoint where it first receives a value, when that is a plain <c>+=</c> at the top level of
/// the adjoint sweep: <c>double _dx = -2 * _t1;</c> rather than <c>double _dx = 0.0;</c> … <c>_dx += -2 * _t1;</c>.
/// The JIT cannot drop the addition to zero itself (0.0 + -0.0 is 0.0), so this saves an instruction per adjoint
/// in straight-line code, and reads better.
/// </summary>
internal static class FirstContributions
{
    /// <summary>
    /// Returns the declarations still needed up front (zero-initialized) and the sweep with each first
    /// contribution turned into a declaration where that is valid.
    /// </summary>
    public static (Fragment Declarations, Fragment Sweep) Fold(IEnumerable<KeyValuePair<string, NumKind>> adjoints, Fragment sweep)
    {
        var lines = new List<string>(sweep.Lines);
        var declarations = new Fragment();
        foreach (var adjoint in adjoints)
        {
            var name = adjoint.Key;
            var type = adjoint.Value.Keyword();
            var mention = new Regex(@"(?<![\w@])" + Regex.Escape(name) + @"(?!\w)", RegexOptions.CultureInvariant);
            var first = lines.FindIndex(l => !IsComment(l) && mention.IsMatch(l));
            var prefix = name + " += ";
            // A float adjoint's `+=` narrows a double contribution implicitly; a declaration would not.
            if (adjoint.Value == NumKind.Double
                && first >= 0
                && lines[first].StartsWith(prefix, System.StringComparison.Ordinal)
                && lines[first].EndsWith(";", System.StringComparison.Ordinal)
                && !mention.IsMatch(lines[first].Substring(prefix.Length)))
            {
                // Top-level lines carry no indentation: Fragment.Block indents everything nested.
                lines[first] = type + " " + name + " = " + lines[first].Substring(prefix.Length);
            }
            else
            {
                declarations.Add(type + " " + name + " = " + Code.Number(0, adjoint.Value) + ";");
            }
        }

        var folded = new Fragment();
        foreach (var line in lines)
        {
            folded.Add(line);
        }

        return (declarations, folded);
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith("//", System.StringComparison.Ordinal);
}
