using System.Collections.Generic;
using System.Linq;
using static AutoDiff.Generator.Rules.F;

namespace AutoDiff.Generator.Rules;

/// <summary>
/// Every function the generator differentiates, once. A function is reachable as <c>Math.X</c>, <c>MathF.X</c> and
/// the generic-math statics <c>double.X</c> / <c>float.X</c>, whichever of those .NET defines; a call of a function
/// this table does not know is a diagnostic, never a zero derivative. To support a new function, add its row.
/// </summary>
internal static class DerivativeTable
{
    public static readonly IReadOnlyList<FunctionRule> Rows =
    [
        Smooth("Sin", Call("Cos", X)),
        Smooth("Cos", -Call("Sin", X)),
        Smooth("Tan", 1 / (Call("Cos", X) * Call("Cos", X))),
        Smooth("Asin", 1 / Call("Sqrt", 1 - (X * X))),
        Smooth("Acos", -(1 / Call("Sqrt", 1 - (X * X)))),
        Smooth("Atan", 1 / (1 + (X * X))),
        // atan2(y, x): d/dy = x / (x² + y²), d/dx = -y / (x² + y²)
        Smooth("Atan2", Y / ((Y * Y) + (X * X)), -(X / ((Y * Y) + (X * X)))),
        Smooth("Sinh", Call("Cosh", X)),
        Smooth("Cosh", Call("Sinh", X)),
        Smooth("Asinh", 1 / Call("Sqrt", (X * X) + 1)),
        Smooth("Acosh", 1 / Call("Sqrt", (X * X) - 1)),
        Smooth("Atanh", 1 / (1 - (X * X))),
        Smooth("Tanh", 1 - (Output * Output)),
        Smooth("Exp", Output),
        Smooth("Log", 1 / X),
        // log_b(u) = ln u / ln b
        Smooth("Log", 1 / (X * Call("Log", Y)), -(Call("Log", X) / (Y * Call("Log", Y) * Call("Log", Y)))),
        Smooth("Log10", 1 / (X * Call("Log", 10))),
        Smooth("Log2", 1 / (X * Call("Log", 2))),
        Smooth("Sqrt", 1 / (2 * Output)) with { CheapToRecompute = true },
        Smooth("Cbrt", 1 / (3 * Output * Output)),
        // d(a^b)/db = a^b ln a: NaN for a < 0 (IEEE), and 0 at a = 0, as the runtime tape defines it.
        Smooth("Pow", Y * Call("Pow", X, Y - 1), Call("Pow", X, Y) * Call("Log", X)) with { Guards = [null, Compare(X, "!=", 0)] },
        Smooth("Hypot", X / Output, Y / Output),
        Smooth("FusedMultiplyAdd", Y, X, 1),
        // copysign(x, y) = |x| with y's sign: d/dx = sign(x) · (±1 by y's sign bit), flat in y.
        Smooth("CopySign", Call("Sign", X) * Call("CopySign", 1, Y), null),
        // scaleb(x, n) = x · 2^n, n an int.
        Smooth("ScaleB", Call("ScaleB", 1, Y), null),
        // Abs'(0) = 0, as the runtime tape does.
        Smooth("Abs", Call("Sign", X)),
        // Ties pick the first argument, as the runtime tape does.
        Select("Max", 2, [new Pick(Compare(X, ">=", Y), 0)], 1),
        Select("Min", 2, [new Pick(Compare(X, "<=", Y), 0)], 1),
        Select("Clamp", 3, [new Pick(Compare(X, "<", Y), 1), new Pick(Compare(X, ">", Z), 2)], 0),
        Constant("Floor", 1),
        Constant("Ceiling", 1),
        Constant("Round", 1),
        Constant("Round", 2),
        Constant("Truncate", 1),
        Constant("Sign", 1),
    ];

    private static readonly Dictionary<(string, int), FunctionRule> ByNameAndArity = Rows.ToDictionary(r => (r.Name, r.Arity));

    /// <summary>The row for <paramref name="name"/> called with <paramref name="arity"/> arguments, or null.</summary>
    public static FunctionRule? Find(string name, int arity) => ByNameAndArity.TryGetValue((name, arity), out var rule) ? rule : null;

    /// <summary>The classes whose static functions the table's names refer to, as C# writes them.</summary>
    public static string? MathClassOf(string containingType) => containingType switch
    {
        "System.Math" => "Math",
        "System.MathF" => "MathF",
        "double" or "System.Double" => "double",
        "float" or "System.Single" => "float",
        _ => null,
    };

    private static FunctionRule Smooth(string name, params Formula?[] partials) =>
        new(name, partials.Length, RuleShape.Smooth, partials, new Formula?[partials.Length], [], 0, false);

    private static FunctionRule Select(string name, int arity, Pick[] picks, int defaultPick) =>
        new(name, arity, RuleShape.Select, new Formula?[arity], new Formula?[arity], picks, defaultPick, false);

    private static FunctionRule Constant(string name, int arity) =>
        new(name, arity, RuleShape.Constant, new Formula?[arity], new Formula?[arity], [], 0, false);
}
