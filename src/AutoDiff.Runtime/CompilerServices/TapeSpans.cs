using System;
using System.ComponentModel;

namespace AutoDiff.CompilerServices;

/// <summary>
/// The span calls of a differentiable body, for the body the generator re-emits on the runtime tape (info AD0011),
/// where the body's floating buffers hold <see cref="Value"/>s: clearing one sets its elements to a zero leaf rather
/// than to null, and a copy from constants (a <c>static readonly</c> table, a <c>[NoDerivative]</c> span) makes a
/// leaf of each. Not meant to be used by hand; it is public so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TapeSpans
{
    /// <summary><c>buffer.Clear()</c>: every element the number 0, as the double buffer holds after it.</summary>
    /// <param name="buffer">The buffer of Values.</param>
    public static void Clear(Span<Value> buffer) => buffer.Fill(new Value(0));

    /// <summary>
    /// A slice or a buffer of Values passed on to a recursive call, whose tape body takes the span as an array: the same
    /// Values (not copies of them), so each derivative flows back to where it came from.
    /// </summary>
    /// <param name="values">The Values.</param>
    /// <returns>A new array holding them.</returns>
    public static Value[] ToArray(ReadOnlySpan<Value> values) => values.ToArray();

    /// <summary>Numbers passed on to a recursive call's differentiable span (a <c>[NoDerivative]</c> span, a table): a leaf for each.</summary>
    /// <param name="numbers">The numbers.</param>
    /// <returns>A new array of leaves.</returns>
    public static Value[] ToArray(ReadOnlySpan<double> numbers)
    {
        var values = new Value[numbers.Length];
        CopyTo(numbers, values);
        return values;
    }

    /// <inheritdoc cref="ToArray(ReadOnlySpan{double})"/>
    public static Value[] ToArray(ReadOnlySpan<float> numbers)
    {
        var values = new Value[numbers.Length];
        CopyTo(numbers, values);
        return values;
    }

    /// <summary>The numbers of a sequence of Values, for a helper that reads them (<c>ArgMax(w)</c> returning an int).</summary>
    /// <param name="values">The Values.</param>
    /// <returns>A new array of their numbers.</returns>
    public static double[] Numbers(ReadOnlySpan<Value> values)
    {
        var numbers = new double[values.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = values[i].Data;
        }

        return numbers;
    }

    /// <summary>
    /// A <c>TryGetValue</c>, <c>TryPop</c>, <c>TryDequeue</c> or <c>TryPeek</c> of Values: on a miss the element handed
    /// back is the number 0 (a zero leaf), as the double the source hands back is, rather than a null Value.
    /// </summary>
    /// <param name="found">What the call returned.</param>
    /// <param name="value">The element it handed back through <c>out</c>.</param>
    /// <returns><paramref name="found"/>.</returns>
    public static bool ZeroWhenMissing(bool found, ref Value value)
    {
        if (!found)
        {
            value = new Value(0);
        }

        return found;
    }

    /// <summary>
    /// What the tape's body stored into its copy of a writable parameter's leaves, written back into the caller's array
    /// as the source would have stored it there.
    /// </summary>
    /// <param name="held">The body's array of Values.</param>
    /// <param name="target">The caller's array (as long as <paramref name="held"/>).</param>
    public static void WriteBack(Value[] held, Span<double> target)
    {
        for (var i = 0; i < held.Length; i++)
        {
            target[i] = held[i].Data;
        }
    }

    /// <inheritdoc cref="WriteBack(Value[], Span{double})"/>
    public static void WriteBack(Value[] held, Span<float> target)
    {
        for (var i = 0; i < held.Length; i++)
        {
            target[i] = (float)held[i].Data;
        }
    }

    /// <summary>
    /// Refuses a result the tape cannot vouch for: the body stored into the writable parameter
    /// <paramref name="writtenName"/> while it shares elements with <paramref name="otherName"/> (<c>F(w, w)</c>). The
    /// tape holds the two as separate arrays, so the store would not have been seen through the other.
    /// </summary>
    /// <param name="leaves">The written parameter's leaves.</param>
    /// <param name="held">The body's array, which starts as a copy of the leaves.</param>
    /// <param name="written">The caller's written array.</param>
    /// <param name="other">Another parameter of the same element type.</param>
    /// <param name="writtenName">The written parameter's name.</param>
    /// <param name="otherName">The other parameter's name.</param>
    /// <exception cref="InvalidOperationException">The body stored into <paramref name="written"/> and the two share elements.</exception>
    public static void RequireUnshared(Value[] leaves, Value[] held, ReadOnlySpan<double> written, ReadOnlySpan<double> other, string writtenName, string otherName)
    {
        if (written.Overlaps(other) && Stored(leaves, held))
        {
            throw Shared(writtenName, otherName);
        }
    }

    /// <inheritdoc cref="RequireUnshared(Value[], Value[], ReadOnlySpan{double}, ReadOnlySpan{double}, string, string)"/>
    public static void RequireUnshared(Value[] leaves, Value[] held, ReadOnlySpan<float> written, ReadOnlySpan<float> other, string writtenName, string otherName)
    {
        if (written.Overlaps(other) && Stored(leaves, held))
        {
            throw Shared(writtenName, otherName);
        }
    }

    private static bool Stored(Value[] leaves, Value[] held)
    {
        for (var i = 0; i < leaves.Length; i++)
        {
            if (!ReferenceEquals(leaves[i], held[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static InvalidOperationException Shared(string writtenName, string otherName) =>
        new("The body stored into '" + writtenName + "', which shares elements with '" + otherName + "'; the runtime tape holds the two apart, so its derivative would not see the store through '"
            + otherName + "'. Pass arrays that do not overlap, or copy one first.");

    /// <summary><c>source.CopyTo(destination)</c> from numbers into Values, with the check <c>CopyTo</c> makes.</summary>
    /// <param name="source">The numbers.</param>
    /// <param name="destination">The buffer of Values; at least as long as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">The destination is shorter than the source, as <c>CopyTo</c> throws.</exception>
    public static void CopyTo(ReadOnlySpan<double> source, Span<Value> destination)
    {
        var count = LoopWindow.CopyLength(source.Length, destination.Length);
        for (var i = 0; i < count; i++)
        {
            destination[i] = new Value(source[i]);
        }
    }

    /// <inheritdoc cref="CopyTo(ReadOnlySpan{double}, Span{Value})"/>
    public static void CopyTo(ReadOnlySpan<float> source, Span<Value> destination)
    {
        var count = LoopWindow.CopyLength(source.Length, destination.Length);
        for (var i = 0; i < count; i++)
        {
            destination[i] = new Value(source[i]);
        }
    }
}
