using System.Globalization;
using System.Text.RegularExpressions;
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

    public static Code Mul(Code left, Code right)
    {
        if (left.IsOne)
        {
            return right;
        }

        if (right.IsOne)
        {
            return left;
        }

        // 2 * -g is written -2 * g: the sign moves into the literal.
        return IsLiteral(left) && IsNegation(right)
            ? Neg(Binary(left, "*", Neg(right), Multiplicative))
            : Binary(left, "*", right, Multiplicative);
    }

    public static Code Div(Code left, Code right) => Binary(left, "/", right, Multiplicative);

    public static Code Neg(Code operand)
    {
        if (IsNegation(operand))
        {
            return new Code(operand.Text.Substring(1), Primary).Reparse();
        }

        // -(2 * g) is written -2 * g: one multiplication by a negative literal instead of a multiplication and a negation.
        var literal = operand.Precedence == Multiplicative ? LeadingFactor.Match(operand.Text) : Match.Empty;
        if (literal.Success)
        {
            return new Code(literal.Groups[1].Length == 0 ? "-" + operand.Text : operand.Text.Substring(1), Multiplicative);
        }

        return Prefix("-", operand);
    }

    private static bool IsNegation(Code code) =>
        code.Precedence == Unary && code.Text.StartsWith("-", System.StringComparison.Ordinal) && !code.Text.StartsWith("--", System.StringComparison.Ordinal);

    /// <summary>A numeric literal as <see cref="Number"/> writes it, or its negation.</summary>
    private static bool IsLiteral(Code code) => code.Precedence >= Unary && Literal.IsMatch(code.Text);

    private const string LiteralPattern = @"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[fd]?";

    private static readonly Regex Literal = new("^-?" + LiteralPattern + "$", RegexOptions.CultureInvariant);

    /// <summary>A product whose first factor is a literal: <c>2 * g</c>, <c>-0.5 * x * y</c>; group 1 is the literal's sign.</summary>
    private static readonly Regex LeadingFactor = new("^(-?)" + LiteralPattern + " \\* ", RegexOptions.CultureInvariant);

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
    private Code Reparse() => Text.IndexOfAny([' ', '?']) >= 0 && !IsParenthesized(Text) ? new Code("(" + Text + ")", Primary) : this;

    /// <summary>True for "(…)" where the first parenthesis closes at the end.</summary>
    private static bool IsParenthesized(string text)
    {
        if (text.Length < 2 || text[0] != '(')
        {
            return false;
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i == text.Length - 1;
            }
        }

        return false;
    }
}
