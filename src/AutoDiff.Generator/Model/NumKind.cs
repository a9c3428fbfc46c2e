namespace AutoDiff.Generator.Model;

/// <summary>The value types the transformation knows; only <see cref="Double"/> and <see cref="Float"/> carry derivatives.</summary>
internal enum NumKind
{
    Double,
    Float,
    Int,
    Bool,
}

internal static class NumKindExtensions
{
    public static bool IsFloating(this NumKind kind) => kind is NumKind.Double or NumKind.Float;

    public static string Keyword(this NumKind kind) => kind switch
    {
        NumKind.Double => "double",
        NumKind.Float => "float",
        NumKind.Int => "int",
        _ => "bool",
    };

    /// <summary>The kind a type keyword names (<c>double</c>, <c>float</c>, <c>int</c>, <c>bool</c>); null for any other type.</summary>
    public static NumKind? FromKeyword(string keyword) => keyword switch
    {
        "double" => NumKind.Double,
        "float" => NumKind.Float,
        "int" => NumKind.Int,
        "bool" => NumKind.Bool,
        _ => null,
    };

    /// <summary>The class holding this kind's math functions.</summary>
    public static string MathClass(this NumKind kind) => kind == NumKind.Float ? "MathF" : "Math";
}
