using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace AutoDiff.CompilerServices;

/// <summary>
/// The value stack that code generated for <see cref="DifferentiableAttribute"/> methods with loops records into:
/// the primal sweep pushes the values the adjoint sweep pops again in reverse order. Storage is rented from
/// <see cref="ArrayPool{T}.Shared"/>, so the steady state allocates nothing. Not meant to be used by hand; it is
/// public (rather than emitted into each generated file) so generated code also compiles with C# 10.
/// </summary>
/// <typeparam name="T">The recorded value type (<c>double</c>, <c>float</c> or <c>int</c>).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct GradientStack<T>
    where T : unmanaged
{
    private T[] _items;
    private int _count;

    /// <summary>Rents storage for at least <paramref name="capacity"/> values; it grows when more are pushed.</summary>
    /// <param name="capacity">The expected number of values.</param>
    public GradientStack(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(capacity);
        _count = 0;
    }

    /// <summary>Records <paramref name="value"/> on top of the stack.</summary>
    /// <param name="value">The value to record.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T value)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = value;
    }

    /// <summary>Removes and returns the value pushed last.</summary>
    /// <returns>The value on top of the stack.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pop() => _items[--_count];

    /// <summary>Returns the storage to the pool; the stack must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items);
            _items = null!;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
        Array.Copy(_items, larger, _count);
        ArrayPool<T>.Shared.Return(_items);
        _items = larger;
    }
}
