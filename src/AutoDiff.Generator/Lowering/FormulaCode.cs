using System;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// A derivative-table formula as code, one node at a time: the caller says what an argument and the output are,
/// and how a subterm is written (so it can share one computed twice). Every lowering writes formulas through here.
/// </summary>
internal static class FormulaCode
{
    public static Code Write(Formula formula, Func<Formula, Code> term, Func<int, Code> argument, Func<Code> output, string mathClass, NumKind kind) => formula switch
    {
        Formula.Arg a => argument(a.Index),
        Formula.Out => output(),
        Formula.Num n => Number(n.Value, kind),
        Formula.Neg n => Code.Neg(term(n.Operand)),
        Formula.Op { Operator: "*" } o => Code.Mul(term(o.Left), term(o.Right)),
        Formula.Op o => Code.Binary(term(o.Left), o.Operator, term(o.Right), ExpressionRenderer.PrecedenceOf(o.Operator)),
        Formula.Call c => Code.Call(mathClass + "." + c.Function, c.Args.Select(term).ToArray()),
        _ => throw new InvalidOperationException("Unknown formula " + formula),
    };

    /// <summary>Small whole numbers as int literals (<c>2 * x</c>), others in the call's type.</summary>
    public static Code Number(double value, NumKind kind) =>
        value == Math.Floor(value) && Math.Abs(value) < 100 ? Code.Number(value, NumKind.Int) : Code.Number(value, kind);
}
