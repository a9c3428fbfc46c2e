using System.Globalization;

namespace AutoDiff.PropertyTests.Programs;

/// <summary>One-argument operations. Each renders with a guard that keeps it inside its domain (see <see cref="Expr"/>).</summary>
internal enum Unary { Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Exp, Log, Log10, Log2, Sqrt, Cbrt, Abs, Square, Cube, Clamp }

/// <summary>Two-argument operations; <see cref="Divide"/> and <see cref="Pow"/> render with positive denominators and bases.</summary>
internal enum BinaryOp { Add, Subtract, Multiply, Divide, Pow, Atan2, Max, Min }

/// <summary>
/// A random expression over the supported operations. Rendering keeps every operation inside its domain for
/// all real inputs: logs, roots and pow bases get 1 + a², divisors 1.5 + b², asin/acos/tan/exp/sinh/cosh
/// get a squashed argument. So any evaluation point gives a finite value and a defined derivative.
/// </summary>
internal abstract record Expr
{
    public abstract string Render(Scope scope, Flavor flavor);

    public static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E'))
        {
            text += ".0";
        }

        return value < 0 ? "(" + text + ")" : text;
    }
}

internal sealed record Constant(double Value) : Expr
{
    public override string Render(Scope scope, Flavor flavor) => Number(Value);
}

internal sealed record Variable(int Index) : Expr
{
    public override string Render(Scope scope, Flavor flavor) => scope.Scalar(Index);
}

/// <summary>The current span element (<c>w[i]</c>) inside a loop; outside a loop, a scalar variable.</summary>
internal sealed record SpanElement(int Fallback) : Expr
{
    public override string Render(Scope scope, Flavor flavor) =>
        scope.Loop is { } loop ? $"{scope.SpanName}[{loop.Element}]" : scope.Scalar(Fallback);
}

/// <summary>The loop index as a constant factor (an int converted to double); outside a loop, a constant.</summary>
internal sealed record LoopIndex : Expr
{
    public override string Render(Scope scope, Flavor flavor) => scope.Loop is { } loop ? $"(0.25 * {loop.Index})" : "0.25";
}

internal sealed record Negate(Expr Operand) : Expr
{
    public override string Render(Scope scope, Flavor flavor) => "(-" + Operand.Render(scope, flavor) + ")";
}

internal sealed record UnaryCall(Unary Op, Expr Operand) : Expr
{
    public override string Render(Scope scope, Flavor flavor)
    {
        var a = Operand.Render(scope, flavor);
        var m = flavor.MathClass;
        return Op switch
        {
            Unary.Tan => $"{m}.Tan({m}.Sin({a}))",
            Unary.Asin => $"{m}.Asin(0.9 * {m}.Tanh({a}))",
            Unary.Acos => $"{m}.Acos(0.9 * {m}.Sin({a}))",
            Unary.Sinh => $"{m}.Sinh({m}.Cos({a}))",
            Unary.Cosh => $"{m}.Cosh({m}.Tanh({a}))",
            Unary.Exp => $"{m}.Exp({m}.Sin({a}))",
            Unary.Log => $"{m}.Log(1.0 + {a} * {a})",
            Unary.Log10 => $"{m}.Log10(2.0 + {m}.Cos({a}))",
            Unary.Log2 => $"{m}.Log2(1.5 + {m}.Tanh({a}))",
            Unary.Sqrt => $"{m}.Sqrt(1.0 + {a} * {a})",
            Unary.Cbrt => $"{m}.Cbrt(1.0 + {a} * {a})",
            Unary.Square => $"{m}.Pow({a}, 2.0)",
            Unary.Cube => $"{m}.Pow({a}, 3.0)",
            Unary.Clamp => $"{m}.Clamp({a}, -1.0, 1.0)",
            _ => $"{m}.{Op}({a})",
        };
    }
}

internal sealed record BinaryCall(BinaryOp Op, Expr Left, Expr Right) : Expr
{
    public override string Render(Scope scope, Flavor flavor)
    {
        var a = Left.Render(scope, flavor);
        var b = Right.Render(scope, flavor);
        var m = flavor.MathClass;
        return Op switch
        {
            BinaryOp.Add => $"({a} + {b})",
            BinaryOp.Subtract => $"({a} - {b})",
            BinaryOp.Multiply => $"({a} * {b})",
            BinaryOp.Divide => $"({a} / (1.5 + {b} * {b}))",
            BinaryOp.Pow => $"{m}.Pow(1.0 + {a} * {a}, {m}.Sin({b}))",
            BinaryOp.Atan2 => $"{m}.Atan2({a}, 2.0 + {m}.Cos({b}))",
            _ => $"{m}.{Op}({a}, {b})",
        };
    }
}

/// <summary><c>(condition ? then : else)</c>.</summary>
internal sealed record Choice(Condition Condition, Expr Then, Expr Else) : Expr
{
    public override string Render(Scope scope, Flavor flavor) =>
        $"({Condition.Render(scope, flavor)} ? {Then.Render(scope, flavor)} : {Else.Render(scope, flavor)})";
}

/// <summary>A branch condition: a comparison of two expressions, or a test on the span's length.</summary>
internal abstract record Condition
{
    public abstract string Render(Scope scope, Flavor flavor);
}

internal sealed record Compare(bool Less, Expr Left, int RightVariable) : Condition
{
    // The right side is always a variable so the condition depends on the inputs, never a constant fold.
    public override string Render(Scope scope, Flavor flavor) =>
        $"{Left.Render(scope, flavor)} {(Less ? "<" : ">")} {scope.Scalar(RightVariable)}";
}

internal sealed record LengthAbove(int Bound, Expr Otherwise, int OtherwiseVariable) : Condition
{
    public override string Render(Scope scope, Flavor flavor) =>
        scope.SpanName is { } span
            ? $"{span}.Length > {Bound}"
            : new Compare(true, Otherwise, OtherwiseVariable).Render(scope, flavor);
}
