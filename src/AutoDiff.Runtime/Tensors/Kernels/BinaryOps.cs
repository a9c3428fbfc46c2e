using System.Numerics.Tensors;

namespace AutoDiff.Tensors;

/// <summary>One elementwise binary op in its three SIMD shapes: span-span, span-scalar, scalar-span.</summary>
internal interface IBinaryOp
{
    static abstract void Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d);
    static abstract void Run(ReadOnlySpan<double> x, double y, Span<double> d);
    static abstract void Run(double x, ReadOnlySpan<double> y, Span<double> d);
}

internal struct AddOp : IBinaryOp
{
    public static void Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Add(x, y, d);
    public static void Run(ReadOnlySpan<double> x, double y, Span<double> d) => TensorPrimitives.Add(x, y, d);
    public static void Run(double x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Add(y, x, d);
}

internal struct SubtractOp : IBinaryOp
{
    public static void Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Run(ReadOnlySpan<double> x, double y, Span<double> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Run(double x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Subtract(x, y, d);
}

internal struct MultiplyOp : IBinaryOp
{
    public static void Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Multiply(x, y, d);
    public static void Run(ReadOnlySpan<double> x, double y, Span<double> d) => TensorPrimitives.Multiply(x, y, d);
    public static void Run(double x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Multiply(y, x, d);
}

internal struct DivideOp : IBinaryOp
{
    public static void Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Divide(x, y, d);
    public static void Run(ReadOnlySpan<double> x, double y, Span<double> d) => TensorPrimitives.Divide(x, y, d);
    public static void Run(double x, ReadOnlySpan<double> y, Span<double> d) => TensorPrimitives.Divide(x, y, d);
}

/// <summary>Elementwise binary ops with numpy broadcasting; contiguous rows go through TensorPrimitives.</summary>
internal static class BinaryKernel
{
    /// <summary>Computes <c>op(a, b)</c> broadcast to <paramref name="outShape"/> into a new array.</summary>
    public static double[] Apply<TOp>(double[] a, int[] aShape, double[] b, int[] bShape, int[] outShape) where TOp : IBinaryOp
    {
        var result = new double[ShapeMath.Count(outShape)];
        if (ShapeMath.SameShape(aShape, bShape)) TOp.Run(a, b, result);
        else if (b.Length == 1 && a.Length == result.Length) TOp.Run(a, b[0], result);
        else if (a.Length == 1 && b.Length == result.Length) TOp.Run(a[0], b, result);
        else
        {
            var rows = new Rows<TOp>(result, a, b);
            StridedLoop.Run(outShape, ShapeMath.RowMajorStrides(outShape),
                ShapeMath.BroadcastStrides(aShape, outShape), ShapeMath.BroadcastStrides(bShape, outShape), ref rows);
        }
        return result;
    }

    private readonly struct Rows<TOp>(double[] d, double[] a, double[] b) : IRowAction where TOp : IBinaryOp
    {
        public void Row(int od, int oa, int ob, int length, int stepA, int stepB)
        {
            var dst = d.AsSpan(od, length);
            // Both steps are never 0 on a row longer than 1: the output's size along it comes from one of them.
            if (stepA != 0 && stepB != 0) TOp.Run(a.AsSpan(oa, length), b.AsSpan(ob, length), dst);
            else if (stepB == 0) TOp.Run(a.AsSpan(oa, length), b[ob], dst);
            else TOp.Run(a[oa], b.AsSpan(ob, length), dst);
        }
    }
}
