using System.Collections.Generic;

namespace AutoDiff.Generator.Analysis;

/// <summary>Compares model nodes by identity: two equal-looking statements or expressions at different places are different keys.</summary>
internal sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceEqualityComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
