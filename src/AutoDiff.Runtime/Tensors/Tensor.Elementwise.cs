using System.Numerics.Tensors;
using AutoDiff.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    /// <summary>Elementwise sum with numpy broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var shape = BroadcastShape("Add", a, b);
        var result = new Tensor(BinaryKernel.Apply<AddOp>(a._data, a._shape, b._data, b._shape, shape), shape);
        if (!Records(a, b)) return result;
        return result.Record("+", [a, b], () =>
        {
            var g = result.GradData;
            if (a._requiresGrad) a.AccumulateReduced(g, shape);
            if (b._requiresGrad) b.AccumulateReduced(g, shape);
        });
    }

    /// <summary>Elementwise difference with numpy broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b)
    {
        var shape = BroadcastShape("Subtract", a, b);
        var result = new Tensor(BinaryKernel.Apply<SubtractOp>(a._data, a._shape, b._data, b._shape, shape), shape);
        if (!Records(a, b)) return result;
        return result.Record("-", [a, b], () =>
        {
            var g = result.GradData;
            if (a._requiresGrad) a.AccumulateReduced(g, shape);
            if (b._requiresGrad)
            {
                var negated = new double[g.Length];
                TensorPrimitives.Negate(g, negated);
                b.AccumulateOwnedGrad(ReduceKernel.SumTo(negated, shape, b._shape));
            }
        });
    }

    /// <summary>Elementwise product with numpy broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        var shape = BroadcastShape("Multiply", a, b);
        var result = new Tensor(BinaryKernel.Apply<MultiplyOp>(a._data, a._shape, b._data, b._shape, shape), shape);
        if (!Records(a, b)) return result;
        return result.Record("*", [a, b], () =>
        {
            var g = result.GradData;
            // d(a*b)/da = b, d(a*b)/db = a
            if (a._requiresGrad) a.AccumulateOwnedGrad(ReduceKernel.SumTo(BinaryKernel.Apply<MultiplyOp>(g, shape, b._data, b._shape, shape), shape, a._shape));
            if (b._requiresGrad) b.AccumulateOwnedGrad(ReduceKernel.SumTo(BinaryKernel.Apply<MultiplyOp>(g, shape, a._data, a._shape, shape), shape, b._shape));
        });
    }

    /// <summary>Elementwise quotient with numpy broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b)
    {
        var shape = BroadcastShape("Divide", a, b);
        var result = new Tensor(BinaryKernel.Apply<DivideOp>(a._data, a._shape, b._data, b._shape, shape), shape);
        if (!Records(a, b)) return result;
        return result.Record("/", [a, b], () =>
        {
            var g = result.GradData;
            // d(a/b)/da = 1/b, d(a/b)/db = -a/b² = -(a/b)/b
            if (a._requiresGrad) a.AccumulateOwnedGrad(ReduceKernel.SumTo(BinaryKernel.Apply<DivideOp>(g, shape, b._data, b._shape, shape), shape, a._shape));
            if (b._requiresGrad)
            {
                var gOut = new double[g.Length];
                TensorPrimitives.Multiply(g, result._data, gOut);
                var gb = BinaryKernel.Apply<DivideOp>(gOut, shape, b._data, b._shape, shape);
                TensorPrimitives.Negate(gb, gb);
                b.AccumulateOwnedGrad(ReduceKernel.SumTo(gb, shape, b._shape));
            }
        });
    }

    /// <summary>Elementwise power with a tensor exponent (broadcast); the base must be positive where the exponent's gradient is wanted.</summary>
    public Tensor Pow(Tensor exponent)
    {
        var shape = BroadcastShape("Pow", this, exponent);
        var x = ReduceKernel.ExpandTo(_data, _shape, shape);
        var p = ReduceKernel.ExpandTo(exponent._data, exponent._shape, shape);
        var y = new double[x.Length];
        TensorPrimitives.Pow<double>(x, p, y);
        var result = new Tensor(y, shape);
        if (!Records(this, exponent)) return result;
        return result.Record("**", [this, exponent], () =>
        {
            var g = result.GradData;
            if (_requiresGrad)
            {
                // d(x^p)/dx = p·x^(p-1)
                var gx = new double[g.Length];
                for (int i = 0; i < gx.Length; i++) gx[i] = g[i] * p[i] * Math.Pow(x[i], p[i] - 1);
                AccumulateOwnedGrad(ReduceKernel.SumTo(gx, shape, _shape));
            }
            if (exponent._requiresGrad)
            {
                // d(x^p)/dp = x^p·ln x
                var gp = new double[g.Length];
                for (int i = 0; i < gp.Length; i++) gp[i] = g[i] * y[i] * Math.Log(x[i]);
                exponent.AccumulateOwnedGrad(ReduceKernel.SumTo(gp, shape, exponent._shape));
            }
        });
    }

    private static int[] BroadcastShape(string op, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ShapeMath.Broadcast(op, a._shape, b._shape);
    }

    /// <summary>Adds an output-shaped gradient that this tensor was broadcast into, summed back to this tensor's shape.</summary>
    private void AccumulateReduced(double[] outputGrad, int[] outputShape)
    {
        var reduced = ReduceKernel.SumTo(outputGrad, outputShape, _shape);
        if (ReferenceEquals(reduced, outputGrad)) AccumulateGrad(reduced);
        else AccumulateOwnedGrad(reduced);
    }
}
