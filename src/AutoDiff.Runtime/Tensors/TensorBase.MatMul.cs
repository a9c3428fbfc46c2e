using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>
    /// Matrix product, numpy's matmul: [n,k]·[k,m] → [n,m]; stacks [..., n, k]·[..., k, m] with broadcast batch axes;
    /// a 1-D operand is a row vector on the left or a column vector on the right (that axis is dropped from the result;
    /// two vectors give their dot product as a scalar).
    /// Large products are cache-blocked, FMA-vectorized and split across cores.
    /// </summary>
    /// <exception cref="ArgumentException">Inner dimensions differ, batch axes do not broadcast, or an operand is a scalar.</exception>
    public TSelf MatMul(TensorBase<TSelf, T> other)
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
        var result = Uninitialized(shape);
        // dA = G·Bᵀ, dB = Aᵀ·G (transposes read in place while packing), each summed over the batch axes its operand was broadcast along.
        var leftGrad = MatMulGrad.For(this, shape, false, other._shape, true);
        var rightGrad = MatMulGrad.For(other, _shape, true, shape, false);
        return result.Compute(Records(this, other), "matmul", [Self, other.Self], () =>
            BatchedGemm.Multiply(_data, _shape, false, other._data, other._shape, false, result._data, shape), () =>
        {
            var g = result.GradData;
            if (_requiresGrad) leftGrad.Accumulate(this, g, other._data);
            if (other._requiresGrad) rightGrad.Accumulate(other, _data, g);
        });
    }

    private static void CheckInner(TensorBase<TSelf, T> a, TensorBase<TSelf, T> b, int k, int k2)
    {
        if (k != k2)
            throw new ArgumentException($"MatMul: shapes {a.ShapeText} and {b.ShapeText} are incompatible: inner dimensions {k} and {k2} differ");
    }

    /// <summary>One operand's gradient product op(left)·op(right), with its shapes worked out once when the graph is recorded.</summary>
    private sealed class MatMulGrad
    {
        private readonly int[] _leftShape, _rightShape, _gradShape;
        private readonly bool _transLeft, _transRight, _direct;
        private T[]? _unreduced;

        private MatMulGrad(int[] leftShape, bool transLeft, int[] rightShape, bool transRight, int[] gradShape, bool direct)
        {
            (_leftShape, _transLeft, _rightShape, _transRight, _gradShape, _direct) = (leftShape, transLeft, rightShape, transRight, gradShape, direct);
        }

        public static MatMulGrad For(TensorBase<TSelf, T> target, int[] leftShape, bool transLeft, int[] rightShape, bool transRight)
        {
            var gradShape = BatchedGemm.ResultShape("MatMul backward",
                transLeft ? BatchedGemm.Transposed(leftShape) : leftShape, transRight ? BatchedGemm.Transposed(rightShape) : rightShape);
            return new MatMulGrad(leftShape, transLeft, rightShape, transRight, gradShape, ShapeMath.SameShape(gradShape, target._shape));
        }

        /// <summary>Adds op(left)·op(right) into the target's gradient: straight into it unless a batch axis was broadcast.</summary>
        public void Accumulate(TensorBase<TSelf, T> target, T[] left, T[] right)
        {
            if (_direct)
            {
                BatchedGemm.MultiplyAdd(left, _leftShape, _transLeft, right, _rightShape, _transRight, target.GradBuffer(), _gradShape);
                return;
            }
            _unreduced ??= new T[ShapeMath.Count(_gradShape)];
            BatchedGemm.Multiply(left, _leftShape, _transLeft, right, _rightShape, _transRight, _unreduced, _gradShape);
            target.AccumulateReduced(_unreduced, _gradShape);
        }
    }
}
