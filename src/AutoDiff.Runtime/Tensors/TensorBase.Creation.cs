using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>
    /// A tensor holding a copy of <paramref name="data"/> in row-major order. Without a shape it is 1-D of the data's length.
    /// </summary>
    /// <exception cref="ArgumentException">The data length differs from the number of elements the shape needs.</exception>
    public static TSelf From(T[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0) shape = [data.Length];
        ShapeMath.Validate("From", shape);
        int count = ShapeMath.Count(shape);
        if (count != data.Length)
            throw new ArgumentException($"From: data has {data.Length} elements but shape {ShapeMath.Format(shape)} needs {count}", nameof(data));
        return TSelf.Wrap((T[])data.Clone(), (int[])shape.Clone());
    }

    /// <summary>A 2-D tensor from a rectangular array: <c>[rows, columns]</c>.</summary>
    public static TSelf From(T[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int rows = data.GetLength(0), columns = data.GetLength(1);
        var flat = new T[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                flat[i * columns + j] = data[i, j];
        return TSelf.Wrap(flat, [rows, columns]);
    }

    /// <summary>A rank-0 tensor holding one number.</summary>
    public static TSelf Scalar(T value) => TSelf.Wrap([value], []);

    /// <summary>A tensor of zeros.</summary>
    public static TSelf Zeros(params int[] shape) => Full(T.Zero, shape);

    /// <summary>A tensor of ones.</summary>
    public static TSelf Ones(params int[] shape) => Full(T.One, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static TSelf Full(T value, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ShapeMath.Validate("Full", shape);
        var data = new T[ShapeMath.Count(shape)];
        if (value != T.Zero) Array.Fill(data, value);
        return TSelf.Wrap(data, (int[])shape.Clone());
    }

    /// <summary>Zeros with the shape of <paramref name="like"/>.</summary>
    public static TSelf ZerosLike(TensorBase<TSelf, T> like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Zeros(like._shape);
    }

    /// <summary>Ones with the shape of <paramref name="like"/> (the usual seed for <see cref="Backward(TSelf)"/>).</summary>
    public static TSelf OnesLike(TensorBase<TSelf, T> like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Ones(like._shape);
    }

    /// <summary>1-D <c>start, start+step, …</c> up to but excluding <paramref name="stop"/>, like numpy's arange.</summary>
    public static TSelf Arange(double start, double stop, double step = 1.0)
    {
        if (step == 0 || double.IsNaN(step)) throw new ArgumentException("Arange: step must be non-zero", nameof(step));
        int count = Math.Max(0, (int)Math.Ceiling((stop - start) / step));
        var data = new T[count];
        for (int i = 0; i < count; i++) data[i] = T.CreateTruncating(start + i * step);
        return TSelf.Wrap(data, [count]);
    }

    /// <summary>1-D <c>0, 1, …, count-1</c>.</summary>
    public static TSelf Arange(int count) => Arange(0, count);

    /// <summary>
    /// Independent uniform samples in [<paramref name="low"/>, <paramref name="high"/>); a seed makes them reproducible.
    /// Drawn in double and rounded, so a double and a float tensor with the same seed hold the same numbers.
    /// </summary>
    public static TSelf RandomUniform(int[] shape, double low = 0.0, double high = 1.0, int? seed = null) =>
        RandomUniform(shape, low, high, seed is { } s ? new Random(s) : Random.Shared);

    internal static TSelf RandomUniform(int[] shape, double low, double high, Random random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ShapeMath.Validate("RandomUniform", shape);
        var data = new T[ShapeMath.Count(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = T.CreateTruncating(low + (high - low) * random.NextDouble());
        return TSelf.Wrap(data, (int[])shape.Clone());
    }

    /// <summary>Independent normal samples (Box–Muller, in double); a seed makes them reproducible.</summary>
    public static TSelf RandomNormal(int[] shape, double mean = 0.0, double std = 1.0, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ShapeMath.Validate("RandomNormal", shape);
        var random = seed is { } s ? new Random(s) : Random.Shared;
        var data = new T[ShapeMath.Count(shape)];
        for (int i = 0; i < data.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            data[i] = T.CreateTruncating(mean + std * radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < data.Length) data[i + 1] = T.CreateTruncating(mean + std * radius * Math.Sin(2 * Math.PI * u2));
        }
        return TSelf.Wrap(data, (int[])shape.Clone());
    }
}
