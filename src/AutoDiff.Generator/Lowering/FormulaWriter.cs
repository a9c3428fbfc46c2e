using System.Collections.Generic;
using System.Linq;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Lowering;

internal sealed partial class AdjointWriter
{
    /// <summary>
    /// Writes a derivative-table formula for one call as code: arguments as their values (leaves inline, anything
    /// else in the statement's temporaries), the output read back or computed once, constant arguments folded, and a
    /// term the formulas use more than once computed once into a temporary.
    /// </summary>
    private sealed class FormulaWriter(AdjointWriter writer, MathCallExpr call, Block output)
    {
        private readonly Dictionary<Formula, int> _uses = new();
        private readonly Dictionary<Formula, Code> _shared = new();

        /// <summary>Counts the terms of the formulas about to be written, so repeated ones are shared.</summary>
        public void Count(IEnumerable<Formula> formulas)
        {
            foreach (var formula in formulas)
            {
                CountTerm(Fold(formula));
            }
        }

        /// <summary>A term's own terms count once: when it is shared, they are computed only for its temporary.</summary>
        private void CountTerm(Formula term)
        {
            if (term is not (Formula.Op or Formula.Call or Formula.Neg))
            {
                return;
            }

            _uses.TryGetValue(term, out var count);
            _uses[term] = count + 1;
            if (count == 0)
            {
                foreach (var child in term.Children)
                {
                    CountTerm(child);
                }
            }
        }

        /// <summary>
        /// <paramref name="gradient"/> times <paramref name="partial"/>, written as a hand-derived gradient would be:
        /// <c>g / x</c> rather than <c>g * (1 / x)</c>, <c>2 * g * x</c> with the literal first, a sign outside.
        /// </summary>
        public Code Contribution(Code gradient, Formula partial) => Times(gradient, Fold(partial));

        private Code Times(Code gradient, Formula partial) => partial switch
        {
            _ when _uses.TryGetValue(partial, out var uses) && uses > 1 => Code.Mul(gradient, Term(partial)),
            Formula.Num { Value: 1 } => gradient,
            Formula.Num n => Code.Mul(Number(n.Value), gradient),
            Formula.Neg n => Code.Neg(Times(gradient, n.Operand)),
            Formula.Op { Operator: "/" } o => Code.Div(Times(gradient, o.Left), Term(o.Right)),
            Formula.Op { Operator: "*" } o => Code.Mul(Times(gradient, o.Left), Term(o.Right)),
            _ => Code.Mul(gradient, Term(partial)),
        };

        /// <summary>A formula (a guard or a pick's condition, or a factor) as code.</summary>
        public Code Write(Formula formula) => Term(Fold(formula));

        private Code Term(Formula formula)
        {
            if (_shared.TryGetValue(formula, out var shared))
            {
                return shared;
            }

            var code = FormulaCode.Write(formula, Term, i => writer.Value(call.Args[i], output), () => writer.Output(call, output), call.Class, call.Kind);
            if (_uses.TryGetValue(formula, out var uses) && uses > 1)
            {
                code = writer.Temp("_t", call.Kind, code, output);
                _shared[formula] = code;
            }

            return code;
        }

        private Code Number(double value) => FormulaCode.Number(value, call.Kind);

        /// <summary>Constant arguments substituted and folded: <c>Pow(x, 2)</c>'s partial is <c>2 * x</c>, not <c>2 * Pow(x, 2 - 1)</c>.</summary>
        private Formula Fold(Formula formula)
        {
            switch (formula)
            {
                case Formula.Arg a when call.Args[a.Index] is ConstExpr constant:
                    return new Formula.Num(constant.Value);
                case Formula.Neg n:
                    return Fold(n.Operand) is Formula.Num value ? new Formula.Num(-value.Value) : new Formula.Neg(Fold(n.Operand));
                case Formula.Op o:
                    var left = Fold(o.Left);
                    var right = Fold(o.Right);
                    if (left is Formula.Num l && right is Formula.Num r && o.Operator is "+" or "-" or "*")
                    {
                        return new Formula.Num(FormulaEvaluator.Evaluate(new Formula.Op(o.Operator, l, r), [], 0));
                    }

                    return o.Operator switch
                    {
                        "*" when left is Formula.Num { Value: 1 } => right,
                        "*" or "/" when right is Formula.Num { Value: 1 } => left,
                        _ => new Formula.Op(o.Operator, left, right),
                    };
                case Formula.Call { Function: "Pow" } c when Fold(c.Args[1]) is Formula.Num { Value: 1 }:
                    return Fold(c.Args[0]);
                case Formula.Call c:
                    return new Formula.Call(c.Function, c.Args.Select(Fold).ToArray());
                default:
                    return formula;
            }
        }
    }
}
