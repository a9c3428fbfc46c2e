using System.Numerics;
using System.Numerics.Tensors;

namespace AutoDiff.Tensors.Kernels;

/// <summary>One elementwise binary op in its three SIMD shapes: span-span, span-scalar, scalar-span.</summary>
internal interface IBinaryOp
{
    static abstract void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T>;
    static abstract void Run<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : IFloatingPointIeee754<T>;
    static abstract void Run<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T>;
}

internal struct AddOp : IBinaryOp
{
    public static void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Add(x, y, d);
    public static void Run<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Add(x, y, d);
    public static void Run<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Add(y, x, d);
}

internal struct SubtractOp : IBinaryOp
{
    public static void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Subtract(x, y, d);
    public static void Run<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Subtract(x, y, d);
    public static void Run<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Subtract(x, y, d);
}

internal struct MultiplyOp : IBinaryOp
{
    public static void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Multiply(x, y, d);
    public static void Run<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Multiply(x, y, d);
    public static void Run<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Multiply(y, x, d);
}

internal struct DivideOp : IBinaryOp
{
    public static void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Divide(x, y, d);
    public static void Run<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Divide(x, y, d);
    public static void Run<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : IFloatingPointIeee754<T> => TensorPrimitives.Divide(x, y, d);
}

/// <summary>Elementwise binary ops with numpy broadcasting; contiguous rows go through TensorPrimitives.</summary>
internal static class BinaryKernel
{
    /// <summary>Writes <c>op(a, b)</c> broadcast to <paramref name="outShape"/> into <paramref name="result"/> (its count).</summary>
    public static void Apply<TOp, T>(T[] a, int[] aShape, T[] b, int[] bShape, int[] outShape, T[] result)
        where TOp : IBinaryOp
        where T : IFloatingPointIeee754<T>
    {
        if (ShapeMath.SameShape(aShape, bShape)) TOp.Run<T>(a, b, result);
        else if (b.Length == 1 && a.Length == result.Length) TOp.Run<T>(a, b[0], result);
        else if (a.Length == 1 && b.Length == result.Length) TOp.Run<T>(a[0], b, result);
        else
        {
            var rows = new Rows<TOp, T>(result, a, b);
            StridedLoop.RunBroadcast(outShape, aShape, bShape, ref rows);
        }
    }

    private readonly struct Rows<TOp, T>(T[] d, T[] a, T[] b) : IRowAction
        where TOp : IBinaryOp
        where T : IFloatingPointIeee754<T>
    {
        public void Row(int od, int oa, int ob, int length, int stepA, int stepB)
        {
            var dst = d.AsSpan(od, length);
            // Both steps are never 0 on a row longer than 1: the output's size along it comes from one of them.
            if (stepA != 0 && stepB != 0) TOp.Run<T>(a.AsSpan(oa, length), b.AsSpan(ob, length), dst);
            else if (stepB == 0) TOp.Run(a.AsSpan(oa, length), b[ob], dst);
            else TOp.Run(a[oa], b.AsSpan(ob, length), dst);
        }
    }
}
