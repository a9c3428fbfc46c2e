using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoDiff.CompilerServices;

/// <summary>
/// The run of elements a counted loop reads or writes, <c>s[start]</c> to <c>s[start + count - 1]</c>, as one span:
/// generated code indexes the window from 0 instead of adding the offset on every access, and bounds the loop by
/// the window's length, which lets the JIT drop that span's range checks inside the loop. Not meant to be used by
/// hand; it is public (rather than emitted into each generated file) so generated code also compiles with C# 10.
/// </summary>
/// <remarks>
/// A window is taken before the loop's first iteration, so it checks the whole range up front where the loop
/// checked one index per iteration. It throws what the loop's first out-of-range access throws,
/// <see cref="IndexOutOfRangeException"/>; the generator takes windows only for loops that would reach every index
/// (no break, no branch around the access) and change nothing the caller sees before they could throw, so
/// throwing earlier is the same to the caller. A count of zero or less means the loop does not run: the window is
/// empty and <c>start</c> is not checked, as the loop never read it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LoopWindow
{
    /// <summary>Elements <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 of <paramref name="span"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="span">The sequence the loop indexes.</param>
    /// <param name="start">The index the loop's first iteration reads.</param>
    /// <param name="count">How many iterations the loop runs (none when zero or less).</param>
    /// <returns>The window; empty when <paramref name="count"/> is zero or less.</returns>
    /// <exception cref="IndexOutOfRangeException">Some index in the range is outside <paramref name="span"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<T> Of<T>(ReadOnlySpan<T> span, int start, int count)
    {
        if (count <= 0)
        {
            return default;
        }

        // The first and the last index, read as the loop would: the same exception, and between them every index.
        ref readonly T first = ref span[start];
        _ = span[start + count - 1];
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in first), count);
    }

    /// <inheritdoc cref="Of{T}(ReadOnlySpan{T}, int, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<T> Of<T>(Span<T> span, int start, int count)
    {
        if (count <= 0)
        {
            return default;
        }

        ref T first = ref span[start];
        _ = span[start + count - 1];
        return MemoryMarshal.CreateSpan(ref first, count);
    }

    /// <inheritdoc cref="Of{T}(ReadOnlySpan{T}, int, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<T> Of<T>(T[] array, int start, int count)
    {
        if (array is null && count > 0)
        {
            // The loop's first access would have dereferenced the null array.
            throw new NullReferenceException();
        }

        return Of(array.AsSpan(), start, count);
    }

    /// <summary>
    /// Sets elements <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 to zero in one
    /// call: the adjoint of a loop that stores values with no derivative (<c>a[u] = 0.0</c>) over that run, which
    /// only zeroes each element's adjoint, in any order. Checks the range as <see cref="Of{T}(Span{T}, int, int)"/> does.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="span">The adjoint buffer.</param>
    /// <param name="start">The index the loop's first iteration wrote.</param>
    /// <param name="count">How many iterations the loop ran (none when zero or less).</param>
    /// <exception cref="IndexOutOfRangeException">Some index in the range is outside <paramref name="span"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear<T>(Span<T> span, int start, int count) => Of(span, start, count).Clear();

    /// <inheritdoc cref="Clear{T}(Span{T}, int, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear<T>(T[] array, int start, int count) => Of(array, start, count).Clear();

    /// <summary>
    /// The length of a read-only view <c>s.Slice(start, length)</c> (or <c>s[start..end]</c>) that a differentiable
    /// body reads through, after the check <c>Slice</c> makes: the generated code keeps the view as its start and
    /// this length rather than as a span.
    /// </summary>
    /// <param name="sequenceLength">The length of the sequence viewed.</param>
    /// <param name="start">Where the view starts.</param>
    /// <param name="length">How many elements it holds.</param>
    /// <returns><paramref name="length"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The view does not lie inside the sequence, as <c>Slice</c> throws.</exception>
    public static int SliceLength(int sequenceLength, int start, int length) =>
        (ulong)(uint)start + (uint)length <= (uint)sequenceLength
            ? length
            : throw new ArgumentOutOfRangeException(nameof(start), $"The view of {length} elements from {start} does not lie inside the {sequenceLength} elements viewed.");

    /// <summary>An index into a view of <paramref name="length"/> elements, checked as indexing the view checks it.</summary>
    /// <param name="index">The index.</param>
    /// <param name="length">The view's length.</param>
    /// <returns><paramref name="index"/>.</returns>
    /// <exception cref="IndexOutOfRangeException">The index is outside the view.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SliceIndex(int index, int length) => (uint)index < (uint)length ? index : throw new IndexOutOfRangeException();

    /// <summary>
    /// How many elements <c>source.CopyTo(destination)</c> copies, which a differentiable body's copy runs as a loop
    /// over: the source's length, after the check <c>CopyTo</c> makes before it writes anything.
    /// </summary>
    /// <param name="sourceLength">The length of the span copied from.</param>
    /// <param name="destinationLength">The length of the buffer copied into.</param>
    /// <returns><paramref name="sourceLength"/>.</returns>
    /// <exception cref="ArgumentException">The destination is shorter than the source, as <c>Span&lt;T&gt;.CopyTo</c> throws.</exception>
    public static int CopyLength(int sourceLength, int destinationLength) =>
        sourceLength <= destinationLength
            ? sourceLength
            : throw new ArgumentException($"Destination is too short: {destinationLength} elements for {sourceLength}.", "destination");
}
