using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// The generated file's name for a method: namespace, enclosing types and method name joined by dots, e.g.
/// <c>Corpus.Functions.Rosenbrock.g.cs</c>. Only <c>[A-Za-z0-9_.]</c> reach the name, because AddSource throws on
/// anything it cannot use as a file name (and malformed code produces odd type names); when a character had to be
/// replaced, a hash of the original name keeps two such methods from sharing a file.
/// </summary>
internal static class HintNames
{
    public static string For(IMethodSymbol method)
    {
        var parts = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            parts.Insert(0, type.MetadataName.Replace('`', '_'));
        }

        if (method.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            parts.Insert(0, ns.ToDisplayString());
        }

        parts.Add(method.Name);
        var original = string.Join(".", parts);
        var name = string.Join(".", parts.Select(Identifier));

        // Overloads share a name; only then does the file name carry the parameter types.
        var siblings = method.ContainingType?.GetMembers(method.Name).OfType<IMethodSymbol>().ToList() ?? new List<IMethodSymbol>();
        var signature = SignatureOf(method);
        if (siblings.Count > 1 && signature.Length > 0)
        {
            name += "_" + signature;
        }

        // Two methods can still end up with one name (a duplicate definition in code that does not compile yet, or
        // parameter types equal but for their namespace). AddSource rejects the second with an exception that
        // Roslyn raises outside the generator's reach, so the later twin gets its position in the name.
        var twins = siblings.Where(m => SignatureOf(m) == signature).ToList();
        var position = twins.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method));
        if (position > 0)
        {
            name += "_" + (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (parts.Any(p => Identifier(p) != p))
        {
            name += "_" + StableHash(original).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        }

        return name + ".g.cs";
    }

    private static string SignatureOf(IMethodSymbol method) =>
        string.Join("_", method.Parameters.Select(p => Signature(p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))));

    private static bool IsSafe(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.';

    // Dots separate parts; an empty or dot-only part (a type with a missing name) would make "..", so it becomes "_".
    private static string Identifier(string text)
    {
        var safe = new string(text.Select(c => IsSafe(c) ? c : '_').ToArray()).Trim('.');
        return safe.Length == 0 || safe.Contains("..") ? "_" + safe.Replace(".", "_") : safe;
    }

    // "double[]" -> "doubleA", "ReadOnlySpan<double>" -> "ReadOnlySpan_double": readable and still distinct.
    private static string Signature(string type) =>
        new(type.Where(c => c != ']' && c != '>').Select(c => c == '[' ? 'A' : IsSafe(c) && c != '.' ? c : '_').ToArray());

    // FNV-1a: string.GetHashCode is randomized per process, and generated names must be deterministic.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
