namespace AutoDiff.Samples.Explorer.Evaluation;

/// <summary>
/// The Math/MathF functions the explorer evaluates: those <see cref="ValueMath"/> has on the tape, under the same
/// names and argument counts (the list is read off ValueMath once, so it cannot drift from the tape).
/// </summary>
public static class TapeFunctions
{
    private static readonly HashSet<(string Name, int Arguments)> Known = typeof(ValueMath)
        .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(Value))
        .Select(m => (m.Name, m.GetParameters().Length))
        .ToHashSet();

    public static IEnumerable<string> Names => Known.Select(k => k.Name).Distinct().Order(StringComparer.Ordinal);

    public static bool IsKnown(string name, int argumentCount) => Known.Contains((name, argumentCount));

    /// <summary>
    /// A function on the tape. <paramref name="constantSecond"/> is the second argument when it is a compile-time
    /// constant, so that <c>Math.Pow(x, 2)</c> records the seeds' <c>**2</c> node rather than a general power.
    /// </summary>
    public static Value Apply(string name, IReadOnlyList<Value> a, double? constantSecond) => name switch
    {
        "Sin" => ValueMath.Sin(a[0]),
        "Cos" => ValueMath.Cos(a[0]),
        "Tan" => ValueMath.Tan(a[0]),
        "Asin" => ValueMath.Asin(a[0]),
        "Acos" => ValueMath.Acos(a[0]),
        "Atan" => ValueMath.Atan(a[0]),
        "Atan2" => ValueMath.Atan2(a[0], a[1]),
        "Sinh" => ValueMath.Sinh(a[0]),
        "Cosh" => ValueMath.Cosh(a[0]),
        "Tanh" => ValueMath.Tanh(a[0]),
        "Exp" => ValueMath.Exp(a[0]),
        "Log" when a.Count == 1 => ValueMath.Log(a[0]),
        "Log" when constantSecond is { } newBase => ValueMath.Log(a[0], newBase),
        "Log" => ValueMath.Log(a[0], a[1]),
        "Log10" => ValueMath.Log10(a[0]),
        "Log2" => ValueMath.Log2(a[0]),
        "Sqrt" => ValueMath.Sqrt(a[0]),
        "Cbrt" => ValueMath.Cbrt(a[0]),
        "Pow" when constantSecond is { } exponent => a[0].Pow(exponent),
        "Pow" => ValueMath.Pow(a[0], a[1]),
        "Abs" => ValueMath.Abs(a[0]),
        "Max" => ValueMath.Max(a[0], a[1]),
        "Min" => ValueMath.Min(a[0], a[1]),
        "Clamp" => ValueMath.Clamp(a[0], a[1], a[2]),
        "Floor" => ValueMath.Floor(a[0]),
        "Ceiling" => ValueMath.Ceiling(a[0]),
        "Round" => ValueMath.Round(a[0]),
        "Truncate" => ValueMath.Truncate(a[0]),
        "Sign" => ValueMath.Sign(a[0]),
        _ => throw new ArgumentException($"'{name}' is not a tape function.", nameof(name)),
    };

    /// <summary>The overloads that return int: Abs, Max, Min, Clamp of ints, and Sign (of an int or a double).</summary>
    public static int ApplyInt(string name, IReadOnlyList<object> a) => name switch
    {
        "Abs" => Math.Abs((int)a[0]),
        "Max" => Math.Max((int)a[0], (int)a[1]),
        "Min" => Math.Min((int)a[0], (int)a[1]),
        "Clamp" => Math.Clamp((int)a[0], (int)a[1], (int)a[2]),
        "Sign" => a[0] is Value v ? Math.Sign(v.Data) : Math.Sign((int)a[0]),
        _ => throw new ArgumentException($"'{name}' has no int overload in the explorer.", nameof(name)),
    };
}
