using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.IR;

/// <summary>
/// A C# expression of the generated code, as a small tree: names, literals, operators, calls. Its text is
/// printed from the tree with exactly the parentheses precedence needs, and every simplification (a negation
/// folded into a literal, a double negation dropped) is a rewrite of the tree, never of text.
/// </summary>
internal sealed class Code
{
    public const int Conditional = 20;
    public const int Or = 30;
    public const int And = 35;
    public const int BitwiseOr = 40;
    public const int BitwiseXor = 43;
    public const int BitwiseAnd = 46;
    public const int Equality = 50;
    public const int Relational = 55;
    public const int Shift = 60;
    public const int Additive = 70;
    public const int Multiplicative = 80;
    public const int Unary = 90;
    public const int Primary = 100;

    /// <summary>What kind of expression a node is; transformations over the tree (the second-order tangents) switch on it.</summary>
    public enum Shape
    {
        Name,
        Literal,
        Prefix,
        Binary,
        Call,
        Cast,
        Choice,
        Index,
        Member,
        Creation,
        Ref,
    }

    private readonly Shape _shape;
    private readonly string _op;
    private readonly Code[] _parts;
    private readonly double _value;
    private readonly NumKind _kind;

    private Code(Shape shape, string op, Code[] parts, int precedence, string text, double value = 0, NumKind kind = NumKind.Double, bool effect = false)
    {
        HasEffect = effect || parts.Any(p => p.HasEffect);
        _shape = shape;
        _op = op;
        _parts = parts;
        Precedence = precedence;
        Text = text;
        _value = value;
        _kind = kind;
    }

    /// <summary>The node's shape.</summary>
    public Shape Form => _shape;

    /// <summary>The operator, the called function, the cast's type keyword, the indexed array or the member's name.</summary>
    public string Op => _op;

    /// <summary>The operands, in source order (an index's are the array's name and the index).</summary>
    public IReadOnlyList<Code> Parts => _parts;

    /// <summary>A literal's value.</summary>
    public double LiteralValue => _value;

    /// <summary>A literal's type.</summary>
    public NumKind LiteralKind => _kind;

    /// <summary>True for <c>_values.Pop()</c> or <c>_ints.Pop()</c> of <paramref name="stack"/>.</summary>
    public bool IsPopOf(string stack) => _shape == Shape.Call && HasEffect && _op == stack + ".Pop";

    /// <summary>
    /// The same node over new operands, built by the same factory (so its text and simplifications follow). Leaves,
    /// pops and creations come back unchanged.
    /// </summary>
    public Code With(IReadOnlyList<Code> parts)
    {
        if (parts.Count != _parts.Length || parts.Select((p, i) => ReferenceEquals(p, _parts[i])).All(same => same))
        {
            return this;
        }

        return _shape switch
        {
            Shape.Prefix => _op == "-" ? Neg(parts[0]) : Prefix(_op, parts[0]),
            Shape.Binary => _op switch
            {
                "*" => Mul(parts[0], parts[1]),
                _ => Binary(parts[0], _op, parts[1], Precedence),
            },
            Shape.Call => CallOf(_op, _kind, parts.ToArray()),
            Shape.Cast => Cast(NumKindExtensions.FromKeyword(_op) ?? throw new System.InvalidOperationException("Cast to " + _op), parts[0]),
            Shape.Choice => Choose(parts[0], parts[1], parts[2]),
            Shape.Index => Index(parts[0].Text, parts[1]),
            Shape.Member => Member(parts[0], _op),
            _ => this,
        };
    }

    /// <summary>True when evaluating this changes something (a pop from a stack): it must run exactly where it stands.</summary>
    public bool HasEffect { get; }

    /// <summary>The printed expression.</summary>
    public string Text { get; }

    public int Precedence { get; }

    public override string ToString() => Text;

    /// <summary>A name: a local, a parameter, an adjoint, or a member of one (<c>x.Length</c>).</summary>
    public static Code Atom(string name) => new(Shape.Name, name, [], Primary, name);

    public bool IsOne => _shape == Shape.Literal && _value == 1;

    public bool IsZeroLiteral => _shape == Shape.Literal && _value == 0;

    public bool IsNonZeroLiteral => _shape == Shape.Literal && _value != 0 && !double.IsNaN(_value);

    /// <summary>A name, a non-negative literal, or an element read through such: cheap to write more than once.</summary>
    public bool IsSimple => _shape switch
    {
        Shape.Name or Shape.Member => true,
        Shape.Literal => Precedence == Primary,
        Shape.Index => _parts[1].IsPlainArithmetic,
        _ => false,
    };

    /// <summary>Names and literals combined by operators that need no parentheses (an index such as <c>k * n + j</c>).</summary>
    private bool IsPlainArithmetic => _shape switch
    {
        Shape.Name or Shape.Literal => true,
        Shape.Member => _parts[0].IsPlainArithmetic,
        Shape.Binary => _parts[0].IsPlainArithmetic && _parts[1].IsPlainArithmetic && _parts[0].Precedence >= Precedence && _parts[1].Precedence > Precedence,
        Shape.Index => _parts[1].IsPlainArithmetic,
        _ => false,
    };

    /// <summary>The text, parenthesized when its precedence is below <paramref name="minimum"/>.</summary>
    public string At(int minimum) => Precedence < minimum ? "(" + Text + ")" : Text;

    public static Code Binary(Code left, string op, Code right, int precedence) =>
        new(Shape.Binary, op, [left, right], precedence, Operand(left, op, precedence) + " " + op + " " + Operand(right, op, precedence + 1));

    /// <summary>
    /// An operand's text. Next to a shift or a bitwise operator another operator is parenthesized even where
    /// precedence does not need it: <c>(mask &amp; (1 &lt;&lt; i)) != 0</c> reads as users write it, where
    /// <c>(mask &amp; 1 &lt;&lt; i) != 0</c> sends the reader to the precedence table.
    /// </summary>
    private static string Operand(Code operand, string op, int minimum) =>
        operand._shape == Shape.Binary && operand._op != op && (IsBitwise(op) || IsBitwise(operand._op)) ? "(" + operand.Text + ")" : operand.At(minimum);

    private static bool IsBitwise(string op) => op is "<<" or ">>" or ">>>" or "&" or "|" or "^";

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

        // Constants fold (-1.0 * 4 is -4.0), and a product with -1 is a negation.
        if (left._shape == Shape.Literal && right._shape == Shape.Literal && left._kind != NumKind.Bool && right._kind != NumKind.Bool)
        {
            return Number(left._value * right._value, Wider(left._kind, right._kind));
        }

        if (left._shape == Shape.Literal && left._value == -1)
        {
            return Neg(right);
        }

        if (right._shape == Shape.Literal && right._value == -1)
        {
            return Neg(left);
        }

        // 2 * -g is written -2 * g: the sign moves into the literal.
        return left._shape == Shape.Literal && right.IsNegation
            ? Neg(Binary(left, "*", Neg(right), Multiplicative))
            : Binary(left, "*", right, Multiplicative);
    }

    /// <summary>The type of a product of two literals: double over float over int.</summary>
    private static NumKind Wider(NumKind a, NumKind b) =>
        a == NumKind.Double || b == NumKind.Double ? NumKind.Double : a == NumKind.Float || b == NumKind.Float ? NumKind.Float : NumKind.Int;

    public static Code Div(Code left, Code right) => Binary(left, "/", right, Multiplicative);

    public static Code Neg(Code operand)
    {
        switch (operand._shape)
        {
            case Shape.Literal:
                return Number(-operand._value, operand._kind);
            case Shape.Prefix when operand._op == "-":
                return operand._parts[0];
        }

        // -(2 * g) is written -2 * g: one multiplication by a negative literal instead of a multiplication and a negation;
        // -(-a * g) is a * g (rounding is symmetric in the sign, so both are the same number to the bit).
        return WithNegatedLeadingFactor(operand) ?? Prefix("-", operand);
    }

    /// <summary>
    /// A product or quotient whose leftmost factor is a literal or a negation, with that factor negated; else null.
    /// </summary>
    private static Code? WithNegatedLeadingFactor(Code code)
    {
        if (code._shape != Shape.Binary || code._op is not ("*" or "/"))
        {
            return null;
        }

        var left = code._parts[0];
        var negatedLeft = left._shape == Shape.Literal && code._op == "*" ? Number(-left._value, left._kind)
            : left._shape == Shape.Prefix && left._op == "-" ? left._parts[0]
            : WithNegatedLeadingFactor(left);
        return negatedLeft is null ? null : Binary(negatedLeft, code._op, code._parts[1], Multiplicative);
    }

    /// <summary>A negation, or a negative literal: negating it makes it shorter.</summary>
    public bool IsNegation => _shape == Shape.Prefix && _op == "-" || _shape == Shape.Literal && Precedence == Unary;

    /// <summary>True when <see cref="Neg"/> of this is simpler than this (a negation, or a product led by a negative literal or a negation).</summary>
    public bool NegatesToSimpler => IsNegation || LeadsWithNegation;

    private bool LeadsWithNegation => _shape == Shape.Binary && _op is "*" or "/" && (_parts[0]._shape == Shape.Literal
        ? _op == "*" && _parts[0].IsNegation
        : _parts[0]._shape == Shape.Prefix && _parts[0]._op == "-" || _parts[0].LeadsWithNegation);

    /// <summary>
    /// A prefix operator applied to <paramref name="operand"/>. An operand that starts with the same sign is
    /// parenthesized, because <c>-</c> then <c>-x</c> written together is the pre-decrement <c>--x</c>.
    /// </summary>
    public static Code Prefix(string op, Code operand)
    {
        var text = operand.At(Unary);
        var fuses = (op == "-" || op == "+") && text.Length > 0 && text[0] == op[0];
        return new Code(Shape.Prefix, op, [operand], Unary, op + (fuses ? "(" + text + ")" : text));
    }

    /// <summary><c>stack.Pop()</c>: the value pushed last, removed (an effect: skipping or repeating it misaligns the stack).</summary>
    public static Code Pop(string stack) => new(Shape.Call, stack + ".Pop", [], Primary, stack + ".Pop()", effect: true);

    public static Code Call(string function, params Code[] args) => CallOf(function, NumKind.Double, args);

    /// <summary>
    /// A call of a plain helper that returns <paramref name="result"/>: an int or a bool carries no derivative, so
    /// the tangent transformation may leave it alone even when its arguments have tangents.
    /// </summary>
    public static Code PlainCall(string function, NumKind result, params Code[] args) => CallOf(function, result, args);

    private static Code CallOf(string function, NumKind result, Code[] args) =>
        new(Shape.Call, function, args, Primary, function + "(" + string.Join(", ", args.Select(a => a.Text)) + ")", kind: result);

    /// <summary>True for a call of a plain helper returning an int or a bool (<see cref="PlainCall"/>).</summary>
    public bool CarriesNoDerivative => _shape == Shape.Call && _kind is NumKind.Int or NumKind.Bool;

    public static Code Cast(NumKind kind, Code operand) => new(Shape.Cast, kind.Keyword(), [operand], Unary, "(" + kind.Keyword() + ")" + operand.At(Unary));

    /// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
    public static Code Choose(Code condition, Code whenTrue, Code whenFalse) =>
        new(Shape.Choice, "?:", [condition, whenTrue, whenFalse], Conditional, condition.At(Conditional + 1) + " ? " + whenTrue.At(Conditional) + " : " + whenFalse.At(Conditional));

    /// <summary><c>array[index]</c>.</summary>
    public static Code Index(string array, Code index) => new(Shape.Index, array, [Atom(array), index], Primary, array + "[" + index.Text + "]");

    /// <summary><c>target.member</c> (<c>x.Length</c>).</summary>
    public static Code Member(Code target, string member) => new(Shape.Member, member, [target], Primary, target.At(Primary) + "." + member);

    /// <summary><c>stackalloc double[length]</c> or <c>new double[length]</c>.</summary>
    public static Code NewArray(bool stackAllocated, string elementType, Code length) =>
        new(Shape.Creation, elementType, [length], Unary, (stackAllocated ? "stackalloc " : "new ") + elementType + "[" + length.Text + "]");

    /// <summary><c>ref name</c> (or <c>out name</c>), an argument passed by reference.</summary>
    public static Code Ref(string name, string keyword = "ref") => new(Shape.Ref, keyword, [Atom(name)], Primary, keyword + " " + name);

    /// <summary>
    /// True when this is <paramref name="name"/> times something: the name itself, a product or quotient with it
    /// among the factors of the numerator, or the negation of one. Zero for <paramref name="name"/> zero makes it
    /// zero (or NaN where another factor is infinite or NaN).
    /// </summary>
    public bool HasFactor(string name) => _shape switch
    {
        Shape.Name => _op == name,
        Shape.Prefix => _op == "-" && _parts[0].HasFactor(name),
        Shape.Binary when _op == "*" => _parts[0].HasFactor(name) || _parts[1].HasFactor(name),
        Shape.Binary when _op == "/" => _parts[0].HasFactor(name),
        _ => false,
    };

    /// <summary>Every name this expression reads, including the arrays it indexes.</summary>
    public IEnumerable<string> Names => _shape switch
    {
        Shape.Name => [_op],
        _ => _parts.SelectMany(p => p.Names),
    };

    /// <summary>Structural equality: the same tree (and so the same text).</summary>
    public bool SameAs(Code other) =>
        _shape == other._shape && _op == other._op && _value.Equals(other._value) && _kind == other._kind
        && _parts.Length == other._parts.Length && _parts.Zip(other._parts, (a, b) => a.SameAs(b)).All(x => x);

    /// <summary>A numeric literal of <paramref name="kind"/>, invariant and round-trippable (never "0,5").</summary>
    public static Code Number(double value, NumKind kind)
    {
        if (kind == NumKind.Bool)
        {
            return new Code(Shape.Literal, string.Empty, [], Primary, value != 0 ? "true" : "false", value, kind);
        }

        string text;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            var type = kind == NumKind.Float ? "float" : "double";
            text = double.IsNaN(value) ? type + ".NaN" : value > 0 ? type + ".PositiveInfinity" : type + ".NegativeInfinity";
            return new Code(Shape.Literal, string.Empty, [], Primary, text, value, kind);
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

        var negative = text.StartsWith("-", System.StringComparison.Ordinal);
        return new Code(Shape.Literal, string.Empty, [], negative ? Unary : Primary, text, value, kind);
    }
}
