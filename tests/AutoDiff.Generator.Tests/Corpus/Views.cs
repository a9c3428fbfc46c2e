using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Read-only views as users take them, <c>x.Slice(start, length)</c>, ranges <c>x[a..b]</c> (from either end) and
/// <c>array.AsSpan(…)</c>: rows of a matrix, a neuron's weights, views of views, <c>foreach</c> over a view. The generator keeps a view as its start and
/// length and reads what it views; <c>ViewTests</c> checks that a view out of range, or an index past its end,
/// throws where the source throws.
/// </summary>
public static partial class Views
{
    private static readonly double[] Inputs = [0.3, -0.8, 1.1];

    // Two rows of three, each read in a loop over the row and at a position that depends on the row.
    [Differentiable(Derivatives.All)]
    public static double Rows(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int r = 0; r < 2; r++)
        {
            ReadOnlySpan<double> row = x.Slice(r * 3, 3);
            for (int i = 0; i < row.Length; i++)
            {
                s += row[i] * row[i] * (r + 1);
            }

            s += Math.Sin(row[2 - r]) * row[0];
        }

        return s;
    }

    // Ranges from the start, to the end and between, a view of a view, foreach over a view.
    [Differentiable(Derivatives.All)]
    public static double Ranges(ReadOnlySpan<double> x)
    {
        var head = x[..3];
        var tail = x[3..];
        var mid = x[1..5];
        var inner = mid.Slice(1, 2);
        double s = 0;
        foreach (double v in head)
        {
            s += Math.Sin(v) * tail[0];
        }

        for (int i = 0; i < inner.Length; i++)
        {
            s += inner[i] * mid[i + 2] * tail[tail.Length - 1];
        }

        return s + (head.Length * mid[3]);
    }

    // A layer of tanh units, each neuron's weights and bias read through its own view, as a hand-written layer does.
    [Differentiable(Derivatives.All)]
    public static double Neurons(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x)
    {
        int fanIn = x.Length;
        int units = w.Length / (fanIn + 1);
        double s = 0;
        for (int j = 0; j < units; j++)
        {
            ReadOnlySpan<double> neuron = w.Slice(j * (fanIn + 1), fanIn + 1);
            double sum = neuron[fanIn];
            for (int i = 0; i < x.Length; i++)
            {
                sum += neuron[i] * x[i];
            }

            s += Math.Tanh(sum) * (j + 1);
        }

        return s;
    }

    // Positions from the end: the last elements, a range between both ends, a view of a view from the end, a
    // table's last entry, and an index from the end that moves with the loop.
    [Differentiable(Derivatives.All)]
    public static double FromTheEnd(ReadOnlySpan<double> x)
    {
        ReadOnlySpan<double> inner = x[1..^1];
        ReadOnlySpan<double> last = x[^3..];
        ReadOnlySpan<double> pair = inner[^3..^1];
        double s = x[^1] * x[0] + Inputs[^1] * inner[^1];
        for (int i = 0; i < last.Length; i++)
        {
            s += Math.Sin(last[i]) * inner[^(i + 1)];
        }

        foreach (double v in pair)
        {
            s += v * v * x[^2];
        }

        return s;
    }

    // A local array written, cleared and filled as users write it (Array.Fill, Array.Clear, b[^1] = …), read through
    // a view taken with AsSpan (a view: it sees the writes made after it, as the source does).
    [Differentiable(Derivatives.All)]
    public static double ArrayBuffer(ReadOnlySpan<double> x)
    {
        var b = new double[x.Length];
        Array.Fill(b, 0.5);
        ReadOnlySpan<double> tail = b.AsSpan(2, x.Length - 2);
        ReadOnlySpan<double> ends = b.AsSpan(^2..);
        double s = 0;
        for (int round = 1; round <= 2; round++)
        {
            for (int i = 0; i < b.Length; i++)
            {
                b[i] += x[i] * round;
            }

            b[^1] = Math.Tanh(b[^1] * b[0]);
            s += tail[0] * ends[1] + ends[0];
            Array.Clear(b);
        }

        return s + b[^2];
    }

    // A tanh unit over a view of its weights (bias last) and a view of its inputs, as a helper users write.
    [Differentiable(Derivatives.All)]
    private static double Unit(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs)
    {
        double sum = weights[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            sum += weights[i] * inputs[i];
        }

        return Math.Tanh(sum);
    }

    [Differentiable(Derivatives.All)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, [NoDerivative] ReadOnlySpan<double> scale)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i] * scale[i];
        }

        return s;
    }

    // Views passed to helpers: each unit's weights sliced in the call, its inputs a view of a local buffer the
    // layer writes into, a declared view of the layer's outputs, a range, and a view of constants for a
    // [NoDerivative] parameter.
    [Differentiable(Derivatives.All)]
    public static double LayerThroughHelper(ReadOnlySpan<double> w)
    {
        Span<double> scale = stackalloc double[4];
        for (int i = 0; i < scale.Length; i++)
        {
            scale[i] = 1.0 + 0.25 * i;
        }

        Span<double> h = stackalloc double[5];
        h[0] = 0.4 + w[0];
        h[1] = -0.3;
        int next = 0;
        for (int j = 0; j < 3; j++)
        {
            h[2 + j] = Unit(w.Slice(next, 3), h.Slice(0, 2));
            next += 3;
        }

        ReadOnlySpan<double> hidden = h[2..];
        return Unit(w[9..], hidden) + Dot(w[..2], h.Slice(2, 2), scale.Slice(1, 2));
    }

    // Views of a local array, of a view and from the end, passed to the same helpers; the array is written after a
    // view of it was passed, and passed again.
    [Differentiable(Derivatives.All)]
    public static double ArrayViewsThroughHelpers(ReadOnlySpan<double> x)
    {
        var b = new double[x.Length];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = x[i] * x[i];
        }

        var scale = new double[4];
        Array.Fill(scale, 0.75);
        ReadOnlySpan<double> row = x.Slice(1, 3);
        double s = Unit(b.AsSpan(0, 3), row[..2]) * Dot(row, x[^3..], scale.AsSpan(1));
        b[0] = s;
        return s + Unit(b.AsSpan(0, 4), b.AsSpan(4, 3));
    }

    // Writable views: an activations buffer filled and written through Span views of it (a copy into one, Fill,
    // Clear, an element from the end, compound assignments, a view of a writable view), then read whole.
    [Differentiable(Derivatives.All)]
    public static double WritableViews(ReadOnlySpan<double> x)
    {
        Span<double> a = stackalloc double[8];
        Span<double> inputs = a[..3];
        ReadOnlySpan<double> head = x[..3];
        head.CopyTo(inputs);
        Span<double> hidden = a.Slice(3, 3);
        hidden.Fill(0.1);
        for (int j = 0; j < hidden.Length; j++)
        {
            double s = x[3 + j];
            for (int i = 0; i < inputs.Length; i++)
            {
                s += inputs[i] * x[(i + j) % x.Length];
            }

            hidden[j] += Math.Tanh(s);
        }

        Span<double> tail = a[^2..];
        tail.Clear();
        tail[^1] = hidden[0] * hidden[^1];
        Span<double> inner = hidden[1..];
        inner[0] *= x[5];
        double total = 0;
        foreach (double v in a)
        {
            total += v * v;
        }

        return total;
    }

    // A whole sequence under another name: a Span over a local array, written through it; the parameter and the
    // written span read again as ReadOnlySpans.
    [Differentiable(Derivatives.All)]
    public static double WholeAliases(ReadOnlySpan<double> x)
    {
        var b = new double[x.Length];
        Span<double> all = b;
        ReadOnlySpan<double> input = x;
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = input[i] * input[(i + 1) % input.Length];
        }

        ReadOnlySpan<double> read = all;
        double s = 0;
        foreach (double v in read)
        {
            s += Math.Sin(v) * b[0];
        }

        return s;
    }

    // A write at k through a view of two (ViewTests).
    [Differentiable]
    public static double WriteAt(ReadOnlySpan<double> x, int k)
    {
        Span<double> b = stackalloc double[4];
        Span<double> part = b.Slice(1, 2);
        part[k] = x[0];
        return b[1] * x[1] + b[2] * x[2];
    }

    // A view of two read at k from its end (ViewTests).
    [Differentiable]
    public static double LastOf(ReadOnlySpan<double> x, int k)
    {
        ReadOnlySpan<double> row = x.Slice(0, 2);
        return row[^k] * x[1];
    }

    // The last k elements (ViewTests).
    [Differentiable]
    public static double LastFew(ReadOnlySpan<double> x, int k)
    {
        ReadOnlySpan<double> row = x[^k..];
        return row[0] * row[^1];
    }

    // A view of two read at k (ViewTests).
    [Differentiable]
    public static double PastTheView(ReadOnlySpan<double> x, int k)
    {
        ReadOnlySpan<double> row = x.Slice(0, 2);
        return row[k] * x[1];
    }

    // A view from k (ViewTests).
    [Differentiable]
    public static double ViewFrom(ReadOnlySpan<double> x, int k)
    {
        ReadOnlySpan<double> row = x.Slice(k, 2);
        return row[0] * row[1];
    }

    public static double PastTheView_Value(double[] p, int k) => PastTheView(p, k);
    public static double PastTheView_Gradient(double[] p, int k, double[] g) => PastTheViewWithGradient(p, k, g);
    public static double WriteAt_Value(double[] p, int k) => WriteAt(p, k);
    public static double WriteAt_Gradient(double[] p, int k, double[] g) => WriteAtWithGradient(p, k, g);
    public static double LastOf_Value(double[] p, int k) => LastOf(p, k);
    public static double LastOf_Gradient(double[] p, int k, double[] g) => LastOfWithGradient(p, k, g);
    public static double LastFew_Value(double[] p, int k) => LastFew(p, k);
    public static double LastFew_Gradient(double[] p, int k, double[] g) => LastFewWithGradient(p, k, g);
    public static double ViewFrom_Value(double[] p, int k) => ViewFrom(p, k);
    public static double ViewFrom_Gradient(double[] p, int k, double[] g) => ViewFromWithGradient(p, k, g);
}

// The probes' entry points (GradientProbe, SecondOrderTests, PushforwardTests call these by name).
public static partial class Views
{
    public static double Rows_Value(double[] p) => Rows(p);
    public static double Rows_Gradient(double[] p, double[] g) => RowsWithGradient(p, g);
    public static void Rows_Pullback(double[] p, double seed, double[] g) => RowsPullback(p, seed, g);
    public static double Rows_Pushforward(double[] p, double[] t, out double tangent) => RowsPushforward(p, t, out tangent);
    public static double Rows_Hvp(double[] p, double[] v, double[] g, double[] h) => RowsHessianVectorProduct(p, v, g, h);
    public static double Rows_Hessian(double[] p, double[] g, double[] m) => RowsWithHessian(p, g, m);

    public static double Ranges_Value(double[] p) => Ranges(p);
    public static double Ranges_Gradient(double[] p, double[] g) => RangesWithGradient(p, g);
    public static void Ranges_Pullback(double[] p, double seed, double[] g) => RangesPullback(p, seed, g);
    public static double Ranges_Pushforward(double[] p, double[] t, out double tangent) => RangesPushforward(p, t, out tangent);
    public static double Ranges_Hvp(double[] p, double[] v, double[] g, double[] h) => RangesHessianVectorProduct(p, v, g, h);
    public static double Ranges_Hessian(double[] p, double[] g, double[] m) => RangesWithHessian(p, g, m);

    public static double Neurons_Value(double[] p) => Neurons(p, Inputs);
    public static double Neurons_Gradient(double[] p, double[] g) => NeuronsWithGradient(p, Inputs, g);
    public static void Neurons_Pullback(double[] p, double seed, double[] g) => NeuronsPullback(p, Inputs, seed, g);
    public static double Neurons_Pushforward(double[] p, double[] t, out double tangent) => NeuronsPushforward(p, Inputs, t, out tangent);
    public static double Neurons_Hvp(double[] p, double[] v, double[] g, double[] h) => NeuronsHessianVectorProduct(p, Inputs, v, g, h);
    public static double Neurons_Hessian(double[] p, double[] g, double[] m) => NeuronsWithHessian(p, Inputs, g, m);

    public static double FromTheEnd_Value(double[] p) => FromTheEnd(p);
    public static double FromTheEnd_Gradient(double[] p, double[] g) => FromTheEndWithGradient(p, g);
    public static void FromTheEnd_Pullback(double[] p, double seed, double[] g) => FromTheEndPullback(p, seed, g);
    public static double FromTheEnd_Pushforward(double[] p, double[] t, out double tangent) => FromTheEndPushforward(p, t, out tangent);
    public static double FromTheEnd_Hvp(double[] p, double[] v, double[] g, double[] h) => FromTheEndHessianVectorProduct(p, v, g, h);
    public static double FromTheEnd_Hessian(double[] p, double[] g, double[] m) => FromTheEndWithHessian(p, g, m);

    public static double ArrayBuffer_Value(double[] p) => ArrayBuffer(p);
    public static double ArrayBuffer_Gradient(double[] p, double[] g) => ArrayBufferWithGradient(p, g);
    public static void ArrayBuffer_Pullback(double[] p, double seed, double[] g) => ArrayBufferPullback(p, seed, g);
    public static double ArrayBuffer_Pushforward(double[] p, double[] t, out double tangent) => ArrayBufferPushforward(p, t, out tangent);
    public static double ArrayBuffer_Hvp(double[] p, double[] v, double[] g, double[] h) => ArrayBufferHessianVectorProduct(p, v, g, h);
    public static double ArrayBuffer_Hessian(double[] p, double[] g, double[] m) => ArrayBufferWithHessian(p, g, m);

    public static double LayerThroughHelper_Value(double[] p) => LayerThroughHelper(p);
    public static double LayerThroughHelper_Gradient(double[] p, double[] g) => LayerThroughHelperWithGradient(p, g);
    public static void LayerThroughHelper_Pullback(double[] p, double seed, double[] g) => LayerThroughHelperPullback(p, seed, g);
    public static double LayerThroughHelper_Pushforward(double[] p, double[] t, out double tangent) => LayerThroughHelperPushforward(p, t, out tangent);
    public static double LayerThroughHelper_Hvp(double[] p, double[] v, double[] g, double[] h) => LayerThroughHelperHessianVectorProduct(p, v, g, h);
    public static double LayerThroughHelper_Hessian(double[] p, double[] g, double[] m) => LayerThroughHelperWithHessian(p, g, m);

    public static double ArrayViewsThroughHelpers_Value(double[] p) => ArrayViewsThroughHelpers(p);
    public static double ArrayViewsThroughHelpers_Gradient(double[] p, double[] g) => ArrayViewsThroughHelpersWithGradient(p, g);
    public static void ArrayViewsThroughHelpers_Pullback(double[] p, double seed, double[] g) => ArrayViewsThroughHelpersPullback(p, seed, g);
    public static double ArrayViewsThroughHelpers_Pushforward(double[] p, double[] t, out double tangent) => ArrayViewsThroughHelpersPushforward(p, t, out tangent);
    public static double ArrayViewsThroughHelpers_Hvp(double[] p, double[] v, double[] g, double[] h) => ArrayViewsThroughHelpersHessianVectorProduct(p, v, g, h);
    public static double ArrayViewsThroughHelpers_Hessian(double[] p, double[] g, double[] m) => ArrayViewsThroughHelpersWithHessian(p, g, m);

    public static double WritableViews_Value(double[] p) => WritableViews(p);
    public static double WritableViews_Gradient(double[] p, double[] g) => WritableViewsWithGradient(p, g);
    public static void WritableViews_Pullback(double[] p, double seed, double[] g) => WritableViewsPullback(p, seed, g);
    public static double WritableViews_Pushforward(double[] p, double[] t, out double tangent) => WritableViewsPushforward(p, t, out tangent);
    public static double WritableViews_Hvp(double[] p, double[] v, double[] g, double[] h) => WritableViewsHessianVectorProduct(p, v, g, h);
    public static double WritableViews_Hessian(double[] p, double[] g, double[] m) => WritableViewsWithHessian(p, g, m);

    public static double WholeAliases_Value(double[] p) => WholeAliases(p);
    public static double WholeAliases_Gradient(double[] p, double[] g) => WholeAliasesWithGradient(p, g);
    public static void WholeAliases_Pullback(double[] p, double seed, double[] g) => WholeAliasesPullback(p, seed, g);
    public static double WholeAliases_Pushforward(double[] p, double[] t, out double tangent) => WholeAliasesPushforward(p, t, out tangent);
    public static double WholeAliases_Hvp(double[] p, double[] v, double[] g, double[] h) => WholeAliasesHessianVectorProduct(p, v, g, h);
    public static double WholeAliases_Hessian(double[] p, double[] g, double[] m) => WholeAliasesWithHessian(p, g, m);
}
