using System.Numerics.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    /// <summary>Elementwise hyperbolic tangent; its derivative is 1 - tanh².</summary>
    public Tensor Tanh()
    {
        var y = new double[Count];
        TensorPrimitives.Tanh(_data, y);
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record("tanh", [this], () =>
        {
            // g·(1 - y²) = g - g·y·y
            var ga = new double[y.Length];
            TensorPrimitives.Multiply(y, y, ga);
            TensorPrimitives.Multiply(ga, result.GradData, ga);
            TensorPrimitives.Subtract(result.GradData, ga, ga);
            AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Elementwise max(x, 0); the gradient passes where x &gt; 0 (0 at x = 0, as micrograd).</summary>
    public Tensor Relu()
    {
        var y = new double[Count];
        TensorPrimitives.Max(_data, 0.0, y);
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record("relu", [this], () =>
        {
            var g = result.GradData;
            var ga = new double[y.Length];
            for (int i = 0; i < ga.Length; i++) ga[i] = y[i] > 0 ? g[i] : 0.0;
            AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Elementwise eˣ; its derivative is itself.</summary>
    public Tensor Exp()
    {
        var y = new double[Count];
        TensorPrimitives.Exp(_data, y);
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record("exp", [this], () =>
        {
            var ga = new double[y.Length];
            TensorPrimitives.Multiply(result.GradData, y, ga);
            AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Elementwise natural logarithm; its derivative is 1/x.</summary>
    public Tensor Log()
    {
        var y = new double[Count];
        TensorPrimitives.Log(_data, y);
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record("log", [this], () =>
        {
            var ga = new double[y.Length];
            TensorPrimitives.Divide(result.GradData, _data, ga);
            AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Elementwise logistic 1/(1+e⁻ˣ); its derivative is s·(1-s).</summary>
    public Tensor Sigmoid()
    {
        var y = new double[Count];
        TensorPrimitives.Sigmoid(_data, y);
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record("sigmoid", [this], () =>
        {
            // g·s·(1-s) = g·s - g·s·s
            var gs = new double[y.Length];
            TensorPrimitives.Multiply(result.GradData, y, gs);
            var ga = new double[y.Length];
            TensorPrimitives.Multiply(gs, y, ga);
            TensorPrimitives.Subtract(gs, ga, ga);
            AccumulateOwnedGrad(ga);
        });
    }
}
