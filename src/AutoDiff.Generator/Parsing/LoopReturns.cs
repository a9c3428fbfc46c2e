using System;
using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.Analysis;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// A <c>return</c> from inside a loop, written as the loop exits the transformation already mirrors: the value goes
/// into a local, a flag says the method is done, and <c>break</c> leaves the loop; after each loop that holds such a
/// return, <c>if (done) break;</c> leaves the loop around it, and at the top <c>if (done) return value;</c> ends the
/// method (the normalizer then moves the rest of the body into the other branch). The method computes what it
/// computed, by the same operations in the same order, so its derivatives follow; before, such a body ran on the
/// runtime tape, without forward mode or second order.
/// </summary>
internal static class LoopReturns
{
    /// <summary><paramref name="body"/> with its returns from inside loops lowered; the same array when it has none.</summary>
    /// <param name="body">The parsed body of a method returning <paramref name="kind"/>.</param>
    /// <param name="kind">The method's (floating-point) return type.</param>
    /// <param name="fresh">Makes a local name no other local has, from a stem.</param>
    public static EquatableArray<Stmt> Lower(EquatableArray<Stmt> body, NumKind kind, Func<string, string> fresh)
    {
        var first = Normalizer.Walk(body).Where(IsLoop).SelectMany(loop => Normalizer.Walk(Body(loop))).OfType<ReturnStmt>().FirstOrDefault();
        if (first is null)
        {
            return body;
        }

        var names = new Names(fresh("returned"), fresh("returnValue"), kind);
        var lowered = new List<Stmt>
        {
            new DeclareStmt(names.Done, NumKind.Bool, new ConstExpr(0, NumKind.Bool), first.Line, "(true once a return inside a loop has run)"),
            new DeclareStmt(names.Value, kind, new ConstExpr(0, kind), first.Line, "(the value a return inside a loop returns)"),
        };
        lowered.AddRange(Block(body, inLoop: false, names));
        return lowered.ToEquatableArray();
    }

    private sealed record Names(string Done, string Value, NumKind Kind)
    {
        public VarExpr DoneFlag => new(Done, NumKind.Bool);

        public VarExpr ValueLocal => new(Value, Kind);
    }

    private static List<Stmt> Block(IEnumerable<Stmt> statements, bool inLoop, Names names)
    {
        var result = new List<Stmt>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ReturnStmt ret when inLoop:
                    result.Add(new AssignStmt(names.ValueLocal, "=", BodyParser.Convert(ret.Value, names.Kind), ret.Line, ret.Source));
                    result.Add(new AssignStmt(names.DoneFlag, "=", new ConstExpr(1, NumKind.Bool), ret.Line, ret.Source));
                    result.Add(new BreakStmt(ret.Line, ret.Source));
                    break;
                case IfStmt branch:
                    result.Add(branch with
                    {
                        Then = Block(branch.Then, inLoop, names).ToEquatableArray(),
                        Else = Block(branch.Else, inLoop, names).ToEquatableArray(),
                    });
                    break;
                case WhileStmt loop when ReturnsInside(loop.Body):
                    result.Add(loop with { Body = Block(loop.Body, inLoop: true, names).ToEquatableArray() });
                    result.Add(AfterLoop(loop, inLoop, names));
                    break;
                case ForStmt loop when ReturnsInside(loop.Body):
                    result.Add(loop with { Body = Block(loop.Body, inLoop: true, names).ToEquatableArray() });
                    result.Add(AfterLoop(loop, inLoop, names));
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }

        return result;
    }

    /// <summary>After a loop that may have returned: leave the loop around it, or return at the top.</summary>
    private static IfStmt AfterLoop(Stmt loop, bool inLoop, Names names)
    {
        const string source = "(a return from inside the loop above)";
        Stmt exit = inLoop ? new BreakStmt(loop.Line, source) : new ReturnStmt(names.ValueLocal, loop.Line, source);
        return new IfStmt(names.DoneFlag, EquatableArray.Of(exit), EquatableArray<Stmt>.Empty, loop.Line, source);
    }

    private static bool ReturnsInside(EquatableArray<Stmt> body) => Normalizer.Walk(body).OfType<ReturnStmt>().Any();

    private static bool IsLoop(Stmt statement) => statement is WhileStmt or ForStmt;

    private static EquatableArray<Stmt> Body(Stmt loop) => loop switch
    {
        WhileStmt w => w.Body,
        ForStmt f => f.Body,
        _ => EquatableArray<Stmt>.Empty,
    };
}
