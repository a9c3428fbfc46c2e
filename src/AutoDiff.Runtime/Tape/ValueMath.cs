namespace AutoDiff;

/// <summary>
/// <see cref="Math"/>'s functions on the tape, under the same names, so that code written against
/// <c>Math.X(a)</c> differentiates as <c>ValueMath.X(a)</c> (the generator's runtime-tape fallback does this
/// rewrite). Arguments that are plain doubles convert to constant leaves.
/// </summary>
/// <remarks>
/// Conventions where the derivative is not defined: <see cref="Abs"/>'(0) = 0; <see cref="Max"/> and
/// <see cref="Min"/> send the whole gradient to the first argument on a tie; <see cref="Floor"/>,
/// <see cref="Ceiling"/>, <see cref="Round(Value)"/>, <see cref="Truncate"/> and <see cref="Sign"/> have zero
/// derivative everywhere. Outside a function's domain results follow IEEE 754 (NaN or ±Infinity), and so
/// do derivatives at the domain's edge (e.g. <see cref="Sqrt"/>'(0) = +Infinity).
/// </remarks>
public static class ValueMath
{
    /// <summary>Sine.</summary>
    /// <param name="a">Angle in radians.</param>
    /// <returns>A node <c>sin(a)</c>.</returns>
    public static Value Sin(Value a) => Value.Unary(Math.Sin(a.Data), ValueOp.Sin, a); // d/da = cos(a)

    /// <summary>Cosine.</summary>
    /// <param name="a">Angle in radians.</param>
    /// <returns>A node <c>cos(a)</c>.</returns>
    public static Value Cos(Value a) => Value.Unary(Math.Cos(a.Data), ValueOp.Cos, a); // d/da = -sin(a)

    /// <summary>Tangent.</summary>
    /// <param name="a">Angle in radians.</param>
    /// <returns>A node <c>tan(a)</c>.</returns>
    public static Value Tan(Value a) => Value.Unary(Math.Tan(a.Data), ValueOp.Tan, a); // d/da = 1 + tan²(a)

    /// <summary>Arcsine; NaN outside [-1, 1].</summary>
    /// <param name="a">The sine.</param>
    /// <returns>A node <c>asin(a)</c>.</returns>
    public static Value Asin(Value a) => Value.Unary(Math.Asin(a.Data), ValueOp.Asin, a); // d/da = 1/sqrt(1 - a²)

    /// <summary>Arccosine; NaN outside [-1, 1].</summary>
    /// <param name="a">The cosine.</param>
    /// <returns>A node <c>acos(a)</c>.</returns>
    public static Value Acos(Value a) => Value.Unary(Math.Acos(a.Data), ValueOp.Acos, a); // d/da = -1/sqrt(1 - a²)

    /// <summary>Arctangent.</summary>
    /// <param name="a">The tangent.</param>
    /// <returns>A node <c>atan(a)</c>.</returns>
    public static Value Atan(Value a) => Value.Unary(Math.Atan(a.Data), ValueOp.Atan, a); // d/da = 1/(1 + a²)

    /// <summary>The angle of the point (x, y), as <see cref="Math.Atan2"/>.</summary>
    /// <param name="y">The y coordinate.</param>
    /// <param name="x">The x coordinate.</param>
    /// <returns>A node <c>atan2(y, x)</c>.</returns>
    public static Value Atan2(Value y, Value x) =>
        Value.Binary(Math.Atan2(y.Data, x.Data), ValueOp.Atan2, y, x); // d/dy = x/(x²+y²), d/dx = -y/(x²+y²)

    /// <summary>Hyperbolic sine.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>sinh(a)</c>.</returns>
    public static Value Sinh(Value a) => Value.Unary(Math.Sinh(a.Data), ValueOp.Sinh, a); // d/da = cosh(a)

    /// <summary>Inverse hyperbolic sine.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>asinh(a)</c>.</returns>
    public static Value Asinh(Value a) => Value.Unary(Math.Asinh(a.Data), ValueOp.Asinh, a); // d/da = 1/sqrt(a² + 1)

    /// <summary>Inverse hyperbolic cosine, defined for a ≥ 1.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>acosh(a)</c>.</returns>
    public static Value Acosh(Value a) => Value.Unary(Math.Acosh(a.Data), ValueOp.Acosh, a); // d/da = 1/sqrt(a² - 1)

    /// <summary>Inverse hyperbolic tangent, defined for -1 &lt; a &lt; 1.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>atanh(a)</c>.</returns>
    public static Value Atanh(Value a) => Value.Unary(Math.Atanh(a.Data), ValueOp.Atanh, a); // d/da = 1/(1 - a²)

    /// <summary>Hyperbolic cosine.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>cosh(a)</c>.</returns>
    public static Value Cosh(Value a) => Value.Unary(Math.Cosh(a.Data), ValueOp.Cosh, a); // d/da = sinh(a)

    /// <summary>Hyperbolic tangent.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>tanh(a)</c>.</returns>
    public static Value Tanh(Value a) => a.Tanh();

    /// <summary>e raised to <paramref name="a"/>.</summary>
    /// <param name="a">The exponent.</param>
    /// <returns>A node <c>exp(a)</c>.</returns>
    public static Value Exp(Value a) => a.Exp();

    /// <summary>Natural logarithm.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>ln(a)</c>.</returns>
    public static Value Log(Value a) => a.Log();

    /// <summary>Logarithm in a constant base.</summary>
    /// <param name="a">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>A node <c>log_newBase(a)</c>.</returns>
    public static Value Log(Value a, double newBase) =>
        Value.Unary(Math.Log(a.Data, newBase), ValueOp.LogBase, a, newBase); // d/da = 1/(a·ln base)

    /// <summary>Logarithm in a base that is itself on the tape: <c>ln a / ln base</c>.</summary>
    /// <param name="a">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>A node <c>log_newBase(a)</c>.</returns>
    public static Value Log(Value a, Value newBase) => a.Log() / newBase.Log();

    /// <summary>Base-10 logarithm.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>log10(a)</c>.</returns>
    public static Value Log10(Value a) =>
        Value.Unary(Math.Log10(a.Data), ValueOp.LogBase, a, 10.0); // Math.Log10, not Math.Log(a, 10): the same bits as the primal

    /// <summary>Base-2 logarithm.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>log2(a)</c>.</returns>
    public static Value Log2(Value a) =>
        Value.Unary(Math.Log2(a.Data), ValueOp.LogBase, a, 2.0); // Math.Log2, not Math.Log(a, 2): the same bits as the primal

    /// <summary>Square root.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>sqrt(a)</c>.</returns>
    public static Value Sqrt(Value a) => a.Sqrt();

    /// <summary>Cube root, defined for negative numbers too; its derivative at 0 is +Infinity.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>cbrt(a)</c>.</returns>
    public static Value Cbrt(Value a) => Value.Unary(Math.Cbrt(a.Data), ValueOp.Cbrt, a); // d/da = 1/(3·cbrt(a)²)

    /// <summary><paramref name="x"/> raised to a power on the tape (see <see cref="Value.Pow(Value)"/>).</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>A node <c>x ** y</c>.</returns>
    public static Value Pow(Value x, Value y) => x.Pow(y);

    /// <summary><paramref name="x"/> raised to a constant power.</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The constant exponent.</param>
    /// <returns>A node <c>x ** y</c>.</returns>
    public static Value Pow(Value x, double y) => x.Pow(y);

    /// <summary>Absolute value; its derivative at 0 is taken as 0.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node <c>|a|</c>.</returns>
    public static Value Abs(Value a) => Value.Unary(Math.Abs(a.Data), ValueOp.Abs, a); // d/da = sign(a)

    /// <summary>The larger of two values; on a tie the gradient goes to <paramref name="val1"/>.</summary>
    /// <param name="val1">First argument.</param>
    /// <param name="val2">Second argument.</param>
    /// <returns>A node <c>max(val1, val2)</c>.</returns>
    public static Value Max(Value val1, Value val2) =>
        Value.Binary(Math.Max(val1.Data, val2.Data), ValueOp.Max, val1, val2); // 1 to the chosen argument

    /// <summary>The smaller of two values; on a tie the gradient goes to <paramref name="val1"/>.</summary>
    /// <param name="val1">First argument.</param>
    /// <param name="val2">Second argument.</param>
    /// <returns>A node <c>min(val1, val2)</c>.</returns>
    public static Value Min(Value val1, Value val2) =>
        Value.Binary(Math.Min(val1.Data, val2.Data), ValueOp.Min, val1, val2); // 1 to the chosen argument

    /// <summary>
    /// <paramref name="value"/> limited to [min, max], as <c>Min(Max(value, min), max)</c>: on the
    /// boundary the gradient goes to <paramref name="value"/>.
    /// </summary>
    /// <param name="value">The value to limit.</param>
    /// <param name="min">Lower bound.</param>
    /// <param name="max">Upper bound.</param>
    /// <returns>The clamped node.</returns>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public static Value Clamp(Value value, Value min, Value max)
    {
        if (min.Data > max.Data)
        {
            // Math.Clamp's own exception, message and all, as the code this runs in place of throws it.
            Math.Clamp(value.Data, min.Data, max.Data);
        }

        return Min(Max(value, min), max);
    }

    /// <summary>Largest integer not above <paramref name="a"/>; zero derivative.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node holding <c>Math.Floor(a)</c>.</returns>
    public static Value Floor(Value a) => Value.Unary(Math.Floor(a.Data), ValueOp.Floor, a);

    /// <summary>Smallest integer not below <paramref name="a"/>; zero derivative.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node holding <c>Math.Ceiling(a)</c>.</returns>
    public static Value Ceiling(Value a) => Value.Unary(Math.Ceiling(a.Data), ValueOp.Ceiling, a);

    /// <summary>Nearest integer, ties to even as <see cref="Math.Round(double)"/>; zero derivative.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node holding <c>Math.Round(a)</c>.</returns>
    public static Value Round(Value a) => Value.Unary(Math.Round(a.Data), ValueOp.Round, a);

    /// <summary>Integer part; zero derivative.</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node holding <c>Math.Truncate(a)</c>.</returns>
    public static Value Truncate(Value a) => Value.Unary(Math.Truncate(a.Data), ValueOp.Truncate, a);

    /// <summary>-1, 0 or 1 as a value; zero derivative. NaN input gives NaN (where Math.Sign would throw).</summary>
    /// <param name="a">The argument.</param>
    /// <returns>A node holding the sign of <paramref name="a"/>.</returns>
    public static Value Sign(Value a) =>
        Value.Unary(double.IsNaN(a.Data) ? double.NaN : Math.Sign(a.Data), ValueOp.Sign, a);

    /// <summary>Rounded to <paramref name="digits"/> fractional digits; zero derivative.</summary>
    /// <param name="a">The argument.</param>
    /// <param name="digits">How many fractional digits to keep.</param>
    /// <returns>A node holding <c>Math.Round(a, digits)</c>.</returns>
    public static Value Round(Value a, int digits) => Value.Unary(Math.Round(a.Data, digits), ValueOp.Round, a);

    /// <summary>Nearest integer, ties broken by <paramref name="mode"/>; zero derivative.</summary>
    /// <param name="a">The argument.</param>
    /// <param name="mode">How a value halfway between two integers is rounded.</param>
    /// <returns>A node holding <c>Math.Round(a, mode)</c>.</returns>
    public static Value Round(Value a, MidpointRounding mode) => Value.Unary(Math.Round(a.Data, mode), ValueOp.Round, a);

    /// <summary>The length of the vector (x, y), as <see cref="double.Hypot"/>: without overflow for large inputs.</summary>
    /// <param name="x">The first coordinate.</param>
    /// <param name="y">The second coordinate.</param>
    /// <returns>A node <c>sqrt(x² + y²)</c>.</returns>
    public static Value Hypot(Value x, Value y) => Value.Binary(double.Hypot(x.Data, y.Data), ValueOp.Hypot, x, y); // d/dx = x/hypot

    /// <summary>The magnitude of <paramref name="x"/> with the sign of <paramref name="y"/>.</summary>
    /// <param name="x">The magnitude.</param>
    /// <param name="y">The value whose sign is taken; no gradient flows to it.</param>
    /// <returns>A node <c>copysign(x, y)</c>.</returns>
    public static Value CopySign(Value x, Value y) => Value.Binary(Math.CopySign(x.Data, y.Data), ValueOp.CopySign, x, y);

    /// <summary><paramref name="x"/> · 2^<paramref name="n"/>, computed exactly.</summary>
    /// <param name="x">The value to scale.</param>
    /// <param name="n">The power of two.</param>
    /// <returns>A node <c>scaleb(x, n)</c>.</returns>
    public static Value ScaleB(Value x, int n) => Value.Unary(Math.ScaleB(x.Data, n), ValueOp.ScaleB, x, n); // d/dx = 2^n

    /// <summary>
    /// <c>a · b + c</c> rounded once, as <see cref="Math.FusedMultiplyAdd"/>. The graph holds the product and the sum
    /// (so the gradient is the product rule's), with the sum's value the fused one.
    /// </summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="c">The addend.</param>
    /// <returns>A node <c>a · b + c</c>.</returns>
    public static Value FusedMultiplyAdd(Value a, Value b, Value c) =>
        Value.Binary(Math.FusedMultiplyAdd(a.Data, b.Data, c.Data), ValueOp.Add, a * b, c);
}
