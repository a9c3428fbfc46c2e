using System.Collections.Generic;
using System.Linq;

namespace AutoDiff.Generator.Rules;

/// <summary>
/// A term of a derivative rule, over the call's arguments and its output: the partial derivative of the output
/// with respect to one argument, or the condition under which a selecting function picks an argument. The
/// lowering prints it as code (a pullback multiplies it by the incoming adjoint, a pushforward by the tangent),
/// and the tests evaluate it as a number.
/// </summary>
internal abstract record Formula
{
    public static implicit operator Formula(double value) => new Num(value);

    public static Formula operator +(Formula left, Formula right) => new Op("+", left, right);

    public static Formula operator -(Formula left, Formula right) => new Op("-", left, right);

    public static Formula operator *(Formula left, Formula right) => new Op("*", left, right);

    public static Formula operator /(Formula left, Formula right) => new Op("/", left, right);

    public static Formula operator -(Formula operand) => new Neg(operand);

    /// <summary>Every term of this formula, itself first.</summary>
    public IEnumerable<Formula> Terms => Children.SelectMany(c => c.Terms).Prepend(this);

    /// <summary>The terms this one is made of.</summary>
    public virtual IEnumerable<Formula> Children => [];

    /// <summary>The call's argument <paramref name="Index"/>.</summary>
    internal sealed record Arg(int Index) : Formula;

    /// <summary>The call's output (its derivative is cheapest written in it: exp, tanh, sqrt).</summary>
    internal sealed record Out : Formula;

    internal sealed record Num(double Value) : Formula;

    /// <summary><c>+ - * /</c>, or a comparison <c>&lt; &lt;= &gt; &gt;= != ==</c> in a condition.</summary>
    internal sealed record Op(string Operator, Formula Left, Formula Right) : Formula
    {
        public override IEnumerable<Formula> Children => [Left, Right];
    }

    internal sealed record Neg(Formula Operand) : Formula
    {
        public override IEnumerable<Formula> Children => [Operand];
    }

    /// <summary>A function of the same math class as the call (<c>Math.Cos</c> for a double, <c>MathF.Cos</c> for a float).</summary>
    internal sealed record Call(string Function, Formula[] Args) : Formula
    {
        public override IEnumerable<Formula> Children => Args;

        public bool Equals(Call? other) => other is not null && Function == other.Function && Args.SequenceEqual(other.Args);

        public override int GetHashCode() => Args.Aggregate(Function.GetHashCode(), (h, a) => unchecked((h * 31) + a.GetHashCode()));
    }
}

/// <summary>Shorthand for writing rules: <c>Cos(X) * 2</c>.</summary>
internal static class F
{
    public static readonly Formula X = new Formula.Arg(0);

    public static readonly Formula Y = new Formula.Arg(1);

    public static readonly Formula Z = new Formula.Arg(2);

    public static readonly Formula Output = new Formula.Out();

    public static Formula Call(string function, params Formula[] args) => new Formula.Call(function, args);

    public static Formula Compare(Formula left, string op, Formula right) => new Formula.Op(op, left, right);
}
