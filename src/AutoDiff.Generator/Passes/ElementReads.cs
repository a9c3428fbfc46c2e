using System;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;

namespace AutoDiff.Generator.Passes;

/// <summary>
/// Reads an element of the body's own buffers once where a loop read it again and again: an element at an index
/// the loop does not change is read into a local before the loop (<c>xcentered[i]</c> in a loop over j), and an
/// element two statements of one iteration read is read into a local before the first. A hand-written loop keeps
/// such values in registers; the JIT cannot, because a store through any other span in the loop might change
/// the element as far as it knows. Only the body's own buffers and their adjoints qualify: nothing else can
/// point into them, so a store elsewhere never changes them, and the loop itself must not write them.
/// </summary>
/// <remarks>
/// A read moved before a loop happens only when the loop runs at least once (<c>d - 1 &gt;= i + 1 ? xcentered[i] :
/// 0.0</c>: the loop's condition on its first index), and only reads every iteration makes (outside branches,
/// conditional expressions and short-circuit operands) move, so an index is never read that the loop would not
/// have read.
/// </remarks>
internal static class ElementReads
{
    /// <summary>The block with loop-invariant and repeated element reads of <paramref name="ownArrays"/> kept in locals.</summary>
    /// <param name="block">A sweep of generated code.</param>
    /// <param name="ownArrays">The body's own buffers and their adjoint buffers, with their element types.</param>
    /// <param name="fresh">Reserves a name no other local of the body uses.</param>
    public static Block Apply(Block block, IReadOnlyDictionary<string, string> ownArrays, Func<string, string> fresh)
    {
        return NodeWalk.RewriteLoops(block, (loop, output) =>
        {
            var hoisted = Hoist(loop, ownArrays, fresh, output);
            output.Add(hoisted with { Body = Shared(hoisted.Body, ownArrays, fresh) });
        });
    }

    /// <summary>Moves the reads of elements the loop never changes, at indices it never changes, before it (into <paramref name="output"/>); returns the loop.</summary>
    private static LoopNode Hoist(LoopNode loop, IReadOnlyDictionary<string, string> ownArrays, Func<string, string> fresh, Block output)
    {
        if (loop is not { Form: LoopForm.For, Init: DeclareNode { Type: "int" } init } || init.Value.HasEffect || loop.Condition.HasEffect
            || loop.Body.Any(n => n is VerbatimNode || CallsOut(n)))
        {
            return loop;
        }

        var changed = new HashSet<string>(loop.Body.SelectMany(NodeWalk.Changed)) { init.Name };
        if (loop.Step is { } step)
        {
            changed.UnionWith(NodeWalk.Changed(step));
        }

        var reads = new List<Code>();
        foreach (var node in loop.Body)
        {
            foreach (var code in NodeWalk.Unconditional(node))
            {
                foreach (var read in ElementsIn(code))
                {
                    if (ownArrays.ContainsKey(read.Op) && !read.Names.Any(changed.Contains) && !read.HasEffect && !reads.Any(r => r.SameAs(read)))
                    {
                        reads.Add(read);
                    }
                }
            }

            // Past a statement that may leave the iteration early, later reads are not certain.
            if (node is BreakNode or ReturnNode or PassiveNode || node is IfNode or LoopNode && ContainsExit(node))
            {
                break;
            }
        }

        if (reads.Count == 0)
        {
            return loop;
        }

        var runs = NodeWalk.RewriteCode(loop.Condition, c => c.Form == Code.Shape.Name && c.Text == init.Name ? init.Value : null);
        var locals = new List<(Code Read, string Name)>();
        foreach (var read in reads)
        {
            var name = fresh("_" + read.Op.TrimStart('_') + "At");
            var type = ownArrays[read.Op];
            output.Declare(type, name, Code.Choose(runs, read, Code.Atom("default")));
            locals.Add((read, name));
        }

        return loop with { Body = new Block(loop.Body.Select(n => NodeWalk.RewriteNode(n, c => Local(c, locals)))) };
    }

    /// <summary>Reads an element that two top-level statements of an iteration read once, before the first of them.</summary>
    private static Block Shared(Block body, IReadOnlyDictionary<string, string> ownArrays, Func<string, string> fresh)
    {
        var result = new List<Node>(body);
        for (var first = 0; first < result.Count; first++)
        {
            foreach (var read in NodeWalk.Unconditional(result[first]).SelectMany(ElementsIn).Where(r => ownArrays.ContainsKey(r.Op) && !r.HasEffect).ToList())
            {
                if (CallsOut(result[first]) || NodeWalk.Changed(result[first]).Any(read.Names.Contains))
                {
                    continue;
                }

                // The later statements that read the same element, up to the first that changes it or its index.
                var last = first;
                for (var next = first + 1; next < result.Count; next++)
                {
                    var node = result[next];
                    if (node is VerbatimNode || CallsOut(node) || NodeWalk.Changed(node).Any(read.Names.Contains))
                    {
                        break;
                    }

                    if (Mentions(node, read))
                    {
                        last = next;
                    }
                }

                if (last == first)
                {
                    continue;
                }

                var name = fresh("_" + read.Op.TrimStart('_') + "At");
                var locals = new List<(Code, string)> { (read, name) };
                for (var k = first; k <= last; k++)
                {
                    result[k] = NodeWalk.RewriteNode(result[k], c => Local(c, locals));
                }

                result.Insert(first, new DeclareNode(ownArrays[read.Op], name, read));
                first++;
            }
        }

        return new Block(result);
    }

    /// <summary>True when the statement calls something that could store into a buffer it is handed (a helper, a pullback).</summary>
    private static bool CallsOut(Node node) => NodeWalk.AllCodes(node).Any(CallsOut);

    private static bool CallsOut(Code code) =>
        code.Form == Code.Shape.Call && NodeWalk.MathFunction(code.Op) is null && !NodeWalk.IsPop(code.Op)
        || code.Parts.Any(CallsOut);

    private static bool Mentions(Node node, Code read) =>
        NodeWalk.AllCodes(node).Any(c => ElementsIn(c).Any(e => e.SameAs(read)));

    private static bool ContainsExit(Node node) => node switch
    {
        BreakNode or ReturnNode or PassiveNode => true,
        IfNode branch => branch.Then.Concat(branch.Else).Any(ContainsExit),
        LoopNode loop => loop.Body.Any(n => n is ReturnNode or PassiveNode || n is IfNode or LoopNode && ContainsExit(n)),
        _ => false,
    };

    private static Code? Local(Code code, List<(Code Read, string Name)> locals)
    {
        if (code.Form != Code.Shape.Index)
        {
            return null;
        }

        foreach (var (read, name) in locals)
        {
            if (read.SameAs(code))
            {
                return Code.Atom(name);
            }
        }

        return null;
    }

    /// <summary>The element reads in <paramref name="code"/> that are not stores (an assignment's target is not passed here as a read).</summary>
    private static IEnumerable<Code> ElementsIn(Code code) =>
        code.Form == Code.Shape.Index ? [code] : code.Parts.SelectMany(ElementsIn);
}
