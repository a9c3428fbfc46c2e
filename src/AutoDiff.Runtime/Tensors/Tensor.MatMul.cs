using AutoDiff.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    /// <summary>
    /// Matrix product, numpy's matmul: [n,k]·[k,m] → [n,m]; stacks [..., n, k]·[..., k, m] with broadcast batch axes;
    /// a 1-D operand is a row vector on the left or a column vector on the right (that axis is dropped from the result;
    /// two vectors give their dot product as a scalar).
    /// Large products are cache-blocked, FMA-vectorized and split across cores.
    /// </summary>
    /// <exception cref="ArgumentException">Inner dimensions differ, batch axes do not broadcast, or an operand is a scalar.</exception>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank == 0 || other.Rank == 0)
            throw new ArgumentException($"MatMul: shapes {ShapeText} and {other.ShapeText} are incompatible: MatMul needs operands with at least one axis");
        if (Rank == 1 && other.Rank == 1)
        {
            CheckInner(this, other, _shape[0], other._shape[0]);
            return Reshape(1, _shape[0]).MatMul(other.Reshape(other._shape[0], 1)).Reshape();
        }
        if (Rank == 1)
        {
            CheckInner(this, other, _shape[0], other._shape[Math.Max(0, other.Rank - 2)]);
            var product = Reshape(1, _shape[0]).MatMul(other);
            return product.Reshape([.. product._shape[..^2], product._shape[^1]]);
        }
        if (other.Rank == 1)
        {
            CheckInner(this, other, _shape[^1], other._shape[0]);
            var product = MatMul(other.Reshape(other._shape[0], 1));
            return product.Reshape(product._shape[..^1]);
        }

        var shape = BatchedGemm.ResultShape("MatMul", _shape, other._shape);
        var result = new Tensor(BatchedGemm.Multiply(_data, _shape, other._data, other._shape, shape), shape);
        if (!Records(this, other)) return result;
        return result.Record("matmul", [this, other], () =>
        {
            var g = result.GradData;
            // dA = G·Bᵀ, dB = Aᵀ·G (transposes read in place), each summed over the batch axes its operand was broadcast along.
            if (_requiresGrad) AccumulateMatMulGrad(this, g, shape, false, other._data, other._shape, true);
            if (other._requiresGrad) AccumulateMatMulGrad(other, _data, _shape, true, g, shape, false);
        });
    }

    private static void CheckInner(Tensor a, Tensor b, int k, int k2)
    {
        if (k != k2)
            throw new ArgumentException($"MatMul: shapes {a.ShapeText} and {b.ShapeText} are incompatible: inner dimensions {k} and {k2} differ");
    }

    /// <summary>Adds op(left)·op(right) into <paramref name="target"/>'s gradient, straight into the buffer when no batch axis was broadcast.</summary>
    private static void AccumulateMatMulGrad(Tensor target, double[] left, int[] leftShape, bool transLeft, double[] right, int[] rightShape, bool transRight)
    {
        var gradShape = BatchedGemm.ResultShape("MatMul backward",
            transLeft ? BatchedGemm.Transposed(leftShape) : leftShape, transRight ? BatchedGemm.Transposed(rightShape) : rightShape);
        if (target._grad is not null && ShapeMath.SameShape(gradShape, target._shape))
        {
            BatchedGemm.MultiplyAdd(left, leftShape, transLeft, right, rightShape, transRight, target._grad, gradShape);
            return;
        }
        var grad = new double[ShapeMath.Count(gradShape)];
        BatchedGemm.MultiplyAdd(left, leftShape, transLeft, right, rightShape, transRight, grad, gradShape);
        target.AccumulateOwnedGrad(ReduceKernel.SumTo(grad, gradShape, target._shape));
    }
}
