namespace AutoDiff.Tensors.Kernels;

/// <summary>
/// Receives one row of the iteration: offsets into three operands, the row length, and the element
/// step of operands 1 and 2 along the row (operand 0 is always the contiguous one, step 1; a step of 0 means broadcast).
/// </summary>
internal interface IRowAction
{
    void Row(int off0, int off1, int off2, int length, int step1, int step2);
}

/// <summary>
/// Walks a shape row by row (the last axis is the row), tracking offsets into three operands
/// with their own strides. Axes of size 1 are dropped first so that a trailing 1 never makes
/// rows of length one. The action sees whole rows so its inner loop can be SIMD.
/// </summary>
internal static class StridedLoop
{
    /// <summary>
    /// Walks <paramref name="shape"/> with operand 0 contiguous and operands 1 and 2 read as if broadcast to it from
    /// <paramref name="shape1"/> and <paramref name="shape2"/> (stride 0 along stretched axes). Strides live on the stack.
    /// </summary>
    public static void RunBroadcast<TAction>(ReadOnlySpan<int> shape, ReadOnlySpan<int> shape1, ReadOnlySpan<int> shape2, ref TAction action)
        where TAction : struct, IRowAction
    {
        Span<int> s0 = stackalloc int[shape.Length];
        Span<int> s1 = stackalloc int[shape.Length];
        Span<int> s2 = stackalloc int[shape.Length];
        ShapeMath.RowMajorStrides(shape, s0);
        ShapeMath.BroadcastStrides(shape1, shape, s1);
        ShapeMath.BroadcastStrides(shape2, shape, s2);
        Run(shape, s0, s1, s2, ref action);
    }

    public static void Run<TAction>(ReadOnlySpan<int> shape, ReadOnlySpan<int> s0, ReadOnlySpan<int> s1, ReadOnlySpan<int> s2, ref TAction action)
        where TAction : struct, IRowAction
    {
        int n = 0;
        Span<int> dims = stackalloc int[shape.Length];
        Span<int> t0 = stackalloc int[shape.Length];
        Span<int> t1 = stackalloc int[shape.Length];
        Span<int> t2 = stackalloc int[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 1) continue;
            dims[n] = shape[i]; t0[n] = s0[i]; t1[n] = s1[i]; t2[n] = s2[i]; n++;
        }
        if (n == 0)
        {
            if (ShapeMath.Count(shape) == 1) action.Row(0, 0, 0, 1, 1, 1);
            return;
        }
        int step1 = t1[n - 1], step2 = t2[n - 1];
        int length = dims[n - 1];
        int outer = 1;
        for (int i = 0; i < n - 1; i++) outer *= dims[i];
        if (length == 0 || outer == 0) return;

        Span<int> index = stackalloc int[Math.Max(n - 1, 1)];
        int o0 = 0, o1 = 0, o2 = 0;
        for (int row = 0; row < outer; row++)
        {
            action.Row(o0, o1, o2, length, step1, step2);
            for (int ax = n - 2; ax >= 0; ax--)
            {
                o0 += t0[ax]; o1 += t1[ax]; o2 += t2[ax];
                if (++index[ax] < dims[ax]) break;
                o0 -= t0[ax] * dims[ax]; o1 -= t1[ax] * dims[ax]; o2 -= t2[ax] * dims[ax];
                index[ax] = 0;
            }
        }
    }
}
