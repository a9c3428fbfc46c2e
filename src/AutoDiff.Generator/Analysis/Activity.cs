using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// Dataflow facts about a body: which variables vary with the differentiable parameters ("active"),
/// and which values the reverse sweep reads again (only those are recorded before being overwritten).
/// </summary>
internal static class Activity
{
    /// <summary>Names of variables and sequences an expression reads.</summary>
    public static IEnumerable<string> Names(Expr expression) => expression switch
    {
        VarExpr v => [v.Name],
        IndexExpr i => Names(i.Index).Prepend(i.Array),
        LengthExpr l => [l.Array],
        UnaryExpr u => Names(u.Operand),
        BinaryExpr b => Names(b.Left).Concat(Names(b.Right)),
        ConditionalExpr c => Names(c.Condition).Concat(Names(c.WhenTrue)).Concat(Names(c.WhenFalse)),
        CastExpr c => Names(c.Operand),
        MathCallExpr m => m.Args.SelectMany(Names),
        DifferentiableCallExpr d => d.Args.SelectMany(Names),
        PlainCallExpr p => p.Args.SelectMany(Names),
        OpaqueExpr o => [o.Text],
        ViewArgExpr v => Names(v.Start).Concat(Names(v.Length)).Prepend(v.Base),
        TupleExpr t => t.Elements.SelectMany(Names),
        TupleElementExpr e => Names(e.Call),
        _ => [],
    };

    /// <summary>Variables and sequences whose value depends on a differentiable parameter (control dependence aside).</summary>
    public static HashSet<string> Varied(IEnumerable<Stmt> body, IEnumerable<ParameterModel> parameters)
    {
        var varied = new HashSet<string>(parameters.Where(p => p.Role != ParamRole.Passive).Select(p => p.Name));
        var statements = Normalizer.Walk(body).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var statement in statements)
            {
                var (target, value) = statement switch
                {
                    DeclareStmt { Kind: NumKind.Double or NumKind.Float, Value: { } v } d => (d.Name, v),
                    AssignStmt { Target: VarExpr { Kind: NumKind.Double or NumKind.Float } t } a => (t.Name, a.Value),
                    AssignStmt { Target: IndexExpr t } a => (t.Array, a.Value),
                    _ => (null, null),
                };
                if (target is not null && !varied.Contains(target) && IsActive(value!, varied))
                {
                    varied.Add(target);
                    changed = true;
                }
            }
        }
        while (changed);
        return varied;
    }

    public static bool ResultDependsOnInputs(EquatableArray<Stmt> body, IEnumerable<ParameterModel> parameters)
    {
        var varied = Varied(body, parameters);
        return Normalizer.Walk(body).OfType<ReturnStmt>().Any(r => IsActive(r.Value, varied));
    }

    /// <summary>True when a derivative can flow from the expression into some varied variable.</summary>
    public static bool IsActive(Expr expression, HashSet<string> varied) => expression switch
    {
        VarExpr v => v.Kind.IsFloating() && varied.Contains(v.Name),
        IndexExpr i => i.Kind.IsFloating() && varied.Contains(i.Array),
        UnaryExpr u => u.Kind.IsFloating() && IsActive(u.Operand, varied),
        BinaryExpr b => b.Kind.IsFloating() && (IsActive(b.Left, varied) || IsActive(b.Right, varied)),
        ConditionalExpr c => c.Kind.IsFloating() && (IsActive(c.WhenTrue, varied) || IsActive(c.WhenFalse, varied)),
        CastExpr c => c.Kind.IsFloating() && IsActive(c.Operand, varied),
        MathCallExpr m => m.Kind.IsFloating() && m.Args.Any(a => IsActive(a, varied)),
        DifferentiableCallExpr d => d.Args.Select((a, i) => d.Roles[i] switch
        {
            ParamRole.Scalar => IsActive(a, varied),
            ParamRole.Span => SequencePassed(a) is { } sequence && varied.Contains(sequence),
            _ => false,
        }).Any(x => x),
        TupleExpr t => t.Elements.Any(e => IsActive(e, varied)),
        TupleElementExpr e => e.Kind.IsFloating() && IsActive(e.Call, varied),
        _ => false,
    };

    /// <summary>
    /// Values the reverse sweep reads: operands of non-linear operations, indices, call arguments and
    /// loop bounds. A variable used only linearly (an accumulator) is never recorded.
    /// </summary>
    public static HashSet<string> Needed(IEnumerable<Stmt> body, HashSet<string> varied)
    {
        var needed = new HashSet<string>();
        foreach (var statement in Normalizer.Walk(body))
        {
            switch (statement)
            {
                case DeclareStmt { Value: { } value } d when varied.Contains(d.Name):
                    CollectStored(d.Name, value, d.Kind, needed, varied);
                    break;
                case AssignStmt a:
                    if (a.Target is IndexExpr index)
                    {
                        CollectAll(index.Index, needed);
                    }

                    var targetName = a.Target is VarExpr v ? v.Name : ((IndexExpr)a.Target).Array;
                    if (varied.Contains(targetName) && a.Target.Kind.IsFloating())
                    {
                        if (a.Op == "=")
                        {
                            CollectStored(targetName, a.Value, a.Target.Kind, needed, varied);
                        }
                        else
                        {
                            Collect(Effective(a), linear: true, needed, varied);
                        }
                    }

                    break;
                case ReturnStmt r:
                    Collect(r.Value, linear: true, needed, varied);
                    break;
                case CountedForStmt loop:
                    CollectAll(loop.Start, needed);
                    CollectAll(loop.End, needed);
                    break;
            }
        }

        return needed;
    }

    /// <summary>A call whose derivative is written in its output (exp, tanh, sqrt, cbrt, hypot): see <see cref="FunctionRule.ReadsOutput"/>.</summary>
    public static bool DerivativeReadsOutput(Expr value) => value is MathCallExpr m && RuleOf(m).ReadsOutput;

    /// <summary>The derivative-table row of a call (parsing admits only calls that have one).</summary>
    public static FunctionRule RuleOf(MathCallExpr call) =>
        DerivativeTable.Find(call.Function, call.Args.Count) ?? throw new System.InvalidOperationException("No derivative rule for " + call.Function);

    /// <summary>
    /// <c>Math.Max(a, e)</c> or <c>Math.Min(a, e)</c> with a cheap <c>a</c> (a ReLU's 0): the output equals a exactly
    /// when a was picked (signed zeros and NaN included), so the adjoint decides the branch from the output and
    /// a, without evaluating e again or keeping what e read.
    /// </summary>
    public static bool ChoosesByOutput(Expr value) =>
        value is MathCallExpr m && RuleOf(m) is { Shape: RuleShape.Select, Arity: 2, DefaultPick: 1 } rule
        && rule.Picks.Count == 1 && rule.Picks[0].Argument == 0 && IsLeaf(m.Args[0]);

    /// <summary>
    /// <c>c ? Math.Max(0.0, e) : e2</c>, a ReLU on some layers only: when the arm that ran is the max, the stored
    /// output is that max's output, so the adjoint reads it back as for a plain ReLU (see <see cref="ChoosesByOutput"/>).
    /// </summary>
    public static bool ArmChoosesByOutput(Expr value) =>
        value is ConditionalExpr c && (ChoosesByOutput(c.WhenTrue) || ChoosesByOutput(c.WhenFalse));

    /// <summary>A value whose adjoint reads its output back from the variable that stores it.</summary>
    public static bool ReadsOutputBack(Expr? value) => value is not null && (DerivativeReadsOutput(value) || ChoosesByOutput(value) || ArmChoosesByOutput(value));

    /// <summary>A value stored into a variable of its own kind whose adjoint reads the output back from it.</summary>
    public static bool StoresReadableOutput(Expr value, NumKind targetKind) => ReadsOutputBack(value) && value.Kind == targetKind;

    private static void CollectStored(string target, Expr value, NumKind targetKind, HashSet<string> needed, HashSet<string> varied)
    {
        if (!StoresReadableOutput(value, targetKind))
        {
            Collect(value, linear: true, needed, varied);
            return;
        }

        // The adjoint reads the output back from the target, so every later overwrite of it must be undone first.
        needed.Add(target);
        if (value is ConditionalExpr conditional)
        {
            CollectAll(conditional.Condition, needed);
            foreach (var arm in new[] { conditional.WhenTrue, conditional.WhenFalse })
            {
                if (ChoosesByOutput(arm))
                {
                    CollectAll(((MathCallExpr)arm).Args[0], needed);
                    Collect(((MathCallExpr)arm).Args[1], linear: true, needed, varied);
                }
                else
                {
                    Collect(arm, linear: true, needed, varied);
                }
            }

            return;
        }

        var call = (MathCallExpr)value;
        if (ChoosesByOutput(call))
        {
            CollectAll(call.Args[0], needed);
            Collect(call.Args[1], linear: true, needed, varied);
            return;
        }

        // The derivative reads the output, and those arguments whose values its formulas name (hypot's x / out).
        var rule = RuleOf(call);
        for (var i = 0; i < call.Args.Count; i++)
        {
            if (rule.ReadsArgument(i))
            {
                CollectAll(call.Args[i], needed);
            }
            else
            {
                Collect(call.Args[i], linear: true, needed, varied);
            }
        }
    }

    /// <summary>The right-hand side an assignment computes: <c>x *= y</c> is <c>x * y</c>.</summary>
    public static Expr Effective(AssignStmt assign) => assign.Op == "="
        ? assign.Value
        : new BinaryExpr(assign.Op.Substring(0, 1), assign.Target, assign.Value, assign.Target.Kind);

    private static void Collect(Expr expression, bool linear, HashSet<string> needed, HashSet<string> varied)
    {
        switch (expression)
        {
            case VarExpr v:
                if (!linear)
                {
                    needed.Add(v.Name);
                }

                break;
            case IndexExpr i:
                if (!linear)
                {
                    needed.Add(i.Array);
                }

                CollectAll(i.Index, needed);
                break;
            case UnaryExpr { Op: "-" or "+" } u:
                Collect(u.Operand, linear, needed, varied);
                break;
            case CastExpr c:
                Collect(c.Operand, linear, needed, varied);
                break;
            case BinaryExpr { Op: "+" or "-" } b:
                Collect(b.Left, linear, needed, varied);
                Collect(b.Right, linear, needed, varied);
                break;
            case BinaryExpr { Op: "*" } b:
                // Each factor's value is read only for the other factor's derivative.
                CollectFactor(b.Left, IsActive(b.Right, varied), linear, needed, varied);
                CollectFactor(b.Right, IsActive(b.Left, varied), linear, needed, varied);
                break;
            case BinaryExpr { Op: "/" } b:
                CollectFactor(b.Left, IsActive(b.Right, varied), linear, needed, varied);
                CollectAll(b.Right, needed);
                break;
            case TupleExpr t:
                // Each returned element gets its own seed: the elements are read as linearly as a scalar return.
                foreach (var element in t.Elements)
                {
                    Collect(element, linear, needed, varied);
                }

                break;
            case ConditionalExpr c:
                CollectAll(c.Condition, needed);
                Collect(c.WhenTrue, linear, needed, varied);
                Collect(c.WhenFalse, linear, needed, varied);
                break;
            default:
                CollectAll(expression, needed);
                break;
        }
    }

    private static void CollectFactor(Expr factor, bool valueRead, bool linear, HashSet<string> needed, HashSet<string> varied)
    {
        if (valueRead)
        {
            CollectAll(factor, needed);
        }
        else
        {
            Collect(factor, linear, needed, varied);
        }
    }

    private static void CollectAll(Expr expression, HashSet<string> needed)
    {
        foreach (var name in ValuesRead(expression))
        {
            needed.Add(name);
        }
    }

    /// <summary>The names whose values an expression reads: a sequence's length is not its contents, and never changes.</summary>
    public static IEnumerable<string> ValuesRead(Expr expression) => expression switch
    {
        LengthExpr => [],
        VarExpr v => [v.Name],
        IndexExpr i => ValuesRead(i.Index).Prepend(i.Array),
        OpaqueExpr o => [o.Text],
        ViewArgExpr v => ValuesRead(v.Start).Concat(ValuesRead(v.Length)).Prepend(v.Base),
        _ => ExprTree.Children(expression).SelectMany(ValuesRead),
    };

    /// <summary>The sequence a span argument passes: its name, or the base of a view of it; null for any other argument.</summary>
    public static string? SequencePassed(Expr argument) => argument switch
    {
        OpaqueExpr o => o.Text,
        ViewArgExpr v => v.Base,
        _ => null,
    };

    /// <summary>A leaf is cheap to re-evaluate and needs no temporary.</summary>
    public static bool IsLeaf(Expr expression) => expression switch
    {
        // A view passed to a helper is a span, never a temporary of the call's type.
        ConstExpr or VarExpr or LengthExpr or OpaqueExpr or ViewArgExpr => true,
        IndexExpr i => i.Index is ConstExpr or VarExpr,
        UnaryExpr { Op: "-" } u => u.Operand is ConstExpr or VarExpr,
        _ => false,
    };
}
