using System.Numerics.Tensors;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>Adds a number to every element.</summary>
    public static TSelf operator +(TensorBase<TSelf, T> a, T s)
    {
        var result = Unary(a);
        return result.Compute(Records(a), "+", [a.Self], () => TensorPrimitives.Add(a._data, s, result._data),
            () => a.AccumulateGrad(result.GradData));
    }

    /// <summary>Adds a number to every element.</summary>
    public static TSelf operator +(T s, TensorBase<TSelf, T> a) => a + s;

    /// <summary>Subtracts a number from every element.</summary>
    public static TSelf operator -(TensorBase<TSelf, T> a, T s) => a + -s;

    /// <summary>Subtracts every element from a number.</summary>
    public static TSelf operator -(T s, TensorBase<TSelf, T> a)
    {
        var result = Unary(a);
        return result.Compute(Records(a), "-", [a.Self], () => TensorPrimitives.Subtract(s, a._data, result._data), () =>
        {
            var grad = a.GradBuffer();
            TensorPrimitives.Subtract(grad, result.GradData, grad);
        });
    }

    /// <summary>Negates every element.</summary>
    public static TSelf operator -(TensorBase<TSelf, T> a) => T.Zero - a;

    /// <summary>Multiplies every element by a number.</summary>
    public static TSelf operator *(TensorBase<TSelf, T> a, T s)
    {
        var result = Unary(a);
        return result.Compute(Records(a), "*", [a.Self], () => TensorPrimitives.Multiply(a._data, s, result._data), () =>
        {
            var grad = a.GradBuffer();
            TensorPrimitives.MultiplyAdd(result.GradData, s, grad, grad);
        });
    }

    /// <summary>Multiplies every element by a number.</summary>
    public static TSelf operator *(T s, TensorBase<TSelf, T> a) => a * s;

    /// <summary>Divides every element by a number.</summary>
    public static TSelf operator /(TensorBase<TSelf, T> a, T s) => a * (T.One / s);

    /// <summary>Divides a number by every element.</summary>
    public static TSelf operator /(T s, TensorBase<TSelf, T> a)
    {
        var result = Unary(a);
        return result.Compute(Records(a), "/", [a.Self], () => TensorPrimitives.Divide(s, a._data, result._data), () =>
        {
            // d(s/a)/da = -s/a² = -(s/a)/a
            var scratch = result.Scratch(a.Count);
            TensorPrimitives.Multiply(result.GradData, result._data, scratch);
            TensorPrimitives.Divide(scratch, a._data, scratch);
            var grad = a.GradBuffer();
            TensorPrimitives.Subtract(grad, scratch, grad);
        });
    }

    /// <summary>Raises every element to a fixed power.</summary>
    public TSelf Pow(T exponent)
    {
        var result = Unary(this);
        return result.Compute(Records(this), $"**{exponent}", [Self], () => TensorPrimitives.Pow(_data, exponent, result._data), () =>
        {
            // d(x^p)/dx = p·x^(p-1)
            var scratch = result.Scratch(Count);
            TensorPrimitives.Pow(_data, exponent - T.One, scratch);
            TensorPrimitives.Multiply(scratch, exponent, scratch);
            var grad = GradBuffer();
            TensorPrimitives.MultiplyAdd(scratch, result.GradData, grad, grad);
        });
    }

    /// <summary>Checks the operand and makes a result tensor of its shape.</summary>
    private static TSelf Unary(TensorBase<TSelf, T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Uninitialized(a._shape);
    }
}
