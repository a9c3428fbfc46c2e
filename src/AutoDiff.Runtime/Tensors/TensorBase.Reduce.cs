using System.Numerics.Tensors;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    /// <summary>The sum of all elements, as a scalar tensor.</summary>
    public TSelf Sum() => Sum(AllAxes(), keepDims: false);

    /// <summary>The sum along one axis (negative counts from the end).</summary>
    public TSelf Sum(int axis, bool keepDims = false) => Sum([axis], keepDims);

    /// <summary>The sum along the given axes; <paramref name="keepDims"/> keeps them as size 1 (handy for broadcasting back).</summary>
    public TSelf Sum(int[] axes, bool keepDims = false)
    {
        var (keptShape, outShape) = ReducedShapes("Sum", axes, keepDims);
        var result = Uninitialized(outShape);
        return result.Compute(Records(this), "sum", [Self], () =>
        {
            Array.Clear(result._data);
            ReduceKernel.AddSumTo(_data, _shape, keptShape, result._data);
        }, () =>
        {
            var scratch = result.Scratch(Count);
            ReduceKernel.ExpandTo(result.GradData, keptShape, _shape, scratch);
            AccumulateGrad(scratch);
        });
    }

    /// <summary>The mean of all elements, as a scalar tensor.</summary>
    public TSelf Mean() => Mean(AllAxes(), keepDims: false);

    /// <summary>The mean along one axis.</summary>
    public TSelf Mean(int axis, bool keepDims = false) => Mean([axis], keepDims);

    /// <summary>The mean along the given axes.</summary>
    public TSelf Mean(int[] axes, bool keepDims = false)
    {
        var sum = Sum(axes, keepDims);
        int reducedCount = sum.Count == 0 ? 0 : Count / sum.Count;
        return sum / T.CreateChecked(reducedCount);
    }

    /// <summary>The largest element, as a scalar tensor.</summary>
    public TSelf Max() => Max(AllAxes(), keepDims: false);

    /// <summary>The maximum along one axis.</summary>
    public TSelf Max(int axis, bool keepDims = false) => Max([axis], keepDims);

    /// <summary>
    /// The maximum along the given axes. The gradient goes to the maximal elements, split evenly among ties
    /// (like PyTorch's <c>amax</c>).
    /// </summary>
    public TSelf Max(int[] axes, bool keepDims = false)
    {
        var (keptShape, outShape) = ReducedShapes("Max", axes, keepDims);
        if (Count == 0) throw new InvalidOperationException($"Max: tensor of shape {ShapeText} is empty");
        var result = Uninitialized(outShape);
        var y = result._data;
        return result.Compute(Records(this), "max", [Self], () => ReduceKernel.MaxTo(_data, _shape, keptShape, y), () =>
        {
            var maxima = new T[Count];
            ReduceKernel.ExpandTo(y, keptShape, _shape, maxima);
            var isMax = new T[Count];
            for (int i = 0; i < isMax.Length; i++) isMax[i] = _data[i] == maxima[i] ? T.One : T.Zero;
            var share = new T[y.Length];
            ReduceKernel.AddSumTo(isMax, _shape, keptShape, share);
            TensorPrimitives.Divide(result.GradData, share, share);
            ReduceKernel.ExpandTo(share, keptShape, _shape, maxima);
            var grad = GradBuffer();
            TensorPrimitives.MultiplyAdd(maxima, isMax, grad, grad);
        });
    }

    private int[] AllAxes()
    {
        var axes = new int[_shape.Length];
        for (int i = 0; i < axes.Length; i++) axes[i] = i;
        return axes;
    }

    /// <summary>The shape with reduced axes set to 1, and the result shape (those axes dropped unless kept).</summary>
    private (int[] Kept, int[] Result) ReducedShapes(string op, int[] axes, bool keepDims)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var kept = (int[])_shape.Clone();
        var reduced = new bool[_shape.Length];
        foreach (int axis in axes)
        {
            int a = ShapeMath.Axis(op, axis, _shape);
            if (reduced[a]) throw new ArgumentException($"{op}: axis {axis} is listed twice for shape {ShapeText}", nameof(axes));
            reduced[a] = true;
            kept[a] = 1;
        }
        if (keepDims) return (kept, (int[])kept.Clone());
        var result = new List<int>();
        for (int i = 0; i < _shape.Length; i++)
            if (!reduced[i]) result.Add(_shape[i]);
        return (kept, result.ToArray());
    }
}
