using System.Numerics.Tensors;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>Elementwise sum with numpy broadcasting.</summary>
    public static TSelf operator +(TensorBase<TSelf, T> a, TensorBase<TSelf, T> b)
    {
        var (result, shape) = Binary<AddOp>("Add", a, b);
        return result.Compute(Records(a, b), "+", [a.Self, b.Self], () => BinaryKernel.Apply<AddOp, T>(a._data, a._shape, b._data, b._shape, shape, result._data), () =>
        {
            var g = result.GradData;
            if (a._requiresGrad) a.AccumulateReduced(g, shape);
            if (b._requiresGrad) b.AccumulateReduced(g, shape);
        });
    }

    /// <summary>Elementwise difference with numpy broadcasting.</summary>
    public static TSelf operator -(TensorBase<TSelf, T> a, TensorBase<TSelf, T> b)
    {
        var (result, shape) = Binary<SubtractOp>("Subtract", a, b);
        return result.Compute(Records(a, b), "-", [a.Self, b.Self], () => BinaryKernel.Apply<SubtractOp, T>(a._data, a._shape, b._data, b._shape, shape, result._data), () =>
        {
            var g = result.GradData;
            if (a._requiresGrad) a.AccumulateReduced(g, shape);
            if (b._requiresGrad)
            {
                var negated = result.Scratch(g.Length);
                TensorPrimitives.Negate(g, negated);
                b.AccumulateReduced(negated, shape);
            }
        });
    }

    /// <summary>Elementwise product with numpy broadcasting.</summary>
    public static TSelf operator *(TensorBase<TSelf, T> a, TensorBase<TSelf, T> b)
    {
        var (result, shape) = Binary<MultiplyOp>("Multiply", a, b);
        return result.Compute(Records(a, b), "*", [a.Self, b.Self], () => BinaryKernel.Apply<MultiplyOp, T>(a._data, a._shape, b._data, b._shape, shape, result._data), () =>
        {
            var g = result.GradData;
            var scratch = result.Scratch(g.Length);
            // d(a*b)/da = b, d(a*b)/db = a
            if (a._requiresGrad)
            {
                BinaryKernel.Apply<MultiplyOp, T>(g, shape, b._data, b._shape, shape, scratch);
                a.AccumulateReduced(scratch, shape);
            }
            if (b._requiresGrad)
            {
                BinaryKernel.Apply<MultiplyOp, T>(g, shape, a._data, a._shape, shape, scratch);
                b.AccumulateReduced(scratch, shape);
            }
        });
    }

    /// <summary>Elementwise quotient with numpy broadcasting.</summary>
    public static TSelf operator /(TensorBase<TSelf, T> a, TensorBase<TSelf, T> b)
    {
        var (result, shape) = Binary<DivideOp>("Divide", a, b);
        return result.Compute(Records(a, b), "/", [a.Self, b.Self], () => BinaryKernel.Apply<DivideOp, T>(a._data, a._shape, b._data, b._shape, shape, result._data), () =>
        {
            var g = result.GradData;
            var scratch = result.Scratch(g.Length);
            // d(a/b)/da = 1/b, d(a/b)/db = -a/b² = -(a/b)/b
            if (a._requiresGrad)
            {
                BinaryKernel.Apply<DivideOp, T>(g, shape, b._data, b._shape, shape, scratch);
                a.AccumulateReduced(scratch, shape);
            }
            if (b._requiresGrad)
            {
                TensorPrimitives.Multiply(g, result._data, scratch);
                BinaryKernel.Apply<DivideOp, T>(scratch, shape, b._data, b._shape, shape, scratch);
                TensorPrimitives.Negate(scratch, scratch);
                b.AccumulateReduced(scratch, shape);
            }
        });
    }

    /// <summary>Elementwise power with a tensor exponent (broadcast); the base must be positive where the exponent's gradient is wanted.</summary>
    public TSelf Pow(TensorBase<TSelf, T> exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        var shape = ShapeMath.Broadcast("Pow", _shape, exponent._shape);
        var result = Uninitialized(shape);
        // The broadcast operands, kept for the backward step and refilled by Recompute.
        var x = new T[result.Count];
        var p = new T[result.Count];
        return result.Compute(Records(this, exponent), "**", [Self, exponent.Self], () =>
        {
            ReduceKernel.ExpandTo(_data, _shape, shape, x);
            ReduceKernel.ExpandTo(exponent._data, exponent._shape, shape, p);
            TensorPrimitives.Pow<T>(x, p, result._data);
        }, () =>
        {
            var g = result.GradData;
            var y = result._data;
            var scratch = result.Scratch(g.Length);
            if (_requiresGrad)
            {
                // d(x^p)/dx = p·x^(p-1)
                for (int i = 0; i < scratch.Length; i++) scratch[i] = g[i] * p[i] * T.Pow(x[i], p[i] - T.One);
                AccumulateReduced(scratch, shape);
            }
            if (exponent._requiresGrad)
            {
                // d(x^p)/dp = x^p·ln x
                for (int i = 0; i < scratch.Length; i++) scratch[i] = g[i] * y[i] * T.Log(x[i]);
                exponent.AccumulateReduced(scratch, shape);
            }
        });
    }

    /// <summary>Checks both operands and makes the broadcast result tensor of a binary op.</summary>
    private static (TSelf Result, int[] Shape) Binary<TOp>(string op, TensorBase<TSelf, T> a, TensorBase<TSelf, T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = ShapeMath.Broadcast(op, a._shape, b._shape);
        return (Uninitialized(shape), shape);
    }
}
