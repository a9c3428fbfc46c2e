namespace AutoDiff;

// Each operation computes its result and records its operands; the comment beside it is the local
// derivative that Backward (Value.Backward.cs) applies for that operation, case by case.
public sealed partial class Value
{
    /// <summary>Adds two values.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A node <c>a + b</c>.</returns>
    public static Value operator +(Value a, Value b) => new(a._data + b._data, ValueOp.Add, a, b); // d/da = 1, d/db = 1

    /// <summary>Subtracts two values.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A node <c>a - b</c>.</returns>
    public static Value operator -(Value a, Value b) => new(a._data - b._data, ValueOp.Sub, a, b); // d/da = 1, d/db = -1

    /// <summary>Multiplies two values.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>A node <c>a * b</c>.</returns>
    public static Value operator *(Value a, Value b) => new(a._data * b._data, ValueOp.Mul, a, b); // d/da = b, d/db = a

    /// <summary>Divides two values; division by zero gives ±Infinity or NaN as IEEE 754 says.</summary>
    /// <param name="a">Numerator.</param>
    /// <param name="b">Denominator.</param>
    /// <returns>A node <c>a / b</c>.</returns>
    public static Value operator /(Value a, Value b) => new(a._data / b._data, ValueOp.Div, a, b); // d/da = 1/b, d/db = -a/b²

    /// <summary>Negates a value.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>A node <c>-a</c>.</returns>
    public static Value operator -(Value a) => new(-a._data, ValueOp.Neg, a); // d/da = -1

    /// <summary>Compares <see cref="Data"/>; records nothing on the tape.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns><c>a.Data &lt; b.Data</c>.</returns>
    public static bool operator <(Value a, Value b) => a._data < b._data;

    /// <summary>Compares <see cref="Data"/>; records nothing on the tape.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns><c>a.Data &gt; b.Data</c>.</returns>
    public static bool operator >(Value a, Value b) => a._data > b._data;

    /// <summary>Compares <see cref="Data"/>; records nothing on the tape.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns><c>a.Data &lt;= b.Data</c>.</returns>
    public static bool operator <=(Value a, Value b) => a._data <= b._data;

    /// <summary>Compares <see cref="Data"/>; records nothing on the tape.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns><c>a.Data &gt;= b.Data</c>.</returns>
    public static bool operator >=(Value a, Value b) => a._data >= b._data;

    /// <summary>Raises this value to a constant power (micrograd's <c>x**n</c>).</summary>
    /// <param name="exponent">The constant exponent; it gets no gradient.</param>
    /// <returns>A node <c>this ** exponent</c>.</returns>
    public Value Pow(double exponent) =>
        new(Math.Pow(_data, exponent), ValueOp.PowConst, this, null, exponent); // d/dx = n·x^(n-1)

    /// <summary>
    /// Raises this value to a power that is itself on the tape. The exponent's derivative is
    /// <c>a^b·ln a</c>: NaN for a negative base (IEEE), and 0 for a zero base with a non-negative exponent
    /// (the one-sided limit, as PyTorch defines it).
    /// </summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>A node <c>this ** exponent</c>.</returns>
    public Value Pow(Value exponent) =>
        new(Math.Pow(_data, exponent._data), ValueOp.Pow, this, exponent); // d/da = b·a^(b-1), d/db = a^b·ln a

    /// <summary>e raised to this value.</summary>
    /// <returns>A node <c>exp(this)</c>.</returns>
    public Value Exp() => new(Math.Exp(_data), ValueOp.Exp, this); // d/dx = exp(x)

    /// <summary>Natural logarithm; <c>Log(0) = -Infinity</c> and <c>Log(-1) = NaN</c> as IEEE 754 says.</summary>
    /// <returns>A node <c>ln(this)</c>.</returns>
    public Value Log() => new(Math.Log(_data), ValueOp.Log, this); // d/dx = 1/x

    /// <summary>Hyperbolic tangent, the seeds' activation.</summary>
    /// <returns>A node <c>tanh(this)</c>.</returns>
    public Value Tanh() => new(Math.Tanh(_data), ValueOp.Tanh, this); // d/dx = 1 - tanh²(x)

    /// <summary>Rectified linear unit, micrograd's activation. Its derivative at 0 is taken as 0.</summary>
    /// <returns>A node <c>max(0, this)</c>.</returns>
    public Value Relu() => new(_data > 0 ? _data : 0.0, ValueOp.Relu, this); // d/dx = x > 0 ? 1 : 0

    /// <summary>Logistic sigmoid, computed without overflow for large |x|.</summary>
    /// <returns>A node <c>1 / (1 + exp(-this))</c>.</returns>
    public Value Sigmoid() => new(StableSigmoid(_data), ValueOp.Sigmoid, this); // d/dx = s·(1 - s)

    /// <summary>Square root; negative input gives NaN, and the derivative at 0 is +Infinity.</summary>
    /// <returns>A node <c>sqrt(this)</c>.</returns>
    public Value Sqrt() => new(Math.Sqrt(_data), ValueOp.Sqrt, this); // d/dx = 1 / (2·sqrt(x))

    /// <summary>Creates a one-operand node; <see cref="ValueMath"/> builds its functions with it.</summary>
    internal static Value Unary(double data, ValueOp op, Value operand, double constant = 0.0) =>
        new(data, op, operand, null, constant);

    /// <summary>Creates a two-operand node; <see cref="ValueMath"/> builds its functions with it.</summary>
    internal static Value Binary(double data, ValueOp op, Value left, Value right) => new(data, op, left, right);

    private static double StableSigmoid(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
    }
}
