using System;
using System.Collections.Generic;
using AutoDiff.Generator.IR;
using AutoDiff.Generator.Model;
using AutoDiff.Generator.Rules;

namespace AutoDiff.Generator.Lowering;

/// <summary>
/// Forward mode's rules, once for both of its lowerings: the pushforward (over model expressions) and the
/// second-order transformation (over generated code). A caller says how to get an operand's value; the rule says
/// what the tangents are multiplied by. Values are asked for only when a rule reads them, the right operand before
/// the left, so a caller that computes them into temporaries writes them in one order.
/// </summary>
internal static class TangentRules
{
    /// <summary>
    /// The tangent of <c>left op right</c> from the operands' tangents (null where zero, not both), or null for a
    /// comparison or logical operator, whose value has no tangent.
    /// </summary>
    public static Code? Binary(string op, Code? leftTangent, Code? rightTangent, bool sameOperands, Func<Code> left, Func<Code> right, Func<Code> quotient)
    {
        switch (op)
        {
            case "+":
                return leftTangent is null ? rightTangent : rightTangent is null ? leftTangent : Plus(leftTangent, rightTangent);
            case "-":
                return rightTangent is null ? leftTangent : leftTangent is null ? Code.Neg(rightTangent) : Minus(leftTangent, rightTangent);
            case "*" when sameOperands:
                // d(u·u) = 2u·du
                return Code.Mul(Code.Mul(Code.Number(2, NumKind.Int), left()), leftTangent!);
            case "*":
                // The product rule: d(uv) = du·v + u·dv.
                var byLeft = leftTangent is null ? null : Code.Mul(leftTangent, right());
                var byRight = rightTangent is null ? null : Code.Mul(left(), rightTangent);
                return byLeft is null ? byRight : byRight is null ? byLeft : Plus(byLeft, byRight);
            case "/":
                // d(u/v) = (du - (u/v)·dv) / v
                var denominator = right();
                if (rightTangent is null)
                {
                    return Code.Div(leftTangent!, denominator);
                }

                var scaled = Code.Mul(quotient(), rightTangent);
                return Code.Div(leftTangent is null ? Code.Neg(scaled) : Minus(leftTangent, scaled), denominator);
            case "<" or ">" or "<=" or ">=" or "==" or "!=" or "&&" or "||":
                return null;
            default:
                throw new InvalidOperationException("No tangent for the operator " + op);
        }
    }

    /// <summary>
    /// A selecting function (max, min, clamp) passes on the tangent of the argument it picks, the first pick whose
    /// condition holds; the conditions are asked for from the last pick to the first.
    /// </summary>
    public static Code Select(FunctionRule rule, Func<int, Code> condition, IReadOnlyList<Code?> tangents, Code zero)
    {
        var choice = tangents[rule.DefaultPick] ?? zero;
        for (var p = rule.Picks.Count - 1; p >= 0; p--)
        {
            choice = Code.Choose(condition(p), tangents[rule.Picks[p].Argument] ?? zero, choice);
        }

        return choice;
    }

    /// <summary><c>a + b</c>, written <c>a - c</c> when <paramref name="right"/> is a negation <c>-c</c>.</summary>
    public static Code Plus(Code left, Code right) => right.NegatesToSimpler ? Code.Sub(left, Code.Neg(right)) : Code.Add(left, right);

    /// <summary><c>a - b</c>, written <c>a + c</c> when <paramref name="right"/> is a negation <c>-c</c>.</summary>
    public static Code Minus(Code left, Code right) => right.NegatesToSimpler ? Code.Add(left, Code.Neg(right)) : Code.Sub(left, right);
}
