namespace AutoDiff;

public sealed partial class Value
{
    private const byte Unseen = 0;
    private const byte Expanded = 1;
    private const byte Placed = 2;

    // Reused between calls on the same thread so a training step allocates no traversal buffers.
    [ThreadStatic] private static Value[]? t_order;
    [ThreadStatic] private static Value[]? t_stack;

    /// <summary>
    /// Sets this value's gradient to 1 and propagates gradients to every value it depends on, in reverse
    /// topological order. Gradients are added (<c>+=</c>), so a value used twice collects both
    /// contributions. The traversal uses an explicit stack: a chain of millions of nodes is fine.
    /// Non-finite numbers flow through as IEEE 754 says; they never make this throw.
    /// </summary>
    public void Backward()
    {
        int count = TopologicalOrder(out Value[] order);
        _grad = 1.0;
        for (int i = count - 1; i >= 0; i--)
        {
            Value node = order[i];
            order[i] = null!; // do not keep the graph alive through the thread's buffer
            node._mark = Unseen;
            node.PropagateToOperands();
        }
    }

    // Post-order depth-first traversal without recursion: operands come before the values computed from them.
    private int TopologicalOrder(out Value[] order)
    {
        order = t_order ??= new Value[1024];
        Value[] stack = t_stack ??= new Value[1024];
        int count = 0;
        int depth = 0;
        int deepest = 0;
        stack[depth++] = this;
        while (depth > 0)
        {
            Value node = stack[depth - 1];
            if (node._mark == Unseen)
            {
                node._mark = Expanded;
                if (depth + 2 > stack.Length)
                {
                    Array.Resize(ref stack, stack.Length * 2);
                    t_stack = stack;
                }

                if (node._right is { _mark: Unseen } right)
                {
                    stack[depth++] = right;
                }

                if (node._left is { _mark: Unseen } left)
                {
                    stack[depth++] = left;
                }

                deepest = Math.Max(deepest, depth);
                continue;
            }

            depth--;
            if (node._mark == Expanded)
            {
                node._mark = Placed;
                if (count == order.Length)
                {
                    Array.Resize(ref order, order.Length * 2);
                    t_order = order;
                }

                order[count++] = node;
            }
        }

        Array.Clear(stack, 0, deepest);
        return count;
    }

    // The local derivatives of Value.Operations.cs and ValueMath.cs, times this node's gradient.
    private void PropagateToOperands()
    {
        double g = _grad;
        Value? a = _left;
        Value? b = _right;
        switch (_op)
        {
            case ValueOp.Leaf:
                return;
            case ValueOp.Add:
                a!._grad += g;
                b!._grad += g;
                return;
            case ValueOp.Sub:
                a!._grad += g;
                b!._grad -= g;
                return;
            case ValueOp.Mul:
                a!._grad += b!._data * g;
                b._grad += a._data * g;
                return;
            case ValueOp.Div:
                a!._grad += g / b!._data;
                b._grad -= g * _data / b._data;
                return;
            case ValueOp.Neg:
                a!._grad -= g;
                return;
            case ValueOp.PowConst:
                a!._grad += _constant * Math.Pow(a._data, _constant - 1.0) * g;
                return;
            case ValueOp.Pow:
                a!._grad += b!._data * Math.Pow(a._data, b._data - 1.0) * g;
                b._grad += (a._data == 0.0 && b._data >= 0.0 ? 0.0 : _data * Math.Log(a._data)) * g;
                return;
            case ValueOp.Exp:
                a!._grad += _data * g;
                return;
            case ValueOp.Log:
                a!._grad += g / a._data;
                return;
            case ValueOp.LogBase:
                a!._grad += g / (a._data * Math.Log(_constant));
                return;
            case ValueOp.Tanh:
                a!._grad += (1.0 - _data * _data) * g;
                return;
            case ValueOp.Relu:
                a!._grad += _data > 0.0 ? g : 0.0;
                return;
            case ValueOp.Sigmoid:
                a!._grad += _data * (1.0 - _data) * g;
                return;
            case ValueOp.Sqrt:
                a!._grad += g / (2.0 * _data);
                return;
            case ValueOp.Cbrt:
                a!._grad += g / (3.0 * _data * _data);
                return;
            case ValueOp.Sin:
                a!._grad += Math.Cos(a._data) * g;
                return;
            case ValueOp.Cos:
                a!._grad -= Math.Sin(a._data) * g;
                return;
            case ValueOp.Tan:
                a!._grad += (1.0 + _data * _data) * g;
                return;
            case ValueOp.Asin:
                a!._grad += g / Math.Sqrt(1.0 - a._data * a._data);
                return;
            case ValueOp.Acos:
                a!._grad -= g / Math.Sqrt(1.0 - a._data * a._data);
                return;
            case ValueOp.Atan:
                a!._grad += g / (1.0 + a._data * a._data);
                return;
            case ValueOp.Atan2:
            {
                // a is y, b is x: d/dy = x / (x² + y²), d/dx = -y / (x² + y²).
                double r2 = a!._data * a._data + b!._data * b._data;
                a._grad += b._data / r2 * g;
                b._grad -= a._data / r2 * g;
                return;
            }
            case ValueOp.Sinh:
                a!._grad += Math.Cosh(a._data) * g;
                return;
            case ValueOp.Cosh:
                a!._grad += Math.Sinh(a._data) * g;
                return;
            case ValueOp.Asinh:
                a!._grad += g / Math.Sqrt(a._data * a._data + 1.0);
                return;
            case ValueOp.Acosh:
                a!._grad += g / Math.Sqrt(a._data * a._data - 1.0);
                return;
            case ValueOp.Atanh:
                a!._grad += g / (1.0 - a._data * a._data);
                return;
            case ValueOp.Abs:
                a!._grad += a._data > 0.0 ? g : a._data < 0.0 ? -g : 0.0;
                return;
            case ValueOp.Max:
                if (a!._data >= b!._data) { a._grad += g; } else { b._grad += g; }
                return;
            case ValueOp.Min:
                if (a!._data <= b!._data) { a._grad += g; } else { b._grad += g; }
                return;
            case ValueOp.Hypot:
                // d/dx = x / hypot, d/dy = y / hypot
                a!._grad += a._data / _data * g;
                b!._grad += b._data / _data * g;
                return;
            case ValueOp.CopySign:
                // |x| with y's sign: d/dx = sign(x) · (±1 by y's sign bit); flat in y.
                a!._grad += Math.Sign(a._data) * Math.CopySign(1.0, b!._data) * g;
                return;
            case ValueOp.ScaleB:
                a!._grad += Math.ScaleB(1.0, (int)_constant) * g;
                return;
            default:
                // Floor, Ceiling, Round, Truncate, Sign: piecewise constant, zero derivative.
                return;
        }
    }
}
