using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Passes;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Writes a loop that <see cref="IterationAdjoints"/> found independent as one primal loop whose body ends with
/// that iteration's adjoint: <c>for (…) { primal of p; adjoint of p; }</c>. The accumulators' adjoints are
/// written before the loop from the return's partial derivatives, which read only what neither the loop nor the
/// code after it changes (the plan checked). The reverse sweep then has nothing left to do for the loop, and the
/// stack holds one iteration's record at a time.
/// </summary>
internal sealed partial class AdjointWriter
{
    /// <summary>Accumulators' adjoints given their value before a loop: the return's contributions to them are dropped.</summary>
    private readonly HashSet<string> _seededAdjoints = new();

    /// <summary>Local adjoints a loop's body updates in the primal sweep: declared up front, not at their first contribution.</summary>
    private readonly HashSet<string> _adjointsInPrimal = new();

    /// <summary>The plan's decision for a top-level loop: whether its iterations take their adjoints along.</summary>
    private IterationAdjoints.Candidate? IndependentLoop(CountedForStmt loop, Context context) =>
        context.Depth == 0 && !context.Nested && _plan.Independent.TryGetValue(loop, out var candidate) ? candidate : null;

    /// <summary>
    /// Declarations of the accumulators' adjoints, the return's partial derivatives times the seed. The plan has
    /// checked that these read nothing the loop or the code after it writes; the code written for them is checked
    /// again, and a disagreement throws (an internal-error diagnostic) rather than write an adjoint that is wrong.
    /// </summary>
    private Block AccumulatorSeeds(IterationAdjoints.Candidate candidate)
    {
        var accumulations = Normalizer.Walk(candidate.Loop.Body).OfType<AssignStmt>()
            .Where(a => a.Target is VarExpr v && candidate.Accumulators.Contains(v.Name));
        if (accumulations.Any(a => _plan.RecoveryOf(a) != Recovery.None))
        {
            throw Disagreement("an accumulator is recorded");
        }

        var adjoints = candidate.Accumulators.Where(_adjointOf.ContainsKey).ToDictionary(name => _adjointOf[name], name => name);
        var seeds = new Block();
        if (adjoints.Count == 0)
        {
            return seeds;
        }

        var partials = new Block();
        var saved = _primalValues;
        _primalValues = null;
        ResetScopes();
        BackpropStatement(((ReturnStmt)_body[_body.Count - 1]).Value, _pullback ? Code.Atom(_method.SeedName) : Code.Number(1, Scalar), Scalar, partials);
        _primalValues = saved;

        var contributions = adjoints.Keys.ToDictionary(a => a, _ => new List<Code>());
        var temporaries = new Dictionary<string, DeclareNode>();
        foreach (var node in partials)
        {
            switch (node)
            {
                case AccumulateNode { Adjoint.Form: Code.Shape.Name } a when contributions.TryGetValue(a.Adjoint.Text, out var list):
                    list.Add(a.Contribution);
                    break;
                case DeclareNode d:
                    temporaries[d.Name] = d;
                    break;
                default:
                    if (node.Names.Any(adjoints.ContainsKey))
                    {
                        throw Disagreement("the return's derivative reaches an accumulator through a call or branch");
                    }

                    break;
            }
        }

        // The temporaries the contributions read, in the order they were written.
        var used = new HashSet<string>();
        var pending = new Stack<Code>(contributions.Values.SelectMany(c => c));
        while (pending.Count > 0)
        {
            foreach (var name in pending.Pop().Names)
            {
                if (temporaries.TryGetValue(name, out var temporary) && used.Add(name))
                {
                    pending.Push(temporary.Value);
                }
            }
        }

        // A temporary a callee's pullback or a branch writes (`ref _a1`) is no plain value; one a branch only reads is.
        if (partials.Where(n => n is not DeclareNode and not AccumulateNode).SelectMany(Written).Any(used.Contains))
        {
            throw Disagreement("a call writes an accumulator's partial derivative");
        }

        var otherAdjoints = new HashSet<string>(_adjointOf.Values);
        var codes = partials.OfType<DeclareNode>().Where(d => used.Contains(d.Name)).Select(d => d.Value).Concat(contributions.Values.SelectMany(c => c));
        if (codes.Any(code => code.HasEffect || code.Names.Any(n => !used.Contains(n) && (candidate.Unstable.Contains(n) || otherAdjoints.Contains(n)))))
        {
            throw Disagreement("an accumulator's partial derivative reads a value that changes after the loop");
        }

        seeds.Add(new Block(partials.OfType<DeclareNode>().Where(d => used.Contains(d.Name))));
        foreach (var pair in contributions)
        {
            var kind = _localAdjointKinds[pair.Key];
            if (kind == NumKind.Double || pair.Value.Count == 0)
            {
                seeds.Declare(kind.Keyword(), pair.Key, pair.Value.Count == 0 ? Code.Number(0, kind) : pair.Value.Aggregate(Code.Add));
            }
            else
            {
                // A float adjoint's `+=` narrows a double contribution implicitly; a declaration would not.
                seeds.Declare(kind.Keyword(), pair.Key, Code.Number(0, kind));
                foreach (var contribution in pair.Value)
                {
                    seeds.Accumulate(Code.Atom(pair.Key), contribution);
                }
            }

            _seededAdjoints.Add(pair.Key);
        }

        return seeds;
    }

    /// <summary>The names a statement may write: targets, declarations, and everything a call mentions (its <c>ref</c> arguments).</summary>
    private static IEnumerable<string> Written(Node node) => node switch
    {
        DeclareNode d => [d.Name],
        AssignNode a => a.Target.Names.Take(1),
        AccumulateNode a => a.Adjoint.Names.Take(1),
        IfNode i => i.Then.Concat(i.Else).SelectMany(Written),
        LoopNode l => l.Body.SelectMany(Written),
        CommentNode or VerbatimNode or PassiveNode => [],
        _ => node.Names,
    };

    private static System.InvalidOperationException Disagreement(string what) =>
        new("In a loop whose iterations take their adjoints along, " + what + ", which the plan ruled out");

    /// <summary>Set while writing a second-order body, whose tangents a skipped iteration would skip too.</summary>
    private readonly bool _secondOrder;

    /// <summary>The loop with each iteration's adjoint after its primal, preceded by the accumulators' adjoints.</summary>
    private void EmitWithIterationAdjoints(CountedForStmt loop, Block seeds, Context context, CommentNode comment, Block forward)
    {
        var scope = OpenLoop();
        var inner = context.Enter(loop: true) with { Loop = scope };
        var statements = loop.Body.ToList();
        var (bodyForward, restReverse) = EmitBlock(statements.Take(statements.Count - 1), inner);
        var (lastForward, lastReverse) = EmitBlock(statements.Skip(statements.Count - 1), inner);
        bodyForward.Add(lastForward);
        var body = new Block();
        var gate = scope.Recomputed.IsEmpty ? IterationGate(loop, statements, lastReverse, restReverse) : null;
        if (gate is not null)
        {
            // A point whose accumulation passes nothing back (a hinge whose margin is met) skips the rest of its
            // adjoint, and forgets what it recorded for it.
            var drops = new Block();
            foreach (var stack in new[] { Stack.Values, Stack.Ints }.Where(s => StackReservation.Pushes(bodyForward, s)))
            {
                var mark = Temp("_mark");
                body.Declare("int", mark, Code.Member(Code.Atom(StackNames.Of(stack)), "Count"));
                drops.Add(new ExpressionNode(Code.Call(StackNames.Of(stack) + ".DropTo", Code.Atom(mark))));
            }

            body.Add(bodyForward);
            body.Comment("Adjoint of this iteration");
            body.Add(ZeroAdjointLoops.Skip(lastReverse));
            body.Add(ZeroAdjointLoops.Skip(new Block([new IfNode(gate, restReverse, drops, SkipsIteration: true)])));
        }
        else
        {
            var bodyReverse = new Block();
            bodyReverse.Add(lastReverse);
            bodyReverse.Add(restReverse);
            bodyReverse = ZeroAdjointLoops.Skip(StartWithRecomputed(scope, bodyReverse));
            body.Add(bodyForward);
            if (!bodyReverse.IsEmpty)
            {
                body.Comment("Adjoint of this iteration");
                body.Add(bodyReverse);
            }
        }

        _adjointsInPrimal.UnionWith(body.Names.Where(_localAdjointKinds.ContainsKey));
        forward.Add(comment);
        forward.Add(seeds);
        forward.Add(PrimalLoop(loop, body) with { Trips = Trips(loop), ConstantTrips = ConstantTrips(loop), WithAdjoint = true });
    }

    /// <summary>
    /// When an iteration's adjoint only starts from its last statement, an accumulation (<c>hinge += …</c>), and the
    /// rest reads nothing that statement's adjoint did not just write: the test that what it wrote is not all zero.
    /// Every other adjoint the rest reads is zero when an iteration starts (the body's locals and the buffers it
    /// overwrites whole get theirs back to zero by the end of each iteration's adjoint), so when this one is false
    /// the rest would add only zeros, and its restores are not needed (nothing after the iteration reads what it
    /// wrote). Null when the shape does not allow it, and in second-order bodies.
    /// </summary>
    private Code? IterationGate(CountedForStmt loop, List<Stmt> statements, Block lastReverse, Block restReverse)
    {
        var accumulators = _plan.Independent[loop].Accumulators;
        if (_secondOrder
            || restReverse.IsEmpty
            || statements[statements.Count - 1] is not AssignStmt { Target: VarExpr target, Op: "+=" or "-=" }
            || !accumulators.Contains(target.Name)
            || statements.Take(statements.Count - 1).SelectMany(ExprTree.NamesIn).Any(accumulators.Contains)
            || !OnlyAddsUp(lastReverse))
        {
            return null;
        }

        var read = new HashSet<string>(restReverse.Names);
        var tests = AccumulationTargets(lastReverse)
            .Where(t => read.Contains(t.Names.First()))
            .GroupBy(t => t.Text)
            .Select(g => Code.Binary(g.First(), "!=", Code.Number(0, NumKind.Int), Code.Equality))
            .ToList();
        return tests.Count == 0 ? null : tests.Aggregate((a, b) => Code.Binary(a, "||", b, Code.Or));
    }

    /// <summary>True when a block only computes temporaries and adds into adjoints (no restore, pop or call).</summary>
    private static bool OnlyAddsUp(Block block) => block.All(node => node switch
    {
        CommentNode => true,
        DeclareNode d => !d.Value.HasEffect,
        AccumulateNode a => !a.Contribution.HasEffect && !a.Adjoint.HasEffect,
        IfNode i => !i.Condition.HasEffect && OnlyAddsUp(i.Then) && OnlyAddsUp(i.Else),
        _ => false,
    });

    private static IEnumerable<Code> AccumulationTargets(Block block) => block.SelectMany(node => node switch
    {
        AccumulateNode a => [a.Adjoint],
        IfNode i => AccumulationTargets(i.Then).Concat(AccumulationTargets(i.Else)),
        _ => [],
    });

    /// <summary>The return's adjoint without the contributions to accumulators seeded before their loops, nor the temporaries only those read.</summary>
    private Block WithoutSeededContributions(Block adjoint)
    {
        if (_seededAdjoints.Count == 0)
        {
            return adjoint;
        }

        var nodes = adjoint.Where(n => n is not AccumulateNode { Adjoint.Form: Code.Shape.Name } a || !_seededAdjoints.Contains(a.Adjoint.Text)).ToList();
        while (true)
        {
            var read = new HashSet<string>(nodes.Where(n => n is not DeclareNode).SelectMany(n => n.Names)
                .Concat(nodes.OfType<DeclareNode>().SelectMany(d => d.Value.Names)));
            var unread = nodes.FindIndex(n => n is DeclareNode d && !read.Contains(d.Name) && !d.Value.HasEffect);
            if (unread < 0)
            {
                return new Block(nodes);
            }

            nodes.RemoveAt(unread);
        }
    }

    /// <summary>
    /// The local adjoints <see cref="FirstContributions"/> may declare at their first contribution in the reverse
    /// sweep, and declarations with zero, for the hoisted block, of those a loop's iterations update in the primal sweep.
    /// </summary>
    private (IEnumerable<KeyValuePair<string, NumKind>> Folded, Block Declared) SplitAdjointDeclarations()
    {
        var declared = new Block();
        foreach (var name in _adjointsInPrimal.Where(n => !_seededAdjoints.Contains(n)).OrderBy(n => n, System.StringComparer.Ordinal))
        {
            declared.Declare(_localAdjointKinds[name].Keyword(), name, Code.Number(0, _localAdjointKinds[name]));
        }

        return (_localAdjointKinds.Where(k => !_adjointsInPrimal.Contains(k.Key) && !_seededAdjoints.Contains(k.Key)), declared);
    }
}
