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
#if DEBUG
    // Debug builds (the tests) check that generated code never pushes past what it reserved: a count that is too
    // low would otherwise only show once a loop runs past the rented array's spare room.
    private int _reservedEnd;
#endif

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
            _items = Grow(_items, _count, _count + 1);
        }

        _items[_count++] = value;
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> more values, so that many <see cref="PushReserved"/> calls need no
    /// capacity check. Generated code reserves before a counted loop whose pushes it can count: a loop free of
    /// calls, even rarely taken ones, keeps its floating-point values in registers.
    /// </summary>
    /// <param name="count">How many values will be pushed; zero or negative reserves nothing.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reserve(int count)
    {
        if (_items.Length - _count < count)
        {
            _items = Grow(_items, _count, _count + count);
        }
#if DEBUG
        _reservedEnd = _count + Math.Max(count, 0);
#endif
    }

    /// <summary>Records <paramref name="value"/> in room made by <see cref="Reserve"/> (an array bounds check still guards it).</summary>
    /// <param name="value">The value to record.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushReserved(T value)
    {
#if DEBUG
        if (_count >= _reservedEnd)
        {
            throw new InvalidOperationException($"Pushed past the reservation: {_count - _reservedEnd + 1} more than reserved.");
        }
#endif
        _items[_count++] = value;
    }

    /// <summary>
    /// Room for <paramref name="count"/> values on top of the stack, to be filled in one copy: a buffer that a loop is
    /// about to overwrite whole is recorded as <c>buffer.CopyTo(stack.PushSpan(buffer.Length))</c> and restored after
    /// the loop's adjoint by <see cref="PopSpan"/>, instead of element by element. (A span in and out, rather than a
    /// method taking the buffer, keeps a <c>stackalloc</c> buffer usable with it under C# 10's rules.)
    /// </summary>
    /// <param name="count">How many values.</param>
    /// <returns>The slots, in the stack's storage.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> PushSpan(int count)
    {
        if (_items.Length - _count < count)
        {
            _items = Grow(_items, _count, _count + count);
        }

        var slots = _items.AsSpan(_count, count);
        _count += count;
        return slots;
    }

    /// <summary>The <paramref name="count"/> values <see cref="PushSpan"/> made room for last, removed from the stack.</summary>
    /// <param name="count">How many values; as many as were pushed.</param>
    /// <returns>The values, still in the stack's storage: copy them out before the next push.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> PopSpan(int count)
    {
        _count -= count;
        return _items.AsSpan(_count, count);
    }

    /// <summary>Removes and returns the value pushed last.</summary>
    /// <returns>The value on top of the stack.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pop() => _items[--_count];

    /// <summary>How many values the stack holds.</summary>
    public readonly int Count => _count;

    /// <summary>
    /// Forgets every value pushed since the stack held <paramref name="count"/>: an iteration whose adjoint is
    /// skipped (it would add only zeros) does not pop what it recorded.
    /// </summary>
    /// <param name="count">An earlier <see cref="Count"/>, at most the current one.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DropTo(int count)
    {
#if DEBUG
        if ((uint)count > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The stack holds {_count} values; it cannot grow back to {count}.");
        }
#endif
        _count = count;
    }

    /// <summary>Returns the storage to the pool; the stack must not be used afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items);
            _items = null!;
        }
    }

    // Static and returning the new array, so no call takes the stack's address and the JIT can keep its two fields
    // in registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T[] Grow(T[] items, int count, int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, items.Length * 2));
        Array.Copy(items, larger, count);
        ArrayPool<T>.Shared.Return(items);
        return larger;
    }
}
