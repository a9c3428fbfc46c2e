using System.Reflection;

namespace AutoDiff.Samples.Explorer.Evaluation;

/// <summary>
/// The functions the explorer evaluates: those <see cref="ValueMath"/> has on the tape, found by name and
/// parameter kinds (a tape value for double/float, an int for int), so the list cannot drift from the tape.
/// Nothing but ValueMath's own members is ever looked up or called here.
/// </summary>
public static class TapeFunctions
{
    private static readonly ILookup<string, MethodInfo> Overloads = typeof(ValueMath)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(Value))
        .ToLookup(m => m.Name);

    public static IEnumerable<string> Names => Overloads.Select(g => g.Key).Order(StringComparer.Ordinal);

    /// <summary>
    /// The tape overload for a call whose arguments have these kinds; with a constant second argument, the overload
    /// that takes it as a plain double when there is one (Pow's x**n node, Log's constant base).
    /// </summary>
    public static MethodInfo? Find(string name, IReadOnlyList<Num> arguments, bool constantSecond)
    {
        var wanted = arguments.Select(a => a == Num.Int ? typeof(int) : typeof(Value)).ToArray();
        var constant = constantSecond && wanted is [_, var second, ..] && second == typeof(Value)
            ? Overloads[name].FirstOrDefault(m => Matches(m, wanted.Select((t, i) => i == 1 ? typeof(double) : t).ToArray()))
            : null;
        return constant ?? Overloads[name].FirstOrDefault(m => Matches(m, wanted));
    }

    /// <summary>Calls the tape overload; its own exceptions (e.g. Clamp's min > max) surface as they are.</summary>
    public static Value Apply(MethodInfo tapeFunction, object[] arguments)
    {
        try
        {
            return (Value)tapeFunction.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException error) when (error.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }

    /// <summary>The overloads that return int: Abs, Max, Min, Clamp of ints, and Sign (of an int or a double).</summary>
    public static bool HasIntOverload(string name) => name is "Abs" or "Max" or "Min" or "Clamp" or "Sign";

    public static int ApplyInt(string name, IReadOnlyList<object> a) => name switch
    {
        "Abs" => Math.Abs((int)a[0]),
        "Max" => Math.Max((int)a[0], (int)a[1]),
        "Min" => Math.Min((int)a[0], (int)a[1]),
        "Clamp" => Math.Clamp((int)a[0], (int)a[1], (int)a[2]),
        "Sign" => a[0] is Value v ? Math.Sign(v.Data) : Math.Sign((int)a[0]),
        _ => throw new ArgumentException($"'{name}' has no int overload in the explorer.", nameof(name)),
    };

    private static bool Matches(MethodInfo method, Type[] wanted) =>
        method.GetParameters().Select(p => p.ParameterType).SequenceEqual(wanted);
}
