using System.Numerics.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(Tensor a, double s)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = new double[a.Count];
        TensorPrimitives.Add(a._data, s, y);
        var result = new Tensor(y, a._shape);
        if (!Records(a)) return result;
        return result.Record("+", [a], () => a.AccumulateGrad(result.GradData));
    }

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(double s, Tensor a) => a + s;

    /// <summary>Subtracts a number from every element.</summary>
    public static Tensor operator -(Tensor a, double s) => a + -s;

    /// <summary>Subtracts every element from a number.</summary>
    public static Tensor operator -(double s, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = new double[a.Count];
        TensorPrimitives.Subtract(s, a._data, y);
        var result = new Tensor(y, a._shape);
        if (!Records(a)) return result;
        return result.Record("-", [a], () =>
        {
            var ga = new double[y.Length];
            TensorPrimitives.Negate(result.GradData, ga);
            a.AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Negates every element.</summary>
    public static Tensor operator -(Tensor a) => 0.0 - a;

    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(Tensor a, double s)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = new double[a.Count];
        TensorPrimitives.Multiply(a._data, s, y);
        var result = new Tensor(y, a._shape);
        if (!Records(a)) return result;
        return result.Record("*", [a], () =>
        {
            var ga = new double[y.Length];
            TensorPrimitives.Multiply(result.GradData, s, ga);
            a.AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(double s, Tensor a) => a * s;

    /// <summary>Divides every element by a number.</summary>
    public static Tensor operator /(Tensor a, double s) => a * (1.0 / s);

    /// <summary>Divides a number by every element.</summary>
    public static Tensor operator /(double s, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = new double[a.Count];
        TensorPrimitives.Divide(s, a._data, y);
        var result = new Tensor(y, a._shape);
        if (!Records(a)) return result;
        return result.Record("/", [a], () =>
        {
            // d(s/a)/da = -s/a² = -(s/a)/a
            var ga = new double[y.Length];
            TensorPrimitives.Multiply(result.GradData, y, ga);
            TensorPrimitives.Divide(ga, a._data, ga);
            TensorPrimitives.Negate(ga, ga);
            a.AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Raises every element to a fixed power.</summary>
    public Tensor Pow(double exponent)
    {
        var y = new double[Count];
        TensorPrimitives.Pow(_data, exponent, y);
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record($"**{exponent}", [this], () =>
        {
            // d(x^p)/dx = p·x^(p-1)
            var ga = new double[y.Length];
            TensorPrimitives.Pow(_data, exponent - 1, ga);
            TensorPrimitives.Multiply(ga, exponent, ga);
            TensorPrimitives.Multiply(ga, result.GradData, ga);
            AccumulateOwnedGrad(ga);
        });
    }
}
