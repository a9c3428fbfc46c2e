using System;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// An <c>if</c> with a <c>break</c>, <c>continue</c> or <c>return</c> on some paths but not all (<c>if (a) { … }
/// else if (b) { …; continue; } else { … }</c> followed by more statements, as a lowered <c>switch</c> with a
/// section that continues is): each jump inside it sets a flag instead (and a return its value), what follows a
/// jump inside the <c>if</c> runs only while the flag is clear, and after the <c>if</c> each kind of jump is taken
/// by an <c>if</c> that always jumps (<c>if (jump == 1) continue;</c>), which the jump normalizer mirrors. The
/// method does what it did, in the same order; before, such a body ran on the runtime tape.
/// </summary>
internal static class JumpFlags
{
    private const int Continue = 1;
    private const int Break = 2;
    private const int Return = 3;

    /// <param name="body">The parsed body, its returns from inside loops already lowered (<see cref="LoopReturns"/>).</param>
    /// <param name="returnKind">The method's return type; null for a vector-valued method, whose returns stay as they are.</param>
    /// <param name="fresh">Makes a local name no other local has, from a stem.</param>
    public static EquatableArray<Stmt> Lower(EquatableArray<Stmt> body, NumKind? returnKind, Func<string, string> fresh)
    {
        var declarations = new List<Stmt>();
        var lowered = Block(body, new Context(returnKind, fresh, declarations));
        return declarations.Count == 0 ? body : declarations.Concat(lowered).ToEquatableArray();
    }

    private sealed record Context(NumKind? ReturnKind, Func<string, string> Fresh, List<Stmt> Declarations);

    private static List<Stmt> Block(IEnumerable<Stmt> statements, Context context)
    {
        var result = new List<Stmt>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case IfStmt branch:
                    var inner = branch with { Then = Block(branch.Then, context).ToEquatableArray(), Else = Block(branch.Else, context).ToEquatableArray() };
                    if (NeedsFlag(inner, context))
                    {
                        result.AddRange(Flagged(inner, context));
                    }
                    else
                    {
                        result.Add(inner);
                    }

                    break;
                case WhileStmt loop:
                    result.Add(loop with { Body = Block(loop.Body, context).ToEquatableArray() });
                    break;
                case ForStmt loop:
                    result.Add(loop with { Body = Block(loop.Body, context).ToEquatableArray() });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }

        return result;
    }

    /// <summary>What the normalizer cannot put in shape: a jump on some paths of the <c>if</c>, on none of its branches on every path.</summary>
    private static bool NeedsFlag(IfStmt branch, Context context) =>
        Normalizer.ContainsJump(branch) && !Normalizer.AlwaysJumps(branch.Then) && !Normalizer.AlwaysJumps(branch.Else)
        && (context.ReturnKind is not null || !Normalizer.Walk([branch], intoLoops: false).Any(s => s is ReturnStmt));

    /// <summary>The flag cleared, the <c>if</c> with its jumps replaced, then an <c>if</c> that takes each kind of jump it held.</summary>
    private static List<Stmt> Flagged(IfStmt branch, Context context)
    {
        var flag = new VarExpr(context.Fresh("jump"), NumKind.Int);
        var returns = Normalizer.Walk([branch], intoLoops: false).Any(s => s is ReturnStmt);
        var value = returns && context.ReturnKind is { } kind ? new VarExpr(context.Fresh("jumpValue"), kind) : null;
        const string source = "(a jump on some paths of the if)";
        context.Declarations.Add(new DeclareStmt(flag.Name, NumKind.Int, new ConstExpr(0, NumKind.Int), branch.Line, source));
        if (value is not null)
        {
            context.Declarations.Add(new DeclareStmt(value.Name, value.Kind, new ConstExpr(0, value.Kind), branch.Line, source));
        }

        var kinds = new HashSet<int>();
        var result = new List<Stmt>
        {
            new AssignStmt(flag, "=", new ConstExpr(0, NumKind.Int), branch.Line, source),
            Replace([branch], flag, value, kinds)[0],
        };
        foreach (var taken in kinds.OrderBy(k => k))
        {
            Stmt jump = taken switch
            {
                Continue => new ContinueStmt(branch.Line, source),
                Break => new BreakStmt(branch.Line, source),
                _ => new ReturnStmt(value!, branch.Line, source),
            };
            result.Add(new IfStmt(new BinaryExpr("==", flag, new ConstExpr(taken, NumKind.Int), NumKind.Bool), EquatableArray.Of(jump), EquatableArray<Stmt>.Empty, branch.Line, source));
        }

        return result;
    }

    /// <summary>
    /// <paramref name="statements"/> with each jump (not one of a nested loop) replaced by setting the flag, and the
    /// statements after an <c>if</c> that may have jumped run only while the flag is clear.
    /// </summary>
    private static List<Stmt> Replace(IReadOnlyList<Stmt> statements, VarExpr flag, VarExpr? value, HashSet<int> kinds)
    {
        var result = new List<Stmt>();
        for (var k = 0; k < statements.Count; k++)
        {
            var statement = statements[k];
            switch (statement)
            {
                case ContinueStmt or BreakStmt or ReturnStmt:
                    var kind = statement switch { ContinueStmt => Continue, BreakStmt => Break, _ => Return };
                    kinds.Add(kind);
                    if (statement is ReturnStmt ret)
                    {
                        result.Add(new AssignStmt(value!, "=", BodyParser.Convert(ret.Value, value!.Kind), ret.Line, ret.Source));
                    }

                    result.Add(new AssignStmt(flag, "=", new ConstExpr(kind, NumKind.Int), statement.Line, statement.Source));
                    return result; // what follows a jump never runs
                case IfStmt branch when Normalizer.ContainsJump(branch):
                    result.Add(branch with
                    {
                        Then = Replace(branch.Then, flag, value, kinds).ToEquatableArray(),
                        Else = Replace(branch.Else, flag, value, kinds).ToEquatableArray(),
                    });
                    var rest = statements.Skip(k + 1).ToList();
                    if (rest.Count > 0)
                    {
                        result.Add(new IfStmt(
                            new BinaryExpr("==", flag, new ConstExpr(0, NumKind.Int), NumKind.Bool),
                            Replace(rest, flag, value, kinds).ToEquatableArray(),
                            EquatableArray<Stmt>.Empty,
                            rest[0].Line,
                            "(unless the if above jumped)"));
                    }

                    return result;
                default:
                    result.Add(statement);
                    break;
            }
        }

        return result;
    }
}
