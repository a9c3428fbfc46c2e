using System.Globalization;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Transform;

/// <summary>A piece of C# expression text with its precedence, so composed code gets exactly the parentheses it needs.</summary>
internal readonly record struct Code(string Text, int Precedence)
{
    public const int Conditional = 20;
    public const int Or = 30;
    public const int And = 35;
    public const int Equality = 50;
    public const int Relational = 55;
    public const int Additive = 70;
    public const int Multiplicative = 80;
    public const int Unary = 90;
    public const int Primary = 100;

    public override string ToString() => Text;

    public static Code Atom(string text) => new(text, Primary);

    public bool IsOne => Text is "1" or "1d" or "1f" or "1.0";

    /// <summary>The text, parenthesized when its precedence is below <paramref name="minimum"/>.</summary>
    public string At(int minimum) => Precedence < minimum ? "(" + Text + ")" : Text;

    public static Code Binary(Code left, string op, Code right, int precedence) =>
        new(left.At(precedence) + " " + op + " " + right.At(precedence + 1), precedence);

    public static Code Add(Code left, Code right) => Binary(left, "+", right, Additive);

    public static Code Sub(Code left, Code right) => Binary(left, "-", right, Additive);

    public static Code Mul(Code left, Code right) =>
        left.IsOne ? right : right.IsOne ? left : Binary(left, "*", right, Multiplicative);

    public static Code Div(Code left, Code right) => Binary(left, "/", right, Multiplicative);

    public static Code Neg(Code operand) =>
        operand.Precedence == Unary && operand.Text.StartsWith("-", System.StringComparison.Ordinal) && !operand.Text.StartsWith("--", System.StringComparison.Ordinal)
            ? new Code(operand.Text.Substring(1), Primary).Reparse()
            : Prefix("-", operand);

    /// <summary>
    /// A prefix operator applied to <paramref name="operand"/>. An operand that starts with the same sign is
    /// parenthesized, because <c>-</c> then <c>-x</c> written together is the pre-decrement <c>--x</c>.
    /// </summary>
    public static Code Prefix(string op, Code operand)
    {
        var text = operand.At(Unary);
        var fuses = (op == "-" || op == "+") && text.Length > 0 && text[0] == op[0];
        return new Code(op + (fuses ? "(" + text + ")" : text), Unary);
    }

    public static Code Call(string function, params Code[] args) =>
        Atom(function + "(" + string.Join(", ", System.Linq.Enumerable.Select(args, a => a.Text)) + ")");

    public static Code Cast(NumKind kind, Code operand) => new("(" + kind.Keyword() + ")" + operand.At(Unary), Unary);

    /// <summary>A numeric literal of <paramref name="kind"/>, invariant and round-trippable (never "0,5").</summary>
    public static Code Number(double value, NumKind kind)
    {
        if (kind == NumKind.Bool)
        {
            return Atom(value != 0 ? "true" : "false");
        }

        string text;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            var type = kind == NumKind.Float ? "float" : "double";
            text = double.IsNaN(value) ? type + ".NaN" : value > 0 ? type + ".PositiveInfinity" : type + ".NegativeInfinity";
            return Atom(text);
        }

        if (kind == NumKind.Int)
        {
            text = ((long)value).ToString(CultureInfo.InvariantCulture);
        }
        else if (kind == NumKind.Float)
        {
            var single = (float)value;
            text = single.ToString("R", CultureInfo.InvariantCulture);
            if (float.Parse(text, CultureInfo.InvariantCulture) != single)
            {
                text = single.ToString("G9", CultureInfo.InvariantCulture);
            }

            text += "f";
        }
        else
        {
            text = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(text, CultureInfo.InvariantCulture) != value)
            {
                text = value.ToString("G17", CultureInfo.InvariantCulture);
            }

            if (text.IndexOfAny(['.', 'E', 'e']) < 0)
            {
                text += ".0";
            }
        }

        return text.StartsWith("-", System.StringComparison.Ordinal) ? new Code(text, Unary) : Atom(text);
    }

    // After stripping a leading minus the remaining text may be a compound expression; keep it safe.
    private Code Reparse() => Text.IndexOfAny([' ', '?']) >= 0 ? new Code("(" + Text + ")", Primary) : this;
}
