using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Moves a loop whose iterations take their adjoints along (<see cref="LoopNode.WithAdjoint"/>) into two private
/// methods, one iteration's primal sweep and that iteration's adjoint, which the loop calls in turn: the shape of a
/// hand-written backpropagation (<c>Forward(…); Backward(…);</c> per point). Why: a generated method that holds the
/// user's <c>stackalloc</c> and loops is compiled once, with full optimisation but no profile, and with both sweeps'
/// values live in one method the JIT keeps loop state in stack slots; two small methods are compiled at tier 1 with
/// a profile and keep it in registers (docs/benchmarks.md, "Split methods").
/// </summary>
/// <remarks>
/// A name the iteration uses but does not declare becomes a parameter: spans by value (an iteration never
/// reassigns one; if it did, the loop is left as it is), everything else by <c>ref</c>, copied into a local of the
/// same name on entry and back on exit, so the body is unchanged and its scalars stay in registers. Values the
/// primal sweep declares and the adjoint reads come back as <c>out</c> parameters. A loop is left in place when
/// a name's type is not known, or when a statement could leave the iteration early.
/// </remarks>
internal static class IterationOutlining
{
    private const string AdjointComment = "Adjoint of this iteration";

    private const string NoInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    /// <summary>A private method the generated member calls: its name, summary, parameter list and body.</summary>
    internal sealed record Helper(string Name, string Summary, IReadOnlyList<string> Parameters, Block Body)
    {
        public string Attribute => NoInlining;
    }

    /// <summary><paramref name="body"/> with its independent loops' iterations moved into methods named after <paramref name="host"/>.</summary>
    public static (Block Body, IReadOnlyList<Helper> Helpers) Apply(Block body, MethodModel method, string host)
    {
        var helpers = new List<Helper>();
        if (!body.Any(ContainsIterationLoop))
        {
            return (body, helpers);
        }

        var types = TypesOf(body, method);
        var taken = new HashSet<string>(AllNames(body).Concat(method.Parameters.SelectMany(p => new[] { p.Name, p.AdjointName }).OfType<string>()));
        var rewritten = Rewrite(body, types, taken, host, method.Name, helpers);
        return (rewritten, helpers);
    }

    private static bool ContainsIterationLoop(Node node) => node switch
    {
        LoopNode { WithAdjoint: true } => true,
        LoopNode loop => loop.Body.Any(ContainsIterationLoop),
        IfNode branch => branch.Then.Concat(branch.Else).Any(ContainsIterationLoop),
        _ => false,
    };

    private static Block Rewrite(Block block, IReadOnlyDictionary<string, string?> types, HashSet<string> taken, string host, string source, List<Helper> helpers)
    {
        var result = new Block();
        foreach (var node in block)
        {
            switch (node)
            {
                case LoopNode { WithAdjoint: true } loop:
                    result.Add(Outline(loop, types, taken, host, source, helpers) ?? loop);
                    break;
                case LoopNode loop:
                    result.Add(loop with { Body = Rewrite(loop.Body, types, taken, host, source, helpers) });
                    break;
                case IfNode branch:
                    result.Add(branch with
                    {
                        Then = Rewrite(branch.Then, types, taken, host, source, helpers),
                        Else = Rewrite(branch.Else, types, taken, host, source, helpers),
                    });
                    break;
                default:
                    result.Add(node);
                    break;
            }
        }

        return result;
    }

    /// <summary>The loop calling its two methods, or null when it stays as it is.</summary>
    private static LoopNode? Outline(LoopNode loop, IReadOnlyDictionary<string, string?> types, HashSet<string> taken, string host, string source, List<Helper> helpers)
    {
        var nodes = loop.Body.ToList();
        var split = nodes.FindIndex(n => n is CommentNode { Text: AdjointComment });
        if (split <= 0 || split == nodes.Count - 1)
        {
            return null;
        }

        var forward = new Block(nodes.Take(split));
        var adjoint = new Block(nodes.Skip(split + 1));
        if (forward.Concat(adjoint).Any(LeavesEarly) || !nodes.Any(HasLoop))
        {
            // An iteration without a loop of its own is too little work to pay for two calls.
            return null;
        }

        // What the adjoint reads of the primal sweep's own declarations comes back through `out` parameters.
        var adjointFree = Free(adjoint);
        var exports = forward.OfType<DeclareNode>().Where(d => adjointFree.Contains(d.Name)).ToList();
        if (exports.Any(d => !Known(d.Type)))
        {
            return null;
        }

        var localTypes = new Dictionary<string, string?>(types.Count + exports.Count);
        foreach (var pair in types)
        {
            localTypes[pair.Key] = pair.Value;
        }

        foreach (var export in exports)
        {
            localTypes[export.Name] = export.Type;
        }

        var forwardCall = Method(forward, Free(forward), exports, types, Unique(host + "Iteration", taken), "One iteration of the loop of <c>" + source + "</c> whose iterations take their adjoints along: its primal sweep, recording what the adjoint needs.", helpers);
        var adjointCall = forwardCall is null ? null : Method(adjoint, adjointFree, [], localTypes, Unique(host + "IterationAdjoint", taken), "The adjoint of one iteration of that loop, right after its primal sweep.", helpers);
        if (forwardCall is null || adjointCall is null)
        {
            if (forwardCall is not null)
            {
                helpers.RemoveAt(helpers.Count - 1);
            }

            return null;
        }

        var body = new Block();
        body.Add(new ExpressionNode(forwardCall));
        body.Comment(AdjointComment);
        body.Add(new ExpressionNode(adjointCall));
        return loop with { Body = body };
    }

    /// <summary>A helper for <paramref name="block"/> added to <paramref name="helpers"/>, and the call to it; null when a name's type is unknown.</summary>
    private static Code? Method(Block block, List<string> free, IReadOnlyList<DeclareNode> exports, IReadOnlyDictionary<string, string?> types, string name, string summary, List<Helper> helpers)
    {
        var reassigned = new HashSet<string>(block.SelectMany(Reassigned));
        var taken = new HashSet<string>(block.Names.Concat(Declared(block)).Concat(free));
        var parameters = new List<string>();
        var arguments = new List<Code>();
        var entry = new Block();
        var exit = new Block();
        foreach (var variable in free)
        {
            if (!types.TryGetValue(variable, out var type) || type is null || !Known(type))
            {
                return null;
            }

            var isStack = variable is "_values" or "_ints";
            if (IsSpan(type) && reassigned.Contains(variable))
            {
                return null;
            }

            if (!isStack && !reassigned.Contains(variable))
            {
                parameters.Add(type + " " + variable);
                arguments.Add(Code.Atom(variable));
                continue;
            }

            var reference = Unique(variable + "Ref", taken);
            parameters.Add("ref " + type + " " + reference);
            arguments.Add(Code.Ref(variable));
            entry.Declare(type, variable, Code.Atom(reference));
            exit.Assign(Code.Atom(reference), "=", Code.Atom(variable));
        }

        foreach (var export in exports)
        {
            var output = Unique(export.Name + "Out", taken);
            parameters.Add("out " + export.Type + " " + output);
            arguments.Add(Code.Ref(export.Name, "out " + export.Type));
            exit.Assign(Code.Atom(output), "=", Code.Atom(export.Name));
        }

        var body = new Block();
        body.Add(entry);
        body.Add(block);
        body.Add(exit);
        helpers.Add(new Helper(name, summary, parameters, body));
        return Code.Call(name, arguments.ToArray());
    }

    /// <summary>The variables a statement assigns as a whole (not an element of): targets, and <c>ref</c>/<c>out</c> arguments.</summary>
    private static IEnumerable<string> Reassigned(Node node)
    {
        IEnumerable<string> direct = node switch
        {
            AssignNode { Target.Form: Code.Shape.Name } a => [a.Target.Text],
            AccumulateNode { Adjoint.Form: Code.Shape.Name } a => [a.Adjoint.Text],
            DeclareNode d => [d.Name],
            _ => [],
        };
        var nested = node switch
        {
            IfNode branch => branch.Then.Concat(branch.Else).SelectMany(Reassigned),
            LoopNode loop => (loop.Init is { } init ? Reassigned(init) : []).Concat(loop.Step is { } step ? Reassigned(step) : []).Concat(loop.Body.SelectMany(Reassigned)),
            _ => [],
        };
        return direct.Concat(nested).Concat(NodeWalk.Codes(node).SelectMany(RefArguments));
    }

    private static IEnumerable<string> RefArguments(Code code) =>
        (code.Form == Code.Shape.Ref ? code.Parts.SelectMany(p => p.Names) : []).Concat(code.Parts.SelectMany(RefArguments));

    private static bool HasLoop(Node node) => node switch
    {
        LoopNode => true,
        IfNode branch => branch.Then.Concat(branch.Else).Any(HasLoop),
        _ => false,
    };

    /// <summary>A statement that could leave the iteration before its end: a return, a break out of it, a line no pass reads.</summary>
    private static bool LeavesEarly(Node node) => node switch
    {
        ReturnNode or BreakNode or VerbatimNode or ThrowArgumentNode => true,
        IfNode branch => branch.Then.Concat(branch.Else).Any(LeavesEarly),
        LoopNode loop => loop.Body.Any(n => n is not BreakNode && LeavesEarly(n)),
        _ => false,
    };

    /// <summary>The names <paramref name="block"/> uses and does not declare, in order of first use: variables only (no <c>Math.PI</c>), the stacks included.</summary>
    private static List<string> Free(Block block)
    {
        var declared = new HashSet<string>(Declared(block));
        var used = block.Names.Concat(block.SelectMany(StacksUsed));
        return used.Where(n => !declared.Contains(n) && IsVariable(n)).Distinct().ToList();
    }

    private static IEnumerable<string> Declared(IEnumerable<Node> nodes) => nodes.SelectMany(node => node switch
    {
        DeclareNode d => [d.Name],
        IfNode branch => Declared(branch.Then).Concat(Declared(branch.Else)),
        LoopNode loop => (loop.Init is { } init ? Declared([init]) : []).Concat(Declared(loop.Body)),
        _ => [],
    });

    /// <summary>The stacks a statement pushes to, pops from or asks about (a pop's callee holds no name).</summary>
    private static IEnumerable<string> StacksUsed(Node node)
    {
        IEnumerable<string> direct = node switch
        {
            PushNode p => [StackNames.Of(p.Stack)],
            ReserveNode r => [StackNames.Of(r.Stack)],
            RecordAllNode r => [StackNames.Of(r.Stack)],
            RestoreAllNode r => [StackNames.Of(r.Stack)],
            _ => [],
        };
        var nested = node switch
        {
            IfNode branch => branch.Then.Concat(branch.Else).SelectMany(StacksUsed),
            LoopNode loop => (loop.Init is { } init ? StacksUsed(init) : []).Concat(loop.Step is { } step ? StacksUsed(step) : []).Concat(loop.Body.SelectMany(StacksUsed)),
            _ => [],
        };
        var called = NodeWalk.Codes(node).SelectMany(Callees)
            .Select(c => new[] { Stack.Values, Stack.Ints }.Select(StackNames.Of).FirstOrDefault(s => c.StartsWith(s + ".", System.StringComparison.Ordinal)))
            .OfType<string>();
        return direct.Concat(nested).Concat(called);
    }

    private static IEnumerable<string> Callees(Code code) =>
        (code.Form == Code.Shape.Call ? [code.Op] : System.Array.Empty<string>()).Concat(code.Parts.SelectMany(Callees));

    private static bool IsVariable(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
        && name is not ("default" or "true" or "false" or "null");

    private static bool IsSpan(string type) => type.Contains("Span<");

    /// <summary>A type a parameter can be declared with: not <c>var</c>, not a constant.</summary>
    private static bool Known(string type) => type != "var" && !type.StartsWith("const ", System.StringComparison.Ordinal);

    /// <summary>Every local's type, from its declaration (a window's and a stack's inferred), and the parameters'; null where two declarations disagree.</summary>
    private static Dictionary<string, string?> TypesOf(Block body, MethodModel method)
    {
        var types = new Dictionary<string, string?> { [method.SeedName] = method.ReturnKind.Keyword() };
        foreach (var parameter in method.Parameters)
        {
            types[parameter.Name] = parameter.TypeText;
            if (parameter.Role == ParamRole.Span && parameter.AdjointName is not null)
            {
                types[parameter.AdjointName] = "global::System.Span<" + parameter.ElementKind.Keyword() + ">";
            }
        }

        void Add(string name, string? type)
        {
            types[name] = types.TryGetValue(name, out var existing) && existing != type ? null : type;
        }

        foreach (var declaration in AllDeclarations(body))
        {
            Add(declaration.Name, declaration.Type == "var" ? Inferred(declaration.Value, types) : declaration.Type);
        }

        return types;
    }

    private static IEnumerable<DeclareNode> AllDeclarations(IEnumerable<Node> nodes) => nodes.SelectMany(node => node switch
    {
        DeclareNode d => [d],
        IfNode branch => AllDeclarations(branch.Then).Concat(AllDeclarations(branch.Else)),
        LoopNode loop => (loop.Init is { } init ? AllDeclarations([init]) : []).Concat(AllDeclarations(loop.Body)),
        _ => [],
    });

    /// <summary>The type of a <c>var</c> the generator declares: a stack (<c>new T(…)</c>) or a loop window of a known buffer.</summary>
    private static string? Inferred(Code value, IReadOnlyDictionary<string, string?> types)
    {
        if (value.Form == Code.Shape.Name && value.Text.StartsWith("new ", System.StringComparison.Ordinal) && value.Text.IndexOf('(') is var open and > 4)
        {
            return value.Text.Substring(4, open - 4);
        }

        var call = value.Form == Code.Shape.Choice ? value.Parts.FirstOrDefault(p => p.Form == Code.Shape.Call) : value;
        if (call is null || call.Form != Code.Shape.Call || !call.Op.EndsWith("LoopWindow.Of", System.StringComparison.Ordinal)
            || call.Parts.Count == 0 || call.Parts[0].Form != Code.Shape.Name
            || !types.TryGetValue(call.Parts[0].Text, out var source) || source is null)
        {
            return null;
        }

        if (source.EndsWith("[]", System.StringComparison.Ordinal))
        {
            return "global::System.Span<" + source.Substring(0, source.Length - 2) + ">";
        }

        var angle = source.IndexOf('<');
        if (angle < 0 || !source.EndsWith(">", System.StringComparison.Ordinal))
        {
            return null;
        }

        var element = source.Substring(angle + 1, source.Length - angle - 2);
        return source.Substring(0, angle).EndsWith("ReadOnlySpan", System.StringComparison.Ordinal)
            ? "global::System.ReadOnlySpan<" + element + ">"
            : source.Substring(0, angle).EndsWith("Span", System.StringComparison.Ordinal) ? "global::System.Span<" + element + ">" : null;
    }

    private static IEnumerable<string> AllNames(Block body) => body.Names.Concat(AllDeclarations(body).Select(d => d.Name));

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = name + n;
        }

        return candidate;
    }
}
