using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Parsing;

namespace AutoDiff.Generator.Analysis;

/// <summary>
/// Puts jumps into a shape the reverse sweep can mirror: after an <c>if</c> one of whose branches always
/// returns/breaks/continues, the rest of the block moves into the other branch, so every jump ends its path.
/// Loops become <see cref="CountedForStmt"/> when their counter is simple, otherwise a <see cref="WhileStmt"/>
/// with the increment at the end of the body; <c>continue</c> then disappears.
/// </summary>
internal static class Normalizer
{
    /// <summary>Why the body cannot be normalized (the static transformation then falls back), or null.</summary>
    public static string? FindUnsupportedJump(EquatableArray<Stmt> body)
    {
        try
        {
            Normalize(body);
            return null;
        }
        catch (FallbackRequiredException fallback)
        {
            return fallback.Reason;
        }
    }

    public static EquatableArray<Stmt> Normalize(EquatableArray<Stmt> body)
    {
        CheckBuffersAtTopLevel(body, "is declared inside a branch or loop");

        // An early return moves the rest of the body into the other branch, buffers declared there included; a buffer's
        // adjoint and its pooled array live at the top level of the generated method, so such a body runs on the tape.
        var normalized = Guards(Block(body.ToList(), inLoop: false)).ToEquatableArray();
        CheckBuffersAtTopLevel(normalized, "is declared after an early return (declare it before the return to keep the body static)");
        return normalized;
    }

    /// <summary>
    /// An <c>if</c> one of whose branches only throws, written as the guard it is: <c>if (c) { … } else throw e;</c>
    /// becomes <c>if (!c) throw e;</c> followed by the other branch's statements, so a body that ends by returning
    /// or throwing still ends in its one return (the shape the loop analyses look for), and a chain of
    /// <c>else if</c>s ending in a throw (a switch's default section) is a chain of guards.
    /// </summary>
    private static List<Stmt> Guards(IEnumerable<Stmt> statements)
    {
        var result = new List<Stmt>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case IfStmt branch:
                    var then = Guards(branch.Then);
                    var otherwise = Guards(branch.Else);
                    if (OnlyThrows(otherwise) && then.Count > 0 && !OnlyThrows(then))
                    {
                        result.Add(branch with { Condition = Negation(branch.Condition), Then = otherwise.ToEquatableArray(), Else = EquatableArray<Stmt>.Empty, Source = "else of " + branch.Source });
                        result.AddRange(then);
                    }
                    else if (OnlyThrows(then) && otherwise.Count > 0)
                    {
                        result.Add(branch with { Then = then.ToEquatableArray(), Else = EquatableArray<Stmt>.Empty });
                        result.AddRange(otherwise);
                    }
                    else
                    {
                        result.Add(branch with { Then = then.ToEquatableArray(), Else = otherwise.ToEquatableArray() });
                    }

                    break;
                case WhileStmt loop:
                    result.Add(loop with { Body = Guards(loop.Body).ToEquatableArray() });
                    break;
                case CountedForStmt loop:
                    result.Add(loop with { Body = Guards(loop.Body).ToEquatableArray() });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }

        return result;
    }

    private static bool OnlyThrows(List<Stmt> block) => block.Count == 1 && block[0] is PassiveStmt { EndsPath: true };

    /// <summary>
    /// <c>!condition</c>, as a comparison where that means the same: <c>==</c> and <c>!=</c> swap, and so do the
    /// orderings of ints; an ordering of floating-point values stays negated, since with a NaN both sides are false.
    /// </summary>
    public static Expr Negation(Expr condition) => condition switch
    {
        UnaryExpr { Op: "!" } not => not.Operand,
        BinaryExpr { Op: "==" } equal => equal with { Op = "!=" },
        BinaryExpr { Op: "!=" } unequal => unequal with { Op = "==" },
        BinaryExpr { Op: "<" or "<=" or ">" or ">=", Left.Kind: NumKind.Int, Right.Kind: NumKind.Int } ordering => ordering with
        {
            Op = ordering.Op switch { "<" => ">=", "<=" => ">", ">" => "<=", _ => "<" },
        },
        _ => new UnaryExpr("!", condition, NumKind.Bool),
    };

    private static void CheckBuffersAtTopLevel(EquatableArray<Stmt> body, string where)
    {
        foreach (var nested in body.SelectMany(Children))
        {
            if (Walk(nested).OfType<BufferStmt>().FirstOrDefault() is { } buffer)
            {
                throw new FallbackRequiredException("buffer '" + buffer.Name + "' " + where, null);
            }
        }
    }

    private static List<Stmt> Block(List<Stmt> statements, bool inLoop)
    {
        var result = new List<Stmt>();
        for (var k = 0; k < statements.Count; k++)
        {
            var statement = statements[k];
            if (statement is ReturnStmt && inLoop)
            {
                throw new FallbackRequiredException("it returns from inside a loop", null);
            }

            if (statement is ReturnStmt or BreakStmt or ContinueStmt or PassiveStmt { EndsPath: true })
            {
                result.Add(statement);
                return result;
            }

            if (statement is IfStmt branch && ContainsJump(branch))
            {
                var rest = statements.Skip(k + 1).ToList();
                var thenJumps = AlwaysJumps(branch.Then);
                var elseJumps = AlwaysJumps(branch.Else);
                if (thenJumps)
                {
                    result.Add(branch with
                    {
                        Then = Block(branch.Then.ToList(), inLoop).ToEquatableArray(),
                        Else = Block(branch.Else.Concat(elseJumps ? [] : rest).ToList(), inLoop).ToEquatableArray(),
                    });
                    return result;
                }

                if (elseJumps)
                {
                    result.Add(branch with
                    {
                        Then = Block(branch.Then.Concat(rest).ToList(), inLoop).ToEquatableArray(),
                        Else = Block(branch.Else.ToList(), inLoop).ToEquatableArray(),
                    });
                    return result;
                }

                throw new FallbackRequiredException("it jumps out of a branch that does not always jump", null);
            }

            result.AddRange(Statement(statement, inLoop));
        }

        return result;
    }

    private static IEnumerable<Stmt> Statement(Stmt statement, bool inLoop)
    {
        switch (statement)
        {
            case IfStmt branch:
                yield return branch with
                {
                    Then = Block(branch.Then.ToList(), inLoop).ToEquatableArray(),
                    Else = Block(branch.Else.ToList(), inLoop).ToEquatableArray(),
                };
                break;
            case WhileStmt loop:
                yield return loop with { Body = DropContinue(Block(loop.Body.ToList(), inLoop: true)).ToEquatableArray() };
                break;
            case ForStmt loop when AsCounted(loop) is { } counted:
                yield return counted;
                break;
            case ForStmt loop:
                foreach (var initializer in loop.Initializers)
                {
                    yield return initializer;
                }

                var body = ReplaceContinue(loop.Body, loop.Incrementors).Concat(loop.Incrementors).ToList();
                yield return new WhileStmt(
                    loop.Condition ?? new ConstExpr(1, NumKind.Bool),
                    DropContinue(Block(body, inLoop: true)).ToEquatableArray(),
                    false,
                    loop.Line,
                    loop.Source);
                break;
            default:
                yield return statement;
                break;
        }
    }

    private static CountedForStmt? AsCounted(ForStmt loop)
    {
        if (loop.Initializers.Count != 1
            || loop.Initializers[0] is not DeclareStmt { Kind: NumKind.Int, Value: { } start } index
            || loop.Condition is not BinaryExpr { Op: "<" or "<=" or ">" or ">=", Left: VarExpr conditionVar, Right: var end } condition
            || conditionVar.Name != index.Name
            || loop.Incrementors.Count != 1
            || loop.Incrementors[0] is not AssignStmt { Target: VarExpr step, Op: "+=" or "-=", Value: ConstExpr { Value: 1 } } increment
            || step.Name != index.Name)
        {
            return null;
        }

        var descending = increment.Op == "-=";
        if (descending != condition.Op is ">" or ">=")
        {
            return null;
        }

        // Storing into an element leaves a sequence's length alone: `for (int u = 0; u < a.Length; u++) a[u] = 0;` counts.
        var assigned = new HashSet<string>(Walk(loop.Body).SelectMany(AssignedNames));
        var reassigned = new HashSet<string>(Walk(loop.Body).SelectMany(s => s is AssignStmt { Target: IndexExpr } ? [] : AssignedNames(s)));
        var boundsRead = Activity.ValuesRead(start).Concat(Activity.ValuesRead(end));
        var lengthsRead = ExprTree.Walk(start).Concat(ExprTree.Walk(end)).OfType<LengthExpr>().Select(l => l.Array);
        if (assigned.Contains(index.Name) || boundsRead.Any(assigned.Contains) || lengthsRead.Any(reassigned.Contains)
            || Walk(loop.Body, intoLoops: false).Any(s => s is BreakStmt or ReturnStmt))
        {
            return null;
        }

        var body = DropContinue(Block(loop.Body.ToList(), inLoop: true));
        return new CountedForStmt(index.Name, start, end, condition.Op is "<=" or ">=", descending, body.ToEquatableArray(), loop.Line, loop.Source);
    }

    private static IEnumerable<string> AssignedNames(Stmt statement) => statement switch
    {
        AssignStmt { Target: VarExpr v } => [v.Name],
        AssignStmt { Target: IndexExpr i } => [i.Array],
        DeclareStmt d => [d.Name],
        _ => [],
    };

    private static List<Stmt> ReplaceContinue(EquatableArray<Stmt> statements, EquatableArray<Stmt> incrementors)
    {
        var result = new List<Stmt>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ContinueStmt:
                    result.AddRange(incrementors);
                    result.Add(statement);
                    break;
                case IfStmt branch:
                    result.Add(branch with
                    {
                        Then = ReplaceContinue(branch.Then, incrementors).ToEquatableArray(),
                        Else = ReplaceContinue(branch.Else, incrementors).ToEquatableArray(),
                    });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }

        return result;
    }

    // After Block(), a continue always ends its path, so removing it changes nothing.
    private static List<Stmt> DropContinue(List<Stmt> statements) =>
        statements.Where(s => s is not ContinueStmt).Select(s => s is IfStmt branch
            ? branch with
            {
                Then = DropContinue(branch.Then.ToList()).ToEquatableArray(),
                Else = DropContinue(branch.Else.ToList()).ToEquatableArray(),
            }
            : s).ToList();

    /// <summary>True when every path through <paramref name="block"/> ends in a return, break, continue or throw.</summary>
    public static bool AlwaysJumps(EquatableArray<Stmt> block) =>
        block.Count > 0 && block[block.Count - 1] switch
        {
            ReturnStmt or BreakStmt or ContinueStmt or PassiveStmt { EndsPath: true } => true,
            IfStmt branch => AlwaysJumps(branch.Then) && AlwaysJumps(branch.Else),
            _ => false,
        };

    /// <summary>True when a return, break or continue of the enclosing loop (or method) stands somewhere in the branch.</summary>
    public static bool ContainsJump(IfStmt branch) =>
        Walk(branch.Then, intoLoops: false).Concat(Walk(branch.Else, intoLoops: false))
            .Any(s => s is ReturnStmt or BreakStmt or ContinueStmt);

    private static IEnumerable<Stmt> Children(Stmt statement) => statement switch
    {
        IfStmt branch => branch.Then.Concat(branch.Else),
        WhileStmt loop => loop.Body,
        ForStmt loop => loop.Initializers.Concat(loop.Body).Concat(loop.Incrementors),
        CountedForStmt loop => loop.Body,
        _ => [],
    };

    /// <summary>Every statement in <paramref name="statements"/> and below, optionally not entering loops.</summary>
    public static IEnumerable<Stmt> Walk(IEnumerable<Stmt> statements, bool intoLoops = true)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            if (!intoLoops && statement is WhileStmt or ForStmt or CountedForStmt)
            {
                // Returns inside nested loops still leave the method.
                foreach (var inner in Walk(Children(statement), intoLoops: true).Where(s => s is ReturnStmt))
                {
                    yield return inner;
                }

                continue;
            }

            foreach (var inner in Walk(Children(statement), intoLoops))
            {
                yield return inner;
            }
        }
    }

    public static IEnumerable<Stmt> Walk(Stmt statement) => Walk([statement]);
}
