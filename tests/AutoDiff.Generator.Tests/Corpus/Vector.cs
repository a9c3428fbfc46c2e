using System;
using AutoDiff;

namespace Corpus;

// Vector-valued methods: a void method writing its outputs into a final span, and methods returning a tuple of
// doubles. Each gets a pullback (vector-Jacobian product), a Jacobian and, when asked, a pushforward.
public static partial class Vector
{
    // Two outputs per input pair, through a loop and a local buffer: M = 2 * x.Length + 1 outputs, N = x.Length + 1 inputs.
    [Differentiable(Derivatives.Pushforward)]
    public static void Pairs(ReadOnlySpan<double> x, double a, Span<double> result)
    {
        Span<double> h = stackalloc double[x.Length];
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            h[i] = Math.Tanh(a * x[i]);
            total += h[i] * x[i];
        }

        for (int i = 0; i < x.Length; i++)
        {
            result[2 * i] = h[i] * total;
            result[2 * i + 1] = Math.Exp(-x[i] * x[i]) + a * Square(h[i]);
        }

        result[2 * x.Length] = total;
    }

    [Differentiable(Derivatives.Pushforward)]
    public static double Square(double u) => u * u;

    // Three outputs of 100 (or any number of) inputs: the reverse-mode shape, and the benchmark's function.
    [Differentiable]
    public static void Moments(ReadOnlySpan<double> w, Span<double> result)
    {
        double sum = 0;
        double squares = 0;
        double soft = 0;
        for (int i = 0; i < w.Length; i++)
        {
            sum += w[i];
            squares += w[i] * w[i];
            soft += Math.Log(1 + Math.Exp(w[i]));
        }

        result[0] = sum / w.Length;
        result[1] = squares / w.Length - result[0] * result[0];
        result[2] = soft;
    }

    // A recurrence that reads its earlier outputs: the reverse sweep restores them, and the caller still gets the values.
    [Differentiable(Derivatives.Pushforward)]
    public static void Powers(double x, int n, Span<double> result)
    {
        result[0] = x;
        for (int k = 1; k < n; k++)
        {
            result[k] = result[k - 1] * Math.Sin(x + k);
        }
    }

    // Float outputs.
    [Differentiable(Derivatives.Pushforward)]
    public static void Rotate(float angle, float r, Span<float> result)
    {
        result[0] = r * MathF.Cos(angle);
        result[1] = r * MathF.Sin(angle);
        result[2] = r * r;
    }

    [Differentiable(Derivatives.Pushforward)]
    public static (double Sum, double Product) SumProduct(double a, double b) => (a + b, a * b);

    // Unnamed elements, a branch with two returns, and a span input.
    [Differentiable(Derivatives.Pushforward)]
    public static (double, double, double) Stats(ReadOnlySpan<double> v, double scale)
    {
        double s = 0;
        double q = 0;
        for (int i = 0; i < v.Length; i++)
        {
            s += v[i];
            q += v[i] * v[i] * scale;
        }

        if (s > 0)
        {
            return (s, q, Math.Sqrt(q + 1));
        }

        return (-s, q * 2, s * q);
    }

    // Calls a tuple method and deconstructs it, into new locals and into existing ones.
    [Differentiable(Derivatives.Pushforward)]
    public static double UsesTuple(double x, double y)
    {
        var (s, p) = SumProduct(x * y, Math.Sin(x));
        double t = s * p;
        (s, p) = SumProduct(t, y);
        return s + p * SumProduct(x, 2).Product;
    }

    // A tuple method calling a tuple method, returning its result directly.
    [Differentiable]
    public static (double Sum, double Product) Shifted(double a, double b) => SumProduct(a + 1, b - 1);

    // One input, three outputs: the Jacobian is one pushforward.
    [Differentiable(Derivatives.Pushforward)]
    public static (double X, double Y, double Z) Helix(double t) => (Math.Cos(t), Math.Sin(t), 0.5 * t * t);

    private static readonly double[] Weights = [1.5, -0.5, 2.0];

    // Views, a table, a copy and a fill: the parser's lowerings of them serve the vector code too.
    [Differentiable(Derivatives.Pushforward)]
    public static (double Inner, double Wave) ViewsAndTables(ReadOnlySpan<double> x)
    {
        var head = x[..2];
        ReadOnlySpan<double> tail = x.Slice(1);
        Span<double> a = stackalloc double[x.Length];
        x.CopyTo(a);
        double inner = 0;
        double wave = 0;
        for (int i = 0; i < head.Length; i++)
        {
            inner += head[i] * tail[i] * Weights[i] * a[i + 1];
        }

        a.Fill(0.5);
        for (int i = 0; i < tail.Length; i++)
        {
            wave += Math.Sin(tail[i]) * a[i];
        }

        return (inner, wave);
    }

    // A float tuple.
    [Differentiable(Derivatives.Pushforward)]
    public static (float X, float Y) Polar(float r, float theta) => (r * MathF.Cos(theta), r * MathF.Sin(theta));

    // Array-shaped entry points for the tests (spans cannot pass through reflection): every differentiable input
    // flattened into p in parameter order, exactly as the Jacobian's columns. Each calls a generated member with the design's signature.
    public static void Pairs_Value(double[] p, double[] result) => Pairs(p.AsSpan(0, p.Length - 1), p[^1], result);
    public static void Pairs_Pullback(double[] p, double[] result, double[] cotangent, double[] grad) => PairsPullback(p.AsSpan(0, p.Length - 1), p[^1], result, cotangent, grad.AsSpan(0, grad.Length - 1), ref grad[^1]);
    public static void Pairs_Pushforward(double[] p, double[] t, double[] result, double[] tangent) => PairsPushforward(p.AsSpan(0, p.Length - 1), p[^1], t.AsSpan(0, t.Length - 1), t[^1], result, tangent);
    public static void Pairs_Jacobian(double[] p, double[] result, double[] jacobian) => PairsJacobian(p.AsSpan(0, p.Length - 1), p[^1], result, jacobian);

    public static void Moments_Value(double[] p, double[] result) => Moments(p, result);
    public static void Moments_Pullback(double[] p, double[] result, double[] cotangent, double[] grad) => MomentsPullback(p, result, cotangent, grad);
    public static void Moments_Jacobian(double[] p, double[] result, double[] jacobian) => MomentsJacobian(p, result, jacobian);

    public static void Powers_Value(double[] p, double[] result) => Powers(p[0], result.Length, result);
    public static void Powers_Pullback(double[] p, double[] result, double[] cotangent, double[] grad) => PowersPullback(p[0], result.Length, result, cotangent, ref grad[0]);
    public static void Powers_Pushforward(double[] p, double[] t, double[] result, double[] tangent) => PowersPushforward(p[0], result.Length, t[0], result, tangent);
    public static void Powers_Jacobian(double[] p, double[] result, double[] jacobian) => PowersJacobian(p[0], result.Length, result, jacobian);

    public static void Rotate_Value(double[] p, double[] result) => Widen(result, r => Rotate((float)p[0], (float)p[1], r));
    public static void Rotate_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        Span<float> r = stackalloc float[result.Length];
        Span<float> c = stackalloc float[cotangent.Length];
        for (int i = 0; i < c.Length; i++) c[i] = (float)cotangent[i];
        float dAngle = (float)grad[0], dR = (float)grad[1];
        RotatePullback((float)p[0], (float)p[1], r, c, ref dAngle, ref dR);
        (grad[0], grad[1]) = (dAngle, dR);
        for (int i = 0; i < r.Length; i++) result[i] = r[i];
    }
    public static void Rotate_Pushforward(double[] p, double[] t, double[] result, double[] tangent)
    {
        Span<float> r = stackalloc float[result.Length];
        Span<float> d = stackalloc float[tangent.Length];
        RotatePushforward((float)p[0], (float)p[1], (float)t[0], (float)t[1], r, d);
        for (int i = 0; i < r.Length; i++) (result[i], tangent[i]) = (r[i], d[i]);
    }
    public static void Rotate_Jacobian(double[] p, double[] result, double[] jacobian)
    {
        Span<float> r = stackalloc float[result.Length];
        Span<float> j = stackalloc float[jacobian.Length];
        RotateJacobian((float)p[0], (float)p[1], r, j);
        for (int i = 0; i < r.Length; i++) result[i] = r[i];
        for (int i = 0; i < j.Length; i++) jacobian[i] = j[i];
    }

    public static void SumProduct_Value(double[] p, double[] result) => (result[0], result[1]) = SumProduct(p[0], p[1]);
    public static void SumProduct_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        (result[0], result[1]) = SumProduct(p[0], p[1]);
        SumProductPullback(p[0], p[1], seedSum: cotangent[0], seedProduct: cotangent[1], da: ref grad[0], db: ref grad[1]);
    }
    public static void SumProduct_Pushforward(double[] p, double[] t, double[] result, double[] tangent) =>
        (result[0], result[1]) = SumProductPushforward(p[0], p[1], t[0], t[1], out tangent[0], out tangent[1]);
    public static void SumProduct_Jacobian(double[] p, double[] result, double[] jacobian) => (result[0], result[1]) = SumProductJacobian(p[0], p[1], jacobian);

    public static void Stats_Value(double[] p, double[] result) => (result[0], result[1], result[2]) = Stats(p.AsSpan(0, p.Length - 1), p[^1]);
    public static void Stats_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        (result[0], result[1], result[2]) = Stats(p.AsSpan(0, p.Length - 1), p[^1]);
        StatsPullback(p.AsSpan(0, p.Length - 1), p[^1], seedItem1: cotangent[0], seedItem2: cotangent[1], seedItem3: cotangent[2], dv: grad.AsSpan(0, grad.Length - 1), dscale: ref grad[^1]);
    }
    public static void Stats_Pushforward(double[] p, double[] t, double[] result, double[] tangent) =>
        (result[0], result[1], result[2]) = StatsPushforward(p.AsSpan(0, p.Length - 1), p[^1], t.AsSpan(0, t.Length - 1), t[^1], out tangent[0], out tangent[1], out tangent[2]);
    public static void Stats_Jacobian(double[] p, double[] result, double[] jacobian) => (result[0], result[1], result[2]) = StatsJacobian(p.AsSpan(0, p.Length - 1), p[^1], jacobian);

    public static void ViewsAndTables_Value(double[] p, double[] result) => (result[0], result[1]) = ViewsAndTables(p);
    public static void ViewsAndTables_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        (result[0], result[1]) = ViewsAndTables(p);
        ViewsAndTablesPullback(p, cotangent[0], cotangent[1], grad);
    }
    public static void ViewsAndTables_Pushforward(double[] p, double[] t, double[] result, double[] tangent) =>
        (result[0], result[1]) = ViewsAndTablesPushforward(p, t, out tangent[0], out tangent[1]);
    public static void ViewsAndTables_Jacobian(double[] p, double[] result, double[] jacobian) => (result[0], result[1]) = ViewsAndTablesJacobian(p, jacobian);

    public static void Shifted_Value(double[] p, double[] result) => (result[0], result[1]) = Shifted(p[0], p[1]);
    public static void Shifted_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        (result[0], result[1]) = Shifted(p[0], p[1]);
        ShiftedPullback(p[0], p[1], cotangent[0], cotangent[1], ref grad[0], ref grad[1]);
    }
    public static void Shifted_Jacobian(double[] p, double[] result, double[] jacobian) => (result[0], result[1]) = ShiftedJacobian(p[0], p[1], jacobian);

    public static void Helix_Value(double[] p, double[] result) => (result[0], result[1], result[2]) = Helix(p[0]);
    public static void Helix_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        (result[0], result[1], result[2]) = Helix(p[0]);
        HelixPullback(p[0], cotangent[0], cotangent[1], cotangent[2], ref grad[0]);
    }
    public static void Helix_Pushforward(double[] p, double[] t, double[] result, double[] tangent) =>
        (result[0], result[1], result[2]) = HelixPushforward(p[0], t[0], out tangent[0], out tangent[1], out tangent[2]);
    public static void Helix_Jacobian(double[] p, double[] result, double[] jacobian) => (result[0], result[1], result[2]) = HelixJacobian(p[0], jacobian);

    public static void Polar_Value(double[] p, double[] result) => (result[0], result[1]) = Polar((float)p[0], (float)p[1]);
    public static void Polar_Pullback(double[] p, double[] result, double[] cotangent, double[] grad)
    {
        (result[0], result[1]) = Polar((float)p[0], (float)p[1]);
        float dr = (float)grad[0], dtheta = (float)grad[1];
        PolarPullback((float)p[0], (float)p[1], seedX: (float)cotangent[0], seedY: (float)cotangent[1], dr: ref dr, dtheta: ref dtheta);
        (grad[0], grad[1]) = (dr, dtheta);
    }
    public static void Polar_Pushforward(double[] p, double[] t, double[] result, double[] tangent)
    {
        (float x, float y) = PolarPushforward((float)p[0], (float)p[1], (float)t[0], (float)t[1], out float tx, out float ty);
        (result[0], result[1], tangent[0], tangent[1]) = (x, y, tx, ty);
    }
    public static void Polar_Jacobian(double[] p, double[] result, double[] jacobian)
    {
        Span<float> j = stackalloc float[4];
        (float x, float y) = PolarJacobian((float)p[0], (float)p[1], j);
        (result[0], result[1]) = (x, y);
        for (int i = 0; i < 4; i++) jacobian[i] = j[i];
    }

    private delegate void FloatOutputs(Span<float> result);

    private static void Widen(double[] result, FloatOutputs f)
    {
        Span<float> r = stackalloc float[result.Length];
        f(r);
        for (int i = 0; i < r.Length; i++) result[i] = r[i];
    }

    /// <summary>Bytes each call allocates once the pools are warm: the forward Jacobian, the reverse Jacobian, a pullback, and a forward Jacobian too large for the stack.</summary>
    public static long[] Allocations()
    {
        double[] x = new double[50], large = new double[200], w = new double[100];
        for (int i = 0; i < 200; i++) large[i] = 0.01 * i - 1;
        large.AsSpan(0, 50).CopyTo(x);
        large.AsSpan(0, 100).CopyTo(w);
        double[] result = new double[101], jacobian = new double[101 * 51], cotangent = new double[101], dx = new double[50];
        double[] largeResult = new double[401], largeJacobian = new double[401 * 201];
        double[] moments = new double[3], momentsJacobian = new double[300];
        var bytes = new long[4];
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            PairsJacobian(x, 0.7, result, jacobian);
            long afterForward = GC.GetAllocatedBytesForCurrentThread();
            MomentsJacobian(w, moments, momentsJacobian);
            long afterReverse = GC.GetAllocatedBytesForCurrentThread();
            double da = 0;
            PairsPullback(x, 0.7, result, cotangent, dx, ref da);
            long afterPullback = GC.GetAllocatedBytesForCurrentThread();
            PairsJacobian(large, 0.7, largeResult, largeJacobian);
            long afterLarge = GC.GetAllocatedBytesForCurrentThread();
            bytes = [afterForward - before, afterReverse - afterForward, afterPullback - afterReverse, afterLarge - afterPullback];
        }

        return bytes;
    }
}
