namespace AutoDiff.Tensors.Kernels;

/// <summary>Shape arithmetic shared by every tensor op: element counts, row-major strides, numpy broadcasting.</summary>
internal static class ShapeMath
{
    public static int Count(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int d in shape) count *= d;
        if (count > Array.MaxLength) throw new ArgumentException($"shape {Format(shape)} has {count} elements, more than an array can hold");
        return (int)count;
    }

    public static int[] RowMajorStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        RowMajorStrides(shape, strides);
        return strides;
    }

    /// <summary>Writes the row-major strides of <paramref name="shape"/> into <paramref name="strides"/> (kernels pass stack memory).</summary>
    public static void RowMajorStrides(ReadOnlySpan<int> shape, Span<int> strides)
    {
        int stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
    }

    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(",", shape.ToArray()) + "]";

    public static void Validate(string op, ReadOnlySpan<int> shape)
    {
        foreach (int d in shape)
            if (d < 0) throw new ArgumentException($"{op}: shape {Format(shape)} has a negative dimension");
    }

    /// <summary>The numpy broadcast of two shapes: align right, sizes must match or be 1.</summary>
    public static int[] Broadcast(string op, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 1; i <= rank; i++)
        {
            int da = i <= a.Length ? a[^i] : 1;
            int db = i <= b.Length ? b[^i] : 1;
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException(
                    $"{op}: shapes {Format(a)} and {Format(b)} cannot be broadcast: axis -{i} has sizes {da} and {db}");
            result[^i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>
    /// Strides that read <paramref name="shape"/> as if it had <paramref name="target"/>'s shape:
    /// aligned right, stride 0 on every broadcast axis.
    /// </summary>
    public static void BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> target, Span<int> result)
    {
        Span<int> own = stackalloc int[shape.Length];
        RowMajorStrides(shape, own);
        result.Clear();
        int offset = target.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++)
            result[offset + i] = shape[i] == 1 && target[offset + i] != 1 ? 0 : own[i];
    }

    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>Normalizes a possibly negative axis, naming the op and shape when it is out of range.</summary>
    public static int Axis(string op, int axis, ReadOnlySpan<int> shape)
    {
        int rank = shape.Length;
        int normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= rank)
            throw new ArgumentOutOfRangeException(nameof(axis), $"{op}: axis {axis} is out of range for shape {Format(shape)} (rank {rank})");
        return normalized;
    }
}
