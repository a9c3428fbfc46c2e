using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Printing;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Drops the declaration of a generated temporary that nothing reads: the <c>double _g13 = _dtotal;</c> the lowering
/// writes for an adjoint that a constant assignment then resets, or a pullback's <c>double _result = s;</c>, which
/// only the gradient returns. The JIT drops them too; this is for the reader of the generated file.
/// </summary>
/// <remarks>
/// A name counts as read when it appears anywhere in the printed body other than its declaration, comments and
/// verbatim lines included, so a name this pass cannot see through the IR still keeps its declaration. Only values
/// that can neither change anything nor throw go: names, literals, <c>+</c>, <c>-</c>, <c>*</c>, casts and
/// choices of those. A division (by an int zero), a call, an element or a member read stays, so a body that throws
/// still throws where the source does.
/// </remarks>
internal static class UnreadTemporaries
{
    private static readonly Regex Identifier = new(@"[A-Za-z_@][A-Za-z0-9_]*", RegexOptions.CultureInvariant);

    // An atom is sometimes a whole expression's text (a member read, a creation); only a bare name is known harmless.
    private static readonly Regex PlainName = new(@"^@?[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>The body without such declarations, repeated until none is left (one dropped may leave another unread).</summary>
    public static Block Drop(Block body)
    {
        while (true)
        {
            var uses = new Dictionary<string, int>();
            foreach (var line in IrPrinter.Print(body))
            {
                foreach (Match match in Identifier.Matches(line))
                {
                    uses[match.Value] = uses.TryGetValue(match.Value, out var count) ? count + 1 : 1;
                }
            }

            var unread = new HashSet<string>();
            Collect(body, uses, unread);
            if (unread.Count == 0)
            {
                return body;
            }

            body = Without(body, unread);
        }
    }

    private static void Collect(Block block, Dictionary<string, int> uses, HashSet<string> unread)
    {
        foreach (var node in block)
        {
            switch (node)
            {
                case DeclareNode declare when declare.Name.StartsWith("_") && uses.TryGetValue(declare.Name, out var count) && count == 1 && Harmless(declare.Value):
                    unread.Add(declare.Name);
                    break;
                case IfNode branch:
                    Collect(branch.Then, uses, unread);
                    Collect(branch.Else, uses, unread);
                    break;
                case LoopNode loop:
                    Collect(loop.Body, uses, unread);
                    break;
            }
        }
    }

    private static bool Harmless(Code value) => !value.HasEffect && value.Form switch
    {
        Code.Shape.Name => PlainName.IsMatch(value.Op),
        Code.Shape.Literal => true,
        Code.Shape.Prefix => value.Op == "-" && Harmless(value.Parts[0]),
        Code.Shape.Binary => value.Op is "+" or "-" or "*" or "<" or "<=" or ">" or ">=" or "==" or "!=" or "&&" or "||" && value.Parts.All(Harmless),
        Code.Shape.Cast or Code.Shape.Choice => value.Parts.All(Harmless),
        _ => false,
    };

    private static Block Without(Block block, HashSet<string> unread)
    {
        var result = new Block();
        foreach (var node in block)
        {
            switch (node)
            {
                case DeclareNode declare when unread.Contains(declare.Name):
                    break;
                case IfNode branch:
                    result.Add(branch with { Then = Without(branch.Then, unread), Else = Without(branch.Else, unread) });
                    break;
                case LoopNode loop:
                    result.Add(loop with { Body = Without(loop.Body, unread) });
                    break;
                default:
                    result.Add(node);
                    break;
            }
        }

        return result;
    }
}
