using System;
using AutoDiff;

namespace Corpus;

/// <summary>Bodies outside the static transformation; the generated members run them on the runtime tape.</summary>
public static partial class Fallback
{
    // Chebyshev polynomial T_n by its recurrence, written recursively.
    [Differentiable]
    public static double Chebyshev(double x, int n) => n == 0 ? 1 : n == 1 ? x : 2 * x * Chebyshev(x, n - 1) - Chebyshev(x, n - 2);

    // A local function with a loop in its body is not differentiated in place (one-expression bodies are).
    [Differentiable]
    public static double WithLocalFunction(double x, double y)
    {
        double Power(double v, int n)
        {
            double p = 1;
            for (int i = 0; i < n; i++)
            {
                p *= v;
            }

            return p;
        }

        return Power(x, 2) + Math.Sin(Power(y, 3) * x);
    }

    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v, double scale)
    {
        Func<double, double> square = t => t * t;
        double s = 0;
        foreach (var item in v)
        {
            s += square(item * scale);
        }

        return s == 0 ? 0 : Math.Sqrt(s);
    }

    public static double Chebyshev_Value(double[] p) => Chebyshev(p[0], 5);
    public static double Chebyshev_Gradient(double[] p, double[] g) => ChebyshevWithGradient(p[0], 5, out g[0]);
    public static void Chebyshev_Pullback(double[] p, double seed, double[] g) => ChebyshevPullback(p[0], 5, seed, ref g[0]);


    public static double SumOfSquares_Value(double[] p) => SumOfSquares(p.AsSpan(1), p[0]);
    public static double SumOfSquares_Gradient(double[] p, double[] g) => SumOfSquaresWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void SumOfSquares_Pullback(double[] p, double seed, double[] g) => SumOfSquaresPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);
}

/// <summary>
/// Control flow the static transformation leaves to the tape, as users write it (see <c>ControlFlow.cs</c> for the
/// rest of that set), each kept there by a lambda: a switch in it, views, span calls, arrays. (Switches and
/// returns from inside a loop, once sent here by themselves, are differentiated statically now: corpora
/// <c>Switches</c> and <c>Exits</c>.)
/// </summary>
public static partial class Fallback
{
    // A mode the data picks, then a switch on it; the last case scales everything summed so far.
    [Differentiable]
    public static double SwitchOnMode(ReadOnlySpan<double> x)
    {
        // A lambda keeps this body on the runtime tape (a switch alone is differentiated statically now).
        Func<int, int> onTape = q => q;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int mode = x[i] > 1 ? 2 : x[i] > 0 ? 1 : 0;
            switch (mode)
            {
                case 0:
                    s += x[i] * x[i];
                    break;
                case 1:
                    s += Math.Sin(x[i]);
                    break;
                default:
                    s *= x[i];
                    break;
            }
        }

        return s;
    }

    // Views, a copy and a switch: the tape reads the views as the source does.
    [Differentiable]
    public static double SwitchOverViews(ReadOnlySpan<double> x)
    {
        // A lambda keeps this body on the runtime tape (a switch alone is differentiated statically now).
        Func<int, int> onTape = q => q;
        var head = x[..3];
        ReadOnlySpan<double> tail = x.Slice(2);
        Span<double> copy = stackalloc double[x.Length];
        x.CopyTo(copy);
        double s = 0;
        for (int i = 0; i < head.Length; i++)
        {
            switch (i % 2)
            {
                case 0:
                    s += head[i] * tail[tail.Length - 1 - i];
                    break;
                default:
                    s -= Math.Sin(head[i]) * copy[i + 1];
                    break;
            }
        }

        return s;
    }

    private static readonly double[] Offsets = [0.5, -1.5, 2.0, 1.0, -0.25, 0.75];

    // Span calls and a switch: on the tape a cleared buffer holds zeros and a table copies in as constants.
    [Differentiable]
    public static double SwitchOverSpanCalls(ReadOnlySpan<double> x)
    {
        // A lambda keeps this body on the runtime tape (a switch alone is differentiated statically now).
        Func<int, int> onTape = q => q;
        Span<double> a = stackalloc double[x.Length];
        x.CopyTo(a);
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            switch (i % 3)
            {
                case 0:
                    s += a[i] * a[i];
                    break;
                default:
                    s += Math.Sin(a[i]);
                    break;
            }
        }

        a.Clear();
        s += a[1] * x[0];
        a.Fill(2.0);
        s += a[2] * x[2];
        Offsets.CopyTo(a);
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * x[i] * x[i];
        }

        return s;
    }

    // A switch over a local array written as users write one: Array.Fill, Array.Clear, b[^1], an AsSpan view, and
    // buffers with their elements listed.
    [Differentiable]
    public static double SwitchOverArrays(ReadOnlySpan<double> x)
    {
        // A lambda keeps this body on the runtime tape (a switch alone is differentiated statically now).
        Func<int, int> onTape = q => q;
        var b = new double[x.Length];
        Array.Fill(b, 1.5);
        ReadOnlySpan<double> tail = b.AsSpan(1..);
        double s = 0;
        for (int i = 0; i < b.Length; i++)
        {
            switch (i % 2)
            {
                case 0:
                    b[i] *= x[i];
                    break;
                default:
                    b[i] += Math.Sin(x[^(i + 1)]);
                    break;
            }
        }

        s += tail[^1] * b[0];
        Array.Clear(b);
        b[^1] = x[0] * x[1];
        Span<double> pair = stackalloc double[] { x[2], 0.5 };
        Span<double> trio = stackalloc[] { 1.0, x[3], pair[0] };
        double[] listed = { x[4], trio[1] };
        return s + tail[^1] + b[0] + pair[0] * trio[2] + listed[0] * listed[1];
    }

    // On the tape too: a pattern on a value, double.IsNaN, a plain helper returning an int from a value (passed its
    // number), and an int stepped inside a statement.
    private static int Level(double v) => v > 0.5 ? 2 : v > -0.25 ? 1 : 0;

    [Differentiable]
    public static double SwitchWithTests(ReadOnlySpan<double> x)
    {
        // A lambda keeps this body on the runtime tape (a switch alone is differentiated statically now).
        Func<int, int> onTape = q => q;
        double s = 0;
        int k = 0;
        for (int i = 0; i < x.Length; i++)
        {
            switch (Level(x[i]))
            {
                case 2:
                    s += x[k++] * x[i];
                    break;
                case 1:
                    s += x[i] is > 0 and < 0.4 ? Math.Sin(x[i]) : 0.5 * x[i];
                    break;
                default:
                    s -= x[i] * x[i];
                    break;
            }
        }

        return double.IsNaN(s) ? 0 : s;
    }

    public static double SwitchWithTests_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            foreach (double edge in new[] { 0.5, -0.25, 0, 0.4 })
            {
                nearest = Math.Min(nearest, Math.Abs(v - edge));
            }
        }

        return nearest;
    }

    // Math on ints stays int arithmetic on the tape (a layer's width, an index), beside Math on the values. Found by
    // the fuzz test on the layered-buffer family: 'units += Math.Abs(sizes[s])' became a Value, which no int takes.
    private static readonly int[] TapeWidths = { 2, -1, 3 };

    [Differentiable]
    public static double IntMathOnTape(ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<int> widths)
    {
        Func<int, int> onTape = q => q;
        int units = 0;
        for (int i = 0; i < widths.Length; i++)
        {
            units += Math.Abs(widths[i]);
        }

        int last = Math.Min(units, x.Length) - 1;
        int flip = Math.Sign(x[0] - 5.0);
        double s = 0;
        for (int i = 0; i <= Math.Max(last, 0); i++)
        {
            s += Math.Max(x[i], 0.5 * x[i]) * Math.Abs(x[i] + 2.0);
        }

        return flip * s + Math.Clamp(last, 0, 3) * x[0];
    }

    // A buffer declared after an early return (and after a loop that returns from inside it): the static transformation
    // would move the buffer into a branch, so the body runs on the tape. Found by the fuzz test (seed 7mvyS2PsX5w2), where
    // the generated code did not compile.
    [Differentiable]
    public static double BufferAfterEarlyReturn(ReadOnlySpan<double> w, double x)
    {
        double a = x;
        for (int k = 0; k < w.Length; k++)
        {
            a += w[k] * x;
            if (w[k] > 10.0)
            {
                return x;
            }
        }

        if (x > 10.0)
        {
            return a;
        }

        Span<double> b = stackalloc double[w.Length];
        for (int q = 0; q < b.Length; q++)
        {
            b[q] = Math.Tanh(w[q] + a);
        }

        for (int q = 0; q < b.Length; q++)
        {
            a += b[q] * b[q];
        }

        return a;
    }

    public static double BufferAfterEarlyReturn_Value(double[] p) => BufferAfterEarlyReturn(p.AsSpan(1), p[0]);
    public static double BufferAfterEarlyReturn_Gradient(double[] p, double[] g) => BufferAfterEarlyReturnWithGradient(p.AsSpan(1), p[0], g.AsSpan(1), out g[0]);
    public static void BufferAfterEarlyReturn_Pullback(double[] p, double seed, double[] g) => BufferAfterEarlyReturnPullback(p.AsSpan(1), p[0], seed, g.AsSpan(1), ref g[0]);

    public static double IntMathOnTape_Value(double[] p) => IntMathOnTape(p, TapeWidths);
    public static double IntMathOnTape_Gradient(double[] p, double[] g) => IntMathOnTapeWithGradient(p, TapeWidths, g);
    public static void IntMathOnTape_Pullback(double[] p, double seed, double[] g) => IntMathOnTapePullback(p, TapeWidths, seed, g);

    public static double SwitchWithTests_Value(double[] p) => SwitchWithTests(p);
    public static double SwitchWithTests_Gradient(double[] p, double[] g) => SwitchWithTestsWithGradient(p, g);
    public static void SwitchWithTests_Pullback(double[] p, double seed, double[] g) => SwitchWithTestsPullback(p, seed, g);

    public static double SwitchOverArrays_Value(double[] p) => SwitchOverArrays(p);
    public static double SwitchOverArrays_Gradient(double[] p, double[] g) => SwitchOverArraysWithGradient(p, g);
    public static void SwitchOverArrays_Pullback(double[] p, double seed, double[] g) => SwitchOverArraysPullback(p, seed, g);
    public static double SwitchOverSpanCalls_Value(double[] p) => SwitchOverSpanCalls(p);
    public static double SwitchOverSpanCalls_Gradient(double[] p, double[] g) => SwitchOverSpanCallsWithGradient(p, g);
    public static void SwitchOverSpanCalls_Pullback(double[] p, double seed, double[] g) => SwitchOverSpanCallsPullback(p, seed, g);
    public static double SwitchOverViews_Value(double[] p) => SwitchOverViews(p);
    public static double SwitchOverViews_Gradient(double[] p, double[] g) => SwitchOverViewsWithGradient(p, g);
    public static void SwitchOverViews_Pullback(double[] p, double seed, double[] g) => SwitchOverViewsPullback(p, seed, g);
    public static double SwitchOnMode_Value(double[] p) => SwitchOnMode(p);
    public static double SwitchOnMode_Gradient(double[] p, double[] g) => SwitchOnModeWithGradient(p, g);
    public static void SwitchOnMode_Pullback(double[] p, double seed, double[] g) => SwitchOnModePullback(p, seed, g);

    // The mode changes where an element crosses 0 or 1.
    public static double SwitchOnMode_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            nearest = Math.Min(nearest, Math.Min(Math.Abs(v), Math.Abs(v - 1)));
        }

        return nearest;
    }


}

/// <summary>
/// Span calls, stores and recursion on the tape that once went wrong there (found by adversarial sweeps): <c>Fill</c>,
/// <c>TryAdd</c> and the like stored a constant with their argument's number instead of the Value, so every stored
/// element lost its derivative; <c>default</c> was a null Value; and a recursive call passing a slice did not compile,
/// since the tape's body takes the span as an array of Values.
/// </summary>
public static partial class Fallback
{
    [Differentiable]
    public static double FillOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> square = t => t * t;
        Span<double> c = stackalloc double[3];
        c[0] = w[0] * w[1];
        c.Fill(c[0] + w[2]);
        return square(c[1]) + c[2] * w[3];
    }

    // Collections of the body's numbers, filled by the stores the tape allows (each keeps the Value itself), read
    // back, and a local that starts from 'default'.
    [Differentiable]
    public static double StoresOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> square = t => t * t;
        var list = new System.Collections.Generic.List<double>();
        list.Add(w[0] * w[1]);
        list.Insert(0, Math.Sin(w[2]));
        var byIndex = new System.Collections.Generic.Dictionary<int, double>();
        byIndex.TryAdd(3, w[3] * w[0]);
        byIndex.Add(4, w[1] + w[2]);
        var stack = new System.Collections.Generic.Stack<double>();
        stack.Push(w[2] * w[3]);
        double acc = default;
        foreach (var item in list)
        {
            acc += square(item);
        }

        return acc + byIndex[3] * byIndex[4] + stack.Pop();
    }

    // Numbers tested by a switch and cast to other number types, on the tape (the lambda sends the body there).
    [Differentiable]
    public static double SwitchAndCastsOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> square = t => t * t;
        double s = 0;
        foreach (var v in w)
        {
            s += v switch
            {
                < -0.5 => -v,
                < 0.5 => square(v),
                _ => v * (long)(3.0 + v),
            };
            // Text holds the number, not the Value: its length is the source's (a step function, no derivative).
            string label = "v=" + Math.Round(v, 1) + $" {v:F2}";
            s += label.Length * 1e-3;
            switch (v)
            {
                case > 0.25:
                    s += Math.Sin(v) * (byte)(2.5 + v);
                    break;
                default:
                    s -= v;
                    break;
            }
        }

        return s;
    }

    // The span parameter's own members on the tape, where the body holds it as an array of Values, and a recursive
    // local function that slices its own span parameter (a span there, not an array).
    [Differentiable]
    public static double SpanMembersOnTape(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> scale)
    {
        Func<double, double> square = t => t * t;
        if (w.IsEmpty)
        {
            return 0;
        }

        double[] copy = w.ToArray();
        int visits = System.Linq.Enumerable.Sum(System.Linq.Enumerable.Range(1, 3)); // ints only: LINQ runs as written
        int top = ArgMax(w); // a plain helper reading the span gets its numbers
        Span<double> fixedPart = stackalloc double[2];
        Scales.AsSpan(0, 2).CopyTo(fixedPart); // views of a table and of a passive span: numbers copied in as leaves
        scale[1..].CopyTo(fixedPart.Slice(1));
        Span<double> head = stackalloc double[2];
        bool copied = w.Slice(1).TryCopyTo(head);
        double Tail(ReadOnlySpan<double> s, int depth, double factor)
        {
            if (s.Length == 0)
            {
                return 0;
            }

            return depth * s[0] * factor + Tail(s.Slice(1), depth + 1, factor);
        }

        return square(copy[0]) + (copied ? head[0] * head[1] : 0) + Tail(w.Slice(2), visits - 5, scale[0]) + scale.Slice(1)[0] * w[0] + fixedPart[0] * w[1] * fixedPart[1] + Math.Sin(w[top]);
    }

    private static readonly double[] Scales = [0.5, -1.5];

    private static int ArgMax(ReadOnlySpan<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++)
        {
            if (v[i] > v[best])
            {
                best = i;
            }
        }

        return best;
    }

    // The largest weight changes where two are equal.
    public static double SpanMembersOnTape_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = i + 1; j < p.Length; j++)
            {
                nearest = Math.Min(nearest, Math.Abs(p[i] - p[j]));
            }
        }

        return nearest;
    }

    public static double SpanMembersOnTape_Value(double[] p) => SpanMembersOnTape(p, Scales);
    public static double SpanMembersOnTape_Gradient(double[] p, double[] g) => SpanMembersOnTapeWithGradient(p, Scales, g);
    public static void SpanMembersOnTape_Pullback(double[] p, double seed, double[] g) => SpanMembersOnTapePullback(p, Scales, seed, g);

    // Plain helpers handed numbers that keep none of them, each in a way a first version of the check refused: an
    // array made by an initializer, a local list of ints, an int handed back through out.
    [Differentiable]
    public static double PureHelpersOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> square = t => t * t;
        int rank = Rank(w[0], w[1]);
        bool inside = TryBucket(w[2], out int bucket);
        return square(w[rank]) * (inside ? bucket + 1 : 0.5) + w[3] * CountAbove(w[0], w[3]);
    }

    private static int Rank(double a, double b)
    {
        double[] pair = { a, b };
        pair[0] = Math.Abs(pair[0]);
        return pair[0] > pair[1] ? 0 : 1;
    }

    private static bool TryBucket(double v, out int bucket)
    {
        bucket = (int)Math.Floor((v + 1) * 2);
        return bucket is >= 0 and < 4;
    }

    private static int CountAbove(double a, double b)
    {
        var above = new System.Collections.Generic.List<int>();
        if (a > b)
        {
            above.Add(0);
        }

        return above.Count;
    }

    public static double PureHelpersOnTape_Value(double[] p) => PureHelpersOnTape(p);
    public static double PureHelpersOnTape_Gradient(double[] p, double[] g) => PureHelpersOnTapeWithGradient(p, g);
    public static void PureHelpersOnTape_Pullback(double[] p, double seed, double[] g) => PureHelpersOnTapePullback(p, seed, g);

    // The helpers' ints change where |w0| = w1, where w2 crosses a half, and where w0 = w3.
    public static double PureHelpersOnTape_KinkDistance(double[] p) =>
        Math.Min(Math.Min(Math.Abs(Math.Abs(p[0]) - p[1]), Math.Abs(p[0] - p[3])), Math.Abs(((p[2] + 1) * 2) - Math.Round((p[2] + 1) * 2)) / 2);

    // The shapes of numbers the tape holds beside plain locals: lists of arrays and of lists, tuples in a list, a user
    // struct made from constants, and Math.Round with a midpoint mode (a zero derivative, as the static path gives).
    [Differentiable]
    public static double ShapesOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> twice = t => 2 * t;
        var rows = new System.Collections.Generic.List<double[]> { new double[2] };
        rows[0][0] = w[0];
        rows[0][1] = w[1] * w[0];
        var nested = new System.Collections.Generic.List<System.Collections.Generic.List<double>> { new() { w[2], rows[0][1] } };
        var pairs = new System.Collections.Generic.List<(int Index, double Weight)> { (1, w[3]) };
        var pair = pairs[0];
        pair.Weight *= nested[0][0];
        var scale = new ShapeScale(1.5, -0.25);
        double rounded = Math.Round(w[3] * 3, MidpointRounding.AwayFromZero);
        return twice(rows[0][0] * nested[0][1]) + pair.Weight * scale.Factor + scale.Offset * w[pair.Index] + rounded * w[2];
    }

    // Collection members that move, store or hand back Values (each refused once for no reason), and var declarations
    // the tape spells with Values: a tuple literal reassigned, new[] { … } of numbers, a tuple pattern naming elements.
    [Differentiable]
    public static double CollectionsOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> half = t => t / 2;
        var byIndex = new System.Collections.Generic.Dictionary<int, double> { [0] = w[0], [1] = w[1] * w[2] };
        byIndex.Remove(0);
        double found = byIndex.TryGetValue(1, out var stored) ? stored : 0.0;
        var chain = new System.Collections.Generic.LinkedList<double>();
        chain.AddLast(w[3]);
        chain.AddFirst(found);
        double[] filled = new double[3];
        Array.Fill(filled, w[0] * w[3]);
        double[] copy = new double[4];
        filled.CopyTo(copy, 1);
        var list = new System.Collections.Generic.List<double>(filled);
        list.AddRange(copy);
        var pair = (w[1], 0.0);
        pair.Item2 = half(w[2]);
        var listed = new[] { 1.5, 2.0 };
        listed[1] = w[0];
        double ends = (listed[0], listed[1]) is (var first, var last) ? first * last : 0.0;
        var empty = new System.Collections.Generic.Stack<double>();
        empty.TryPop(out var none); // 0 on a miss, as the double is
        byIndex.TryGetValue(7, out var missing);
        return chain.First!.Value * chain.Last!.Value + list[0] + list[list.Count - 1] + pair.Item1 * pair.Item2 + ends + Convert.ToInt32(2.6)
            + (none + missing + 1) * w[1];
    }

    // A list of numbers alone sends a body to the tape (once refused when declared before anything else did).
    [Differentiable]
    public static double ListOnly(ReadOnlySpan<double> w)
    {
        var items = new System.Collections.Generic.List<double>();
        for (int i = 0; i < w.Length; i++)
        {
            items.Add(w[i] * w[i]);
        }

        double total = 0;
        foreach (var item in items)
        {
            total += Math.Sin(item);
        }

        return total;
    }

    public static double ListOnly_Value(double[] p) => ListOnly(p);
    public static double ListOnly_Gradient(double[] p, double[] g) => ListOnlyWithGradient(p, g);
    public static void ListOnly_Pullback(double[] p, double seed, double[] g) => ListOnlyPullback(p, seed, g);

    // A recursive body with a local function of its own named Tape: the tape function takes the next free name.
    [Differentiable]
    public static double NamedTape(double x, int n)
    {
        double Tape(double v) => v * v;
        return n <= 0 ? Tape(x) : Math.Sin(x) + NamedTape(x * 0.5, n - 1);
    }

    public static double NamedTape_Value(double[] p) => NamedTape(p[0], 3);
    public static double NamedTape_Gradient(double[] p, double[] g) => NamedTapeWithGradient(p[0], 3, out g[0]);
    public static void NamedTape_Pullback(double[] p, double seed, double[] g) => NamedTapePullback(p[0], 3, seed, ref g[0]);

    // Writes into the differentiable array, through itself and through aliases (a local, a ref local, a tuple
    // element): the tape body gets a copy of the leaves, so each leaf keeps its own gradient, and what the body
    // stored is written back into the caller's array, as the source stores it.
    [Differentiable]
    public static double WritesIntoParameter(double[] w)
    {
        Func<double, double> square = t => t * t;
        double s = square(w[0]);
        double[] a = w;
        a[0] = 5.0;
        ref double r = ref w[1];
        r = r * w[2];
        var held = (a, 3);
        held.a[held.Item2] = Math.Tanh(w[3]);
        Array.Reverse(a, 2, 2);
        return s + a[0] * w[1] + w[2] * w[3];
    }

    public static double WritesIntoParameter_Value(double[] p) => WritesIntoParameter((double[])p.Clone());
    public static double WritesIntoParameter_Gradient(double[] p, double[] g) => WritesIntoParameterWithGradient((double[])p.Clone(), g);
    public static void WritesIntoParameter_Pullback(double[] p, double seed, double[] g) => WritesIntoParameterPullback((double[])p.Clone(), seed, g);

    // The caller's array after each: the source's writes, and the gradient's written back.
    public static double[] WritesIntoParameter_StoredBySource(double[] p)
    {
        WritesIntoParameter(p);
        return p;
    }

    public static double[] WritesIntoParameter_StoredByGradient(double[] p)
    {
        WritesIntoParameterWithGradient(p, new double[p.Length]);
        return p;
    }

    // A buffer of ints (here the order of the weights, by insertion sort on their values) sends a body to the tape,
    // which runs it as written (once refused as AD0004).
    [Differentiable]
    public static double RankedOnTape(ReadOnlySpan<double> w)
    {
        int[] order = new int[w.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (int i = 1; i < order.Length; i++)
        {
            int k = order[i];
            int j = i - 1;
            while (j >= 0 && w[order[j]] > w[k])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = k;
        }

        double s = 0;
        for (int r = 0; r < order.Length; r++)
        {
            s += (r + 1) * w[order[r]] * w[order[r]];
        }

        return s;
    }

    public static double RankedOnTape_Value(double[] p) => RankedOnTape(p);
    public static double RankedOnTape_Gradient(double[] p, double[] g) => RankedOnTapeWithGradient(p, g);
    public static void RankedOnTape_Pullback(double[] p, double seed, double[] g) => RankedOnTapePullback(p, seed, g);

    // The order changes where two weights are equal.
    public static double RankedOnTape_KinkDistance(double[] p) => SpanMembersOnTape_KinkDistance(p);

    // A store into the first array, which the caller may pass as the second too (the tape then refuses the result),
    // and a store followed by a throw (the caller's array still gets the store, as the source makes it).
    [Differentiable]
    public static double StoresThenReads(double[] a, double[] b)
    {
        Func<double, double> id = t => t;
        a[0] = a[0] * a[1];
        if (a[1] > 10)
        {
            throw new InvalidOperationException("too large");
        }

        return id(b[0] + (b[1] * b[2]) + a[0]);
    }

    public static double[] StoresThenReads_StoredBySource(double[] a, double[] b)
    {
        try
        {
            StoresThenReads(a, b);
        }
        catch (InvalidOperationException)
        {
        }

        return a;
    }

    public static double[] StoresThenReads_StoredByGradient(double[] a, double[] b)
    {
        try
        {
            StoresThenReadsWithGradient(a, b, new double[a.Length], new double[b.Length]);
        }
        catch (InvalidOperationException)
        {
        }

        return a;
    }

    public static double StoresThenReads_Gradient(double[] a, double[] b) => StoresThenReadsWithGradient(a, b, new double[a.Length], new double[b.Length]);

    // A helper that counts the body's numbers above a threshold, handed the span and a number (once refused as a
    // helper handed a number beside an object), and a static interface method with a body.
    [Differentiable]
    public static double CountsOnTape(ReadOnlySpan<double> w)
    {
        Func<double, double> id = t => t;
        int above = CountAbove(w, w[0]);
        return id(w[1] * (above + 1)) + (ISigns.IsNegative(w[2]) ? w[2] * w[2] : w[2]);
    }

    private static int CountAbove(ReadOnlySpan<double> values, double threshold)
    {
        int count = 0;
        foreach (var v in values)
        {
            if (v > threshold)
            {
                count++;
            }
        }

        return count;
    }

    public static double CountsOnTape_Value(double[] p) => CountsOnTape(p);
    public static double CountsOnTape_Gradient(double[] p, double[] g) => CountsOnTapeWithGradient(p, g);
    public static void CountsOnTape_Pullback(double[] p, double seed, double[] g) => CountsOnTapePullback(p, seed, g);

    // The count changes where a weight crosses w0, and the branch where w2 crosses 0.
    public static double CountsOnTape_KinkDistance(double[] p) => Math.Min(Math.Abs(p[2]), System.Linq.Enumerable.Min(System.Linq.Enumerable.Range(1, p.Length - 1), i => Math.Abs(p[i] - p[0])));

    public static double CollectionsOnTape_Value(double[] p) => CollectionsOnTape(p);
    public static double CollectionsOnTape_Gradient(double[] p, double[] g) => CollectionsOnTapeWithGradient(p, g);
    public static void CollectionsOnTape_Pullback(double[] p, double seed, double[] g) => CollectionsOnTapePullback(p, seed, g);

    public static double ShapesOnTape_Value(double[] p) => ShapesOnTape(p);
    public static double ShapesOnTape_Gradient(double[] p, double[] g) => ShapesOnTapeWithGradient(p, g);
    public static void ShapesOnTape_Pullback(double[] p, double seed, double[] g) => ShapesOnTapePullback(p, seed, g);

    // Math.Round(3 w3) steps where 3 w3 is half an integer.
    public static double ShapesOnTape_KinkDistance(double[] p) => Math.Abs(p[3] * 3 - Math.Floor(p[3] * 3) - 0.5) / 3;

    private readonly struct ShapeScale
    {
        public ShapeScale(double factor, double offset)
        {
            Factor = factor;
            Offset = offset;
        }

        public double Factor { get; }

        public double Offset { get; }
    }

    [Differentiable]
    public static double RecursiveSlice(ReadOnlySpan<double> w)
    {
        if (w.Length == 1)
        {
            return w[0];
        }

        return w[0] + 0.7 * Math.Sin(w[w.Length - 1]) * RecursiveSlice(w.Slice(1));
    }

    public static double FillOnTape_Value(double[] p) => FillOnTape(p);
    public static double FillOnTape_Gradient(double[] p, double[] g) => FillOnTapeWithGradient(p, g);
    public static void FillOnTape_Pullback(double[] p, double seed, double[] g) => FillOnTapePullback(p, seed, g);

    public static double StoresOnTape_Value(double[] p) => StoresOnTape(p);
    public static double StoresOnTape_Gradient(double[] p, double[] g) => StoresOnTapeWithGradient(p, g);
    public static void StoresOnTape_Pullback(double[] p, double seed, double[] g) => StoresOnTapePullback(p, seed, g);

    public static double SwitchAndCastsOnTape_Value(double[] p) => SwitchAndCastsOnTape(p);
    public static double SwitchAndCastsOnTape_Gradient(double[] p, double[] g) => SwitchAndCastsOnTapeWithGradient(p, g);
    public static void SwitchAndCastsOnTape_Pullback(double[] p, double seed, double[] g) => SwitchAndCastsOnTapePullback(p, seed, g);

    // The switch's arms change at ±0.5 and 0.25, the casts' values at the integers, the label's length near 0 and
    // between tenths.
    public static double SwitchAndCastsOnTape_KinkDistance(double[] p)
    {
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            foreach (double edge in new[] { -0.5, 0.25, 0.5 })
            {
                nearest = Math.Min(nearest, Math.Abs(v - edge));
            }

            nearest = Math.Min(nearest, Math.Abs(3.0 + v - Math.Round(3.0 + v)));
            nearest = Math.Min(nearest, Math.Abs(2.5 + v - Math.Round(2.5 + v)));

            // The label's length changes at 0 and where v rounds to another tenth.
            nearest = Math.Min(nearest, Math.Abs(v));
            nearest = Math.Min(nearest, Math.Abs((10 * v) - Math.Floor(10 * v) - 0.5) / 10);
        }

        return nearest;
    }

    public static double RecursiveSlice_Value(double[] p) => RecursiveSlice(p);
    public static double RecursiveSlice_Gradient(double[] p, double[] g) => RecursiveSliceWithGradient(p, g);
    public static void RecursiveSlice_Pullback(double[] p, double seed, double[] g) => RecursiveSlicePullback(p, seed, g);
}

public interface ISigns
{
    static bool IsNegative(double v) => v < 0;
}
