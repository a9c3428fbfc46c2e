using System.Numerics.Tensors;
using AutoDiff.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    /// <summary>Softmax along <paramref name="axis"/> (default: the last), computed stably by subtracting the maximum first.</summary>
    public Tensor Softmax(int axis = -1) => AlongLastAxis("Softmax", axis, static t => t.SoftmaxLastAxis(log: false));

    /// <summary>log(Softmax) along <paramref name="axis"/>, computed as x - max - log Σ exp(x - max) so it never overflows.</summary>
    public Tensor LogSoftmax(int axis = -1) => AlongLastAxis("LogSoftmax", axis, static t => t.SoftmaxLastAxis(log: true));

    /// <summary>
    /// Mean cross-entropy of logits [batch, classes] against integer class labels (one per row):
    /// mean over rows of -log softmax(row)[label]. Fused, so its gradient is (softmax - onehot) / batch.
    /// </summary>
    /// <exception cref="ArgumentException">The logits are not 2-D, the label count differs from the batch, or a label is not a class index.</exception>
    public Tensor CrossEntropy(int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Rank != 2) throw new ArgumentException($"CrossEntropy: logits must have shape [batch, classes], got {ShapeText}");
        int batch = _shape[0], classes = _shape[1];
        if (labels.Length != batch)
            throw new ArgumentException($"CrossEntropy: {labels.Length} labels for logits of shape {ShapeText} (batch {batch})", nameof(labels));
        for (int i = 0; i < batch; i++)
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels),
                    $"CrossEntropy: label {labels[i]} at row {i} is not a class index: there are {classes} classes (0 to {classes - 1})");

        var logProbabilities = new double[Count];
        double total = 0;
        for (int i = 0; i < batch; i++)
        {
            var row = logProbabilities.AsSpan(i * classes, classes);
            LogSoftmaxRow(_data.AsSpan(i * classes, classes), row);
            total -= row[labels[i]];
        }
        var result = new Tensor([batch == 0 ? 0 : total / batch], []);
        if (!Records(this)) return result;
        return result.Record("cross_entropy", [this], () =>
        {
            double scale = result.GradData[0] / batch;
            var ga = new double[Count];
            TensorPrimitives.Exp(logProbabilities, ga);
            for (int i = 0; i < batch; i++) ga[i * classes + labels[i]] -= 1.0;
            TensorPrimitives.Multiply(ga, scale, ga);
            AccumulateOwnedGrad(ga);
        });
    }

    /// <summary>Mean squared error: mean((this - target)²), with broadcasting.</summary>
    public Tensor Mse(Tensor target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ShapeMath.Broadcast("Mse", _shape, target._shape);
        return (this - target).Pow(2).Mean();
    }

    private Tensor AlongLastAxis(string op, int axis, Func<Tensor, Tensor> lastAxisOp)
    {
        if (Rank == 0) throw new ArgumentException($"{op}: a scalar tensor has no axis to normalize over");
        int a = ShapeMath.Axis(op, axis, _shape);
        if (a == Rank - 1) return lastAxisOp(this);
        // Move the axis last, work on contiguous rows, move it back: the permutes carry the gradient.
        var moved = Transpose(a, Rank - 1);
        return lastAxisOp(moved).Transpose(a, Rank - 1);
    }

    private Tensor SoftmaxLastAxis(bool log)
    {
        int length = _shape[^1], rows = length == 0 ? 0 : Count / length;
        var y = new double[Count];
        for (int r = 0; r < rows; r++)
        {
            var dst = y.AsSpan(r * length, length);
            LogSoftmaxRow(_data.AsSpan(r * length, length), dst);
            if (!log) TensorPrimitives.Exp(dst, dst);
        }
        var result = new Tensor(y, _shape);
        if (!Records(this)) return result;
        return result.Record(log ? "log_softmax" : "softmax", [this], () =>
        {
            var g = result.GradData;
            var ga = new double[Count];
            for (int r = 0; r < rows; r++)
            {
                var gRow = g.AsSpan(r * length, length);
                var yRow = y.AsSpan(r * length, length);
                var dst = ga.AsSpan(r * length, length);
                if (log)
                {
                    // d logsoftmax: g - softmax·Σg
                    TensorPrimitives.Exp(yRow, dst);
                    TensorPrimitives.Multiply(dst, -TensorPrimitives.Sum(gRow), dst);
                    TensorPrimitives.Add(dst, gRow, dst);
                }
                else
                {
                    // d softmax: y·(g - Σ g·y)
                    TensorPrimitives.Subtract(gRow, TensorPrimitives.Dot(gRow, yRow), dst);
                    TensorPrimitives.Multiply(dst, yRow, dst);
                }
            }
            AccumulateOwnedGrad(ga);
        });
    }

    private static void LogSoftmaxRow(ReadOnlySpan<double> x, Span<double> dst)
    {
        double max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, dst);
        Span<double> exps = dst.Length <= 256 ? stackalloc double[dst.Length] : new double[dst.Length];
        TensorPrimitives.Exp(dst, exps);
        TensorPrimitives.Subtract(dst, Math.Log(TensorPrimitives.Sum<double>(exps)), dst);
    }
}
