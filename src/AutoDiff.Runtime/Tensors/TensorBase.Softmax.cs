using System.Numerics.Tensors;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>Softmax along <paramref name="axis"/> (default: the last), computed stably by subtracting the maximum first.</summary>
    public TSelf Softmax(int axis = -1) => AlongLastAxis("Softmax", axis, static t => t.SoftmaxLastAxis(log: false));

    /// <summary>log(Softmax) along <paramref name="axis"/>, computed as x - max - log Σ exp(x - max) so it never overflows.</summary>
    public TSelf LogSoftmax(int axis = -1) => AlongLastAxis("LogSoftmax", axis, static t => t.SoftmaxLastAxis(log: true));

    /// <summary>
    /// Mean cross-entropy of logits [batch, classes] against integer class labels (one per row):
    /// mean over rows of -log softmax(row)[label]. Fused, so its gradient is (softmax - onehot) / batch.
    /// <see cref="Recompute"/> reads <paramref name="labels"/> again, so refilling the array gives the next batch's loss.
    /// </summary>
    /// <exception cref="ArgumentException">The logits are not 2-D, the label count differs from the batch, or a label is not a class index.</exception>
    public TSelf CrossEntropy(int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Rank != 2) throw new ArgumentException($"CrossEntropy: logits must have shape [batch, classes], got {ShapeText}");
        int batch = _shape[0], classes = _shape[1];
        if (labels.Length != batch)
            throw new ArgumentException($"CrossEntropy: {labels.Length} labels for logits of shape {ShapeText} (batch {batch})", nameof(labels));
        var logProbabilities = new T[Count];
        var result = Uninitialized([]);
        return result.Compute(Records(this), "cross_entropy", [Self], () =>
        {
            T total = T.Zero;
            for (int i = 0; i < batch; i++)
            {
                if ((uint)labels[i] >= (uint)classes)
                    throw new ArgumentOutOfRangeException(nameof(labels),
                        $"CrossEntropy: label {labels[i]} at row {i} is not a class index: there are {classes} classes (0 to {classes - 1})");
                var row = logProbabilities.AsSpan(i * classes, classes);
                LogSoftmaxRow(_data.AsSpan(i * classes, classes), row);
                total -= row[labels[i]];
            }
            result._data[0] = batch == 0 ? T.Zero : total / T.CreateChecked(batch);
        }, () =>
        {
            T scale = result.GradData[0] / T.CreateChecked(batch);
            var scratch = result.Scratch(Count);
            TensorPrimitives.Exp(logProbabilities, scratch);
            for (int i = 0; i < batch; i++) scratch[i * classes + labels[i]] -= T.One;
            var grad = GradBuffer();
            TensorPrimitives.MultiplyAdd(scratch, scale, grad, grad);
        });
    }

    /// <summary>Mean squared error: mean((this - target)²), with broadcasting.</summary>
    public TSelf Mse(TensorBase<TSelf, T> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ShapeMath.Broadcast("Mse", _shape, target._shape);
        return (this - target).Pow(T.CreateChecked(2)).Mean();
    }

    private TSelf AlongLastAxis(string op, int axis, Func<TSelf, TSelf> lastAxisOp)
    {
        if (Rank == 0) throw new ArgumentException($"{op}: a scalar tensor has no axis to normalize over");
        int a = ShapeMath.Axis(op, axis, _shape);
        if (a == Rank - 1) return lastAxisOp(Self);
        // Move the axis last, work on contiguous rows, move it back: the permutes carry the gradient.
        var moved = Transpose(a, Rank - 1);
        return lastAxisOp(moved).Transpose(a, Rank - 1);
    }

    private TSelf SoftmaxLastAxis(bool log)
    {
        int length = _shape[^1], rows = length == 0 ? 0 : Count / length;
        var result = Uninitialized(_shape);
        var y = result._data;
        return result.Compute(Records(this), log ? "log_softmax" : "softmax", [Self], () =>
        {
            for (int r = 0; r < rows; r++)
            {
                var dst = y.AsSpan(r * length, length);
                LogSoftmaxRow(_data.AsSpan(r * length, length), dst);
                if (!log) TensorPrimitives.Exp(dst, dst);
            }
        }, () =>
        {
            var g = result.GradData;
            var scratch = result.Scratch(Count);
            for (int r = 0; r < rows; r++)
            {
                var gRow = g.AsSpan(r * length, length);
                var yRow = y.AsSpan(r * length, length);
                var dst = scratch.AsSpan(r * length, length);
                if (log)
                {
                    // d logsoftmax: g - softmax·Σg
                    TensorPrimitives.Exp(yRow, dst);
                    TensorPrimitives.Multiply(dst, -TensorPrimitives.Sum<T>(gRow), dst);
                    TensorPrimitives.Add(dst, gRow, dst);
                }
                else
                {
                    // d softmax: y·(g - Σ g·y)
                    TensorPrimitives.Subtract(gRow, TensorPrimitives.Dot<T>(gRow, yRow), dst);
                    TensorPrimitives.Multiply(dst, yRow, dst);
                }
            }
            AccumulateGrad(scratch);
        });
    }

    /// <summary>log softmax of one row into <paramref name="dst"/>: x - max - log Σ exp(x - max).</summary>
    private static void LogSoftmaxRow(ReadOnlySpan<T> x, Span<T> dst)
    {
        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, dst);
        T sum = T.Zero;
        foreach (T d in dst) sum += T.Exp(d);
        TensorPrimitives.Subtract(dst, T.Log(sum), dst);
    }
}
