using System.Globalization;
using System.Runtime.InteropServices;
using AutoDiff.Optim;

namespace AutoDiff;

/// <summary>
/// A scalar on the runtime tape, as in micrograd: it holds a number, the gradient of the final output
/// with respect to it, and the operation and (up to two) operands that produced it.
/// </summary>
/// <remarks>
/// A graph of values may be used by one thread at a time; independent graphs can be built and
/// differentiated concurrently on different threads (there is no shared global state).
/// </remarks>
public sealed partial class Value : IParameter
{
    private double _data;
    private double _grad;
    private readonly Value? _left;
    private readonly Value? _right;
    // The exponent of PowConst or the base of LogBase; unused by other operations.
    private readonly double _constant;
    private readonly ValueOp _op;
    // Traversal state of Backward: 0 = not seen, 1 = children pushed, 2 = placed in order. Reset to 0 afterwards.
    private byte _mark;
    private string? _label;

    /// <summary>Creates a leaf value (an input, a weight or a constant).</summary>
    /// <param name="data">The number it holds.</param>
    /// <param name="label">An optional name, shown by <see cref="ToDot"/>.</param>
    public Value(double data, string? label = null)
    {
        _data = data;
        _label = label;
    }

    private Value(double data, ValueOp op, Value left, Value? right = null, double constant = 0.0)
    {
        _data = data;
        _op = op;
        _left = left;
        _right = right;
        _constant = constant;
    }

    /// <summary>The number this value holds. Optimizers update it in place.</summary>
    public double Data
    {
        get => _data;
        set => _data = value;
    }

    /// <summary>
    /// The gradient of the output <see cref="Backward"/> was last called on with respect to this value.
    /// Backward adds into it, so reset it (or call <c>ZeroGrad</c>) between steps.
    /// </summary>
    public double Grad
    {
        get => _grad;
        set => _grad = value;
    }

    /// <summary>A name for display; empty when none was given.</summary>
    public string Label
    {
        get => _label ?? string.Empty;
        set => _label = value;
    }

    /// <summary>
    /// The operation that produced this value: <c>"+"</c>, <c>"*"</c>, <c>"tanh"</c>, <c>"**2"</c> and so on;
    /// empty for a leaf.
    /// </summary>
    public string Op => OpName(_op, _constant);

    /// <summary>The operands this value was computed from (none for a leaf), left operand first.</summary>
    public IReadOnlyList<Value> Children =>
        _left is null ? Array.Empty<Value>()
        : _right is null ? new[] { _left }
        : new[] { _left, _right };

    Span<double> IParameter.Data => MemoryMarshal.CreateSpan(ref _data, 1);

    Span<double> IParameter.Grad => MemoryMarshal.CreateSpan(ref _grad, 1);

    /// <summary>Wraps a constant as a leaf, so that <c>2 * a</c> and <c>a + 1.5</c> work.</summary>
    /// <param name="data">The constant.</param>
    public static implicit operator Value(double data) => new(data);

    /// <summary>Writes the graph below this value in Graphviz DOT, as the seeds' <c>draw_dot</c> does.</summary>
    /// <returns>The DOT text; render it with <see cref="Graphviz.TryRender"/>.</returns>
    public string ToDot() => Graphviz.ToDot(this);

    /// <summary>micrograd's representation, e.g. <c>Value(data=4.0, grad=0.0)</c>, in the invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Value(data={FormatNumber(_data)}, grad={FormatNumber(_grad)})";

    // Python's float repr always shows a decimal point for integral values ("4.0"); round-trip otherwise.
    private static string FormatNumber(double x)
    {
        string text = x.ToString("R", CultureInfo.InvariantCulture);
        bool integral = double.IsFinite(x) && text.IndexOfAny(['.', 'E']) < 0;
        return integral ? text + ".0" : text;
    }

    private static string OpName(ValueOp op, double constant) => op switch
    {
        ValueOp.Leaf => "",
        ValueOp.Add => "+",
        ValueOp.Sub => "-",
        ValueOp.Mul => "*",
        ValueOp.Div => "/",
        ValueOp.Neg => "neg",
        ValueOp.PowConst => "**" + constant.ToString("R", CultureInfo.InvariantCulture),
        ValueOp.Pow => "**",
        ValueOp.LogBase => "log" + constant.ToString("R", CultureInfo.InvariantCulture),
        _ => op.ToString().ToLowerInvariant(),
    };
}
