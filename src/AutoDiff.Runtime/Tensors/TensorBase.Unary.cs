using System.Numerics.Tensors;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>Elementwise hyperbolic tangent; its derivative is 1 - tanh².</summary>
    public TSelf Tanh()
    {
        var result = Unary(this);
        var y = result._data;
        return result.Compute(Records(this), "tanh", [Self], () => TensorPrimitives.Tanh(_data, y), () =>
        {
            // g·(1 - y²)
            var scratch = result.Scratch(Count);
            TensorPrimitives.Multiply(y, y, scratch);
            TensorPrimitives.Subtract(T.One, scratch, scratch);
            var grad = GradBuffer();
            TensorPrimitives.MultiplyAdd(scratch, result.GradData, grad, grad);
        });
    }

    /// <summary>Elementwise max(x, 0); the gradient passes where x &gt; 0 (0 at x = 0, as micrograd).</summary>
    public TSelf Relu()
    {
        var result = Unary(this);
        var y = result._data;
        return result.Compute(Records(this), "relu", [Self], () => TensorPrimitives.Max(_data, T.Zero, y), () =>
        {
            var g = result.GradData;
            var grad = GradBuffer();
            for (int i = 0; i < grad.Length; i++)
                if (y[i] > T.Zero) grad[i] += g[i];
        });
    }

    /// <summary>Elementwise eˣ; its derivative is itself.</summary>
    public TSelf Exp()
    {
        var result = Unary(this);
        var y = result._data;
        return result.Compute(Records(this), "exp", [Self], () => TensorPrimitives.Exp(_data, y), () =>
        {
            var grad = GradBuffer();
            TensorPrimitives.MultiplyAdd(result.GradData, y, grad, grad);
        });
    }

    /// <summary>Elementwise natural logarithm; its derivative is 1/x.</summary>
    public TSelf Log()
    {
        var result = Unary(this);
        return result.Compute(Records(this), "log", [Self], () => TensorPrimitives.Log(_data, result._data), () =>
        {
            var scratch = result.Scratch(Count);
            TensorPrimitives.Divide(result.GradData, _data, scratch);
            AccumulateGrad(scratch);
        });
    }

    /// <summary>Elementwise logistic 1/(1+e⁻ˣ); its derivative is s·(1-s).</summary>
    public TSelf Sigmoid()
    {
        var result = Unary(this);
        var y = result._data;
        return result.Compute(Records(this), "sigmoid", [Self], () => TensorPrimitives.Sigmoid(_data, y), () =>
        {
            // g·s·(1-s)
            var scratch = result.Scratch(Count);
            TensorPrimitives.Subtract(T.One, y, scratch);
            TensorPrimitives.Multiply(scratch, y, scratch);
            var grad = GradBuffer();
            TensorPrimitives.MultiplyAdd(scratch, result.GradData, grad, grad);
        });
    }
}
