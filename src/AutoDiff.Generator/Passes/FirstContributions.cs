using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Lowering;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Declares a scalar adjoint where it first receives a value, when that is a plain <c>+=</c> at the top level of
/// the adjoint sweep: <c>double _dx = -2 * _t1;</c> rather than <c>double _dx = 0.0;</c> … <c>_dx += -2 * _t1;</c>.
/// The JIT cannot drop the addition to zero itself (0.0 + -0.0 is 0.0), so this saves an instruction per adjoint
/// in straight-line code, and reads better.
/// </summary>
internal static class FirstContributions
{
    /// <summary>The sweep with each first contribution turned into a declaration where that is valid, and zero-initialized declarations in front for the other adjoints.</summary>
    public static Block Fold(IEnumerable<KeyValuePair<string, NumKind>> adjoints, Block sweep)
    {
        var nodes = sweep.ToList();
        var declarations = new Block();
        foreach (var adjoint in adjoints)
        {
            var name = adjoint.Key;
            var first = nodes.FindIndex(n => n.Names.Contains(name));
            // A float adjoint's `+=` narrows a double contribution implicitly; a declaration would not.
            if (adjoint.Value == NumKind.Double
                && first >= 0
                && nodes[first] is AccumulateNode accumulate
                && accumulate.Adjoint.SameAs(Code.Atom(name))
                && !accumulate.Contribution.Names.Contains(name))
            {
                nodes[first] = new DeclareNode(adjoint.Value.Keyword(), name, accumulate.Contribution);
            }
            else
            {
                declarations.Declare(adjoint.Value.Keyword(), name, Code.Number(0, adjoint.Value));
            }
        }

        declarations.Add(new Block(nodes));
        return declarations;
    }
}
