using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Ways out of loops and ways through them, as users write them, not tuned against the generator: returns from
/// inside loops (a for, a while(true) that also breaks; the generator lowers each to a flag, a stored value and
/// breaks), break and continue two loops deep, a Newton iteration that stops on a tolerance, repeated squaring of
/// a 2×2 matrix driven by an exponent's bits, Clenshaw's recurrence by tuple deconstruction, a soft histogram whose
/// bins the data picks, ping-pong buffers copied each round, and a ternary that reads one buffer or another.
/// </summary>
public static partial class Exits
{
    [Differentiable(Derivatives.All)]
    private static double Cubic(double y, double c) => y * y * y + y - c;

    [Differentiable(Derivatives.All)]
    private static double CubicSlope(double y) => 3 * y * y + 1;

    // A return from inside the loop once the running sum passes a level the data sets.
    [Differentiable(Derivatives.All)]
    public static double ReturnFromLoop(ReadOnlySpan<double> x)
    {
        double s = 0;
        double level = 1.5 + 0.5 * Math.Sin(x[0]);
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i] + 0.2;
            if (s > level)
            {
                return s * x[(i + 1) % x.Length];
            }
        }

        return -s;
    }

    // Two loops deep: continue skips a pair, break leaves the inner loop, a flag leaves the outer one.
    [Differentiable(Derivatives.All)]
    public static double NestedExits(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double s = 0;
        bool done = false;
        for (int i = 0; i < n && !done; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double p = x[i] * x[j];
                if (p < -0.6)
                {
                    break;
                }

                s += p;
                if (s > 4)
                {
                    done = true;
                    break;
                }
            }
        }

        return s;
    }

    // Newton's method for y³ + y = c until the step is below a tolerance (or 50 steps), through differentiable
    // helpers for the value and the slope.
    [Differentiable(Derivatives.All)]
    public static double NewtonUntilConverged(ReadOnlySpan<double> x)
    {
        double total = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double c = 2 * x[k] + 0.5;
            double y = 0;
            double step;
            int iterations = 0;
            do
            {
                step = Cubic(y, c) / CubicSlope(y);
                y -= step;
                iterations++;
            }
            while (Math.Abs(step) > 1e-13 && iterations < 50);

            total += y * (k + 1);
        }

        return total;
    }

    // M^e for the 2×2 matrix M = [[x0, x1], [x2, x3]] and e = 11 by repeated squaring over e's bits, then the sum of
    // the result's entries.
    [Differentiable(Derivatives.All)]
    public static double MatrixPower(ReadOnlySpan<double> x)
    {
        Span<double> result = stackalloc double[4];
        Span<double> power = stackalloc double[4];
        Span<double> product = stackalloc double[4];
        result[0] = 1;
        result[3] = 1;
        for (int i = 0; i < 4; i++)
        {
            power[i] = 0.5 * x[i];
        }

        int e = 11;
        while (e > 0)
        {
            if ((e & 1) == 1)
            {
                for (int r = 0; r < 2; r++)
                {
                    for (int c = 0; c < 2; c++)
                    {
                        product[r * 2 + c] = result[r * 2] * power[c] + result[r * 2 + 1] * power[2 + c];
                    }
                }

                product.CopyTo(result);
            }

            for (int r = 0; r < 2; r++)
            {
                for (int c = 0; c < 2; c++)
                {
                    product[r * 2 + c] = power[r * 2] * power[c] + power[r * 2 + 1] * power[2 + c];
                }
            }

            product.CopyTo(power);
            e >>= 1;
        }

        return result[0] + result[1] + result[2] + result[3];
    }

    // Clenshaw's recurrence for a Chebyshev series with coefficients x[1..] at t = x[0] / 2, two running values
    // shifted by tuple deconstruction.
    [Differentiable(Derivatives.All)]
    public static double Clenshaw(ReadOnlySpan<double> x)
    {
        double t = 0.5 * x[0];
        double b1 = 0;
        double b2 = 0;
        for (int k = x.Length - 1; k >= 2; k--)
        {
            (b1, b2) = (x[k] + 2 * t * b1 - b2, b1);
        }

        return x[1] + t * b1 - b2;
    }

    // A soft histogram: each element adds its square to the bin its value falls in; the bins are then mixed.
    [Differentiable(Derivatives.All)]
    public static double SoftHistogram(ReadOnlySpan<double> x)
    {
        Span<double> bins = stackalloc double[5];
        for (int i = 0; i < x.Length; i++)
        {
            int bin = Math.Clamp((int)Math.Floor((x[i] + 1) * 2), 0, bins.Length - 1);
            bins[bin] += x[i] * x[i];
            bins[(bin + 1) % bins.Length] += 0.5 * x[i];
        }

        double s = 0;
        for (int b = 0; b < bins.Length; b++)
        {
            s += Math.Sin(bins[b]) * (b + 1);
        }

        return s;
    }

    // Ping-pong smoothing: each round reads one buffer and writes the other, then copies back.
    [Differentiable(Derivatives.All)]
    public static double PingPong(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> current = stackalloc double[n];
        Span<double> next = stackalloc double[n];
        x.CopyTo(current);
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < n; i++)
            {
                double left = i > 0 ? current[i - 1] : current[n - 1];
                double right = i < n - 1 ? current[i + 1] : current[0];
                next[i] = 0.25 * left + 0.5 * current[i] + 0.25 * right + 0.1 * Math.Tanh(current[i] * right);
            }

            next.CopyTo(current);
        }

        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += current[i] * current[i] * (i + 1);
        }

        return s;
    }

    // A ternary that reads one buffer or another by position, and writes the chosen one.
    [Differentiable(Derivatives.All)]
    public static double EitherBuffer(ReadOnlySpan<double> x)
    {
        Span<double> a = stackalloc double[3];
        Span<double> b = stackalloc double[3];
        for (int i = 0; i < 3; i++)
        {
            a[i] = x[i] * x[i + 3];
            b[i] = Math.Exp(0.3 * x[i + 3]);
        }

        double s = 0;
        for (int i = 0; i < 6; i++)
        {
            double v = i < 3 ? a[i] : b[i - 3];
            if (v > 0.4)
            {
                b[i % 3] += 0.5 * v;
            }
            else
            {
                a[(i + 1) % 3] -= v * x[i];
            }

            s += v * (i + 1);
        }

        return s + a[0] * b[2];
    }

    // Jumps on some paths only: an else-if chain whose middle arms continue or break, more statements after it, a
    // nested if that returns from the method on one path, and statements after that too.
    [Differentiable(Derivatives.All)]
    public static double PartialJumps(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (v < -0.6)
            {
                s -= v * v;
            }
            else if (v < -0.2)
            {
                s += Math.Sin(v);
                continue;
            }
            else if (s > 6)
            {
                s *= 0.5;
                break;
            }
            else
            {
                s += v * x[0];
            }

            s += 0.1 * v * v;
        }

        if (s > 0.5)
        {
            if (x[1] > 1.2)
            {
                return s * x[1];
            }

            s += x[2] * x[3];
        }

        return s + x[4];
    }

    // Combinations of this file's lowerings: a switch whose sections step an int inside an index, return from two
    // loops deep, and continue the outer loop from an inner switch; a pattern in a while condition.
    [Differentiable(Derivatives.All)]
    public static double Combined(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double s = 0;
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double p = x[i] * x[j];
                switch (p)
                {
                    case > 1.1:
                        return s + p * x[k++ % n];
                    case < -0.7 when j > i:
                        s -= p;
                        break;
                    default:
                        s += 0.25 * p * x[k++ % n];
                        break;
                }

                if (s > 3)
                {
                    break;
                }
            }

            int m = 0;
            while (m < n && x[m] is > -0.9 and < 0.9)
            {
                s += 0.1 * x[m] * x[i];
                m++;
            }

            s += m * 0.01;
        }

        return s;
    }


    // A product that returns from inside the loop once it passes 5.
    [Differentiable(Derivatives.All)]
    public static double ProductPastLevel(ReadOnlySpan<double> x)
    {
        double s = 1;
        for (int i = 0; i < x.Length; i++)
        {
            s *= 1 + (x[i] * x[i]);
            if (s > 5)
            {
                return s * x[0];
            }
        }

        return s;
    }

    // A while(true) that breaks after eleven steps or returns once the decayed sum passes 3.
    [Differentiable(Derivatives.All)]
    public static double WhileTrueExits(ReadOnlySpan<double> x)
    {
        double s = 0;
        int i = 0;
        while (true)
        {
            s = (s * 0.9) + x[i % x.Length];
            i++;
            if (i > 10)
            {
                break;
            }

            if (s > 3)
            {
                return s * s;
            }
        }

        return s;
    }

    public static double ReturnFromLoop_KinkDistance(double[] x)
    {
        double s = 0;
        double level = 1.5 + 0.5 * Math.Sin(x[0]);
        double d = double.PositiveInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i] + 0.2;
            d = Math.Min(d, Math.Abs(s - level) / 10);
            if (s > level)
            {
                break;
            }
        }

        return d;
    }

    public static double NestedExits_KinkDistance(double[] x)
    {
        int n = x.Length;
        double d = double.PositiveInfinity;
        double s = 0;
        bool done = false;
        for (int i = 0; i < n && !done; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double p = x[i] * x[j];
                d = Math.Min(d, Math.Abs(p + 0.6) / 4);
                if (p < -0.6)
                {
                    break;
                }

                s += p;
                d = Math.Min(d, Math.Abs(s - 4) / 10);
                if (s > 4)
                {
                    done = true;
                    break;
                }
            }
        }

        return d;
    }

    public static double SoftHistogram_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        foreach (double v in x)
        {
            double t = (v + 1) * 2;
            d = Math.Min(d, Math.Abs(t - Math.Round(t)) / 2);
        }

        return d;
    }

    public static double EitherBuffer_KinkDistance(double[] x)
    {
        var a = new double[3];
        var b = new double[3];
        for (int i = 0; i < 3; i++)
        {
            a[i] = x[i] * x[i + 3];
            b[i] = Math.Exp(0.3 * x[i + 3]);
        }

        double d = double.PositiveInfinity;
        for (int i = 0; i < 6; i++)
        {
            double v = i < 3 ? a[i] : b[i - 3];
            d = Math.Min(d, Math.Abs(v - 0.4) / 5);
            if (v > 0.4)
            {
                b[i % 3] += 0.5 * v;
            }
            else
            {
                a[(i + 1) % 3] -= v * x[i];
            }
        }

        return d;
    }

    public static double PartialJumps_KinkDistance(double[] x)
    {
        double d = double.PositiveInfinity;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            d = Math.Min(d, Math.Min(Math.Abs(v + 0.6), Math.Abs(v + 0.2)));
            if (v < -0.6)
            {
                s -= v * v;
            }
            else if (v < -0.2)
            {
                s += Math.Sin(v);
                continue;
            }
            else
            {
                d = Math.Min(d, Math.Abs(s - 6) / 10);
                if (s > 6)
                {
                    s *= 0.5;
                    break;
                }

                s += v * x[0];
            }

            s += 0.1 * v * v;
        }

        return Math.Min(d, Math.Min(Math.Abs(s - 0.5) / 10, Math.Abs(x[1] - 1.2)));
    }

    public static double Combined_KinkDistance(double[] x)
    {
        int n = x.Length;
        double d = double.PositiveInfinity;
        double s = 0;
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double p = x[i] * x[j];
                d = Math.Min(d, Math.Min(Math.Abs(p - 1.1), Math.Abs(p + 0.7)) / 4);
                if (p > 1.1)
                {
                    return d;
                }

                if (p < -0.7 && j > i)
                {
                    s -= p;
                }
                else
                {
                    s += 0.25 * p * x[k++ % n];
                }

                d = Math.Min(d, Math.Abs(s - 3) / 10);
                if (s > 3)
                {
                    break;
                }
            }

            foreach (double v in x)
            {
                d = Math.Min(d, Math.Min(Math.Abs(v + 0.9), Math.Abs(v - 0.9)));
            }

            int m = 0;
            while (m < n && x[m] > -0.9 && x[m] < 0.9)
            {
                s += 0.1 * x[m] * x[i];
                m++;
            }

            s += m * 0.01;
        }

        return d;
    }

    // The loop returns where the product crosses 5.
    public static double ProductPastLevel_KinkDistance(double[] p)
    {
        double s = 1;
        double nearest = double.PositiveInfinity;
        foreach (double v in p)
        {
            s *= 1 + (v * v);
            nearest = Math.Min(nearest, Math.Abs(s - 5));
            if (s > 5)
            {
                break;
            }
        }

        return nearest;
    }

    // The loop returns where the decayed sum crosses 3.
    public static double WhileTrueExits_KinkDistance(double[] p)
    {
        double s = 0;
        double nearest = double.PositiveInfinity;
        for (int i = 1; i <= 10; i++)
        {
            s = (s * 0.9) + p[(i - 1) % p.Length];
            nearest = Math.Min(nearest, Math.Abs(s - 3));
            if (s > 3)
            {
                break;
            }
        }

        return nearest;
    }
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class Exits
{
    public static double Combined_Value(double[] p) => Combined(p);
    public static double Combined_Gradient(double[] p, double[] g) => CombinedWithGradient(p, g);
    public static void Combined_Pullback(double[] p, double seed, double[] g) => CombinedPullback(p, seed, g);
    public static double Combined_Pushforward(double[] p, double[] t, out double tangent) => CombinedPushforward(p, t, out tangent);
    public static double Combined_Hvp(double[] p, double[] v, double[] g, double[] h) => CombinedHessianVectorProduct(p, v, g, h);
    public static double Combined_Hessian(double[] p, double[] g, double[] m) => CombinedWithHessian(p, g, m);

    public static double PartialJumps_Value(double[] p) => PartialJumps(p);
    public static double PartialJumps_Gradient(double[] p, double[] g) => PartialJumpsWithGradient(p, g);
    public static void PartialJumps_Pullback(double[] p, double seed, double[] g) => PartialJumpsPullback(p, seed, g);
    public static double PartialJumps_Pushforward(double[] p, double[] t, out double tangent) => PartialJumpsPushforward(p, t, out tangent);
    public static double PartialJumps_Hvp(double[] p, double[] v, double[] g, double[] h) => PartialJumpsHessianVectorProduct(p, v, g, h);
    public static double PartialJumps_Hessian(double[] p, double[] g, double[] m) => PartialJumpsWithHessian(p, g, m);

    public static double ProductPastLevel_Value(double[] p) => ProductPastLevel(p);
    public static double ProductPastLevel_Gradient(double[] p, double[] g) => ProductPastLevelWithGradient(p, g);
    public static void ProductPastLevel_Pullback(double[] p, double seed, double[] g) => ProductPastLevelPullback(p, seed, g);
    public static double ProductPastLevel_Pushforward(double[] p, double[] t, out double tangent) => ProductPastLevelPushforward(p, t, out tangent);
    public static double ProductPastLevel_Hvp(double[] p, double[] v, double[] g, double[] h) => ProductPastLevelHessianVectorProduct(p, v, g, h);
    public static double ProductPastLevel_Hessian(double[] p, double[] g, double[] m) => ProductPastLevelWithHessian(p, g, m);

    public static double WhileTrueExits_Value(double[] p) => WhileTrueExits(p);
    public static double WhileTrueExits_Gradient(double[] p, double[] g) => WhileTrueExitsWithGradient(p, g);
    public static void WhileTrueExits_Pullback(double[] p, double seed, double[] g) => WhileTrueExitsPullback(p, seed, g);
    public static double WhileTrueExits_Pushforward(double[] p, double[] t, out double tangent) => WhileTrueExitsPushforward(p, t, out tangent);
    public static double WhileTrueExits_Hvp(double[] p, double[] v, double[] g, double[] h) => WhileTrueExitsHessianVectorProduct(p, v, g, h);
    public static double WhileTrueExits_Hessian(double[] p, double[] g, double[] m) => WhileTrueExitsWithHessian(p, g, m);

    public static double ReturnFromLoop_Value(double[] p) => ReturnFromLoop(p);
    public static double ReturnFromLoop_Gradient(double[] p, double[] g) => ReturnFromLoopWithGradient(p, g);
    public static void ReturnFromLoop_Pullback(double[] p, double seed, double[] g) => ReturnFromLoopPullback(p, seed, g);
    public static double ReturnFromLoop_Pushforward(double[] p, double[] t, out double tangent) => ReturnFromLoopPushforward(p, t, out tangent);
    public static double ReturnFromLoop_Hvp(double[] p, double[] v, double[] g, double[] h) => ReturnFromLoopHessianVectorProduct(p, v, g, h);
    public static double ReturnFromLoop_Hessian(double[] p, double[] g, double[] m) => ReturnFromLoopWithHessian(p, g, m);

    public static double NestedExits_Value(double[] p) => NestedExits(p);
    public static double NestedExits_Gradient(double[] p, double[] g) => NestedExitsWithGradient(p, g);
    public static void NestedExits_Pullback(double[] p, double seed, double[] g) => NestedExitsPullback(p, seed, g);
    public static double NestedExits_Pushforward(double[] p, double[] t, out double tangent) => NestedExitsPushforward(p, t, out tangent);
    public static double NestedExits_Hvp(double[] p, double[] v, double[] g, double[] h) => NestedExitsHessianVectorProduct(p, v, g, h);
    public static double NestedExits_Hessian(double[] p, double[] g, double[] m) => NestedExitsWithHessian(p, g, m);

    public static double NewtonUntilConverged_Value(double[] p) => NewtonUntilConverged(p);
    public static double NewtonUntilConverged_Gradient(double[] p, double[] g) => NewtonUntilConvergedWithGradient(p, g);
    public static void NewtonUntilConverged_Pullback(double[] p, double seed, double[] g) => NewtonUntilConvergedPullback(p, seed, g);
    public static double NewtonUntilConverged_Pushforward(double[] p, double[] t, out double tangent) => NewtonUntilConvergedPushforward(p, t, out tangent);
    public static double NewtonUntilConverged_Hvp(double[] p, double[] v, double[] g, double[] h) => NewtonUntilConvergedHessianVectorProduct(p, v, g, h);
    public static double NewtonUntilConverged_Hessian(double[] p, double[] g, double[] m) => NewtonUntilConvergedWithHessian(p, g, m);

    public static double MatrixPower_Value(double[] p) => MatrixPower(p);
    public static double MatrixPower_Gradient(double[] p, double[] g) => MatrixPowerWithGradient(p, g);
    public static void MatrixPower_Pullback(double[] p, double seed, double[] g) => MatrixPowerPullback(p, seed, g);
    public static double MatrixPower_Pushforward(double[] p, double[] t, out double tangent) => MatrixPowerPushforward(p, t, out tangent);
    public static double MatrixPower_Hvp(double[] p, double[] v, double[] g, double[] h) => MatrixPowerHessianVectorProduct(p, v, g, h);
    public static double MatrixPower_Hessian(double[] p, double[] g, double[] m) => MatrixPowerWithHessian(p, g, m);

    public static double Clenshaw_Value(double[] p) => Clenshaw(p);
    public static double Clenshaw_Gradient(double[] p, double[] g) => ClenshawWithGradient(p, g);
    public static void Clenshaw_Pullback(double[] p, double seed, double[] g) => ClenshawPullback(p, seed, g);
    public static double Clenshaw_Pushforward(double[] p, double[] t, out double tangent) => ClenshawPushforward(p, t, out tangent);
    public static double Clenshaw_Hvp(double[] p, double[] v, double[] g, double[] h) => ClenshawHessianVectorProduct(p, v, g, h);
    public static double Clenshaw_Hessian(double[] p, double[] g, double[] m) => ClenshawWithHessian(p, g, m);

    public static double SoftHistogram_Value(double[] p) => SoftHistogram(p);
    public static double SoftHistogram_Gradient(double[] p, double[] g) => SoftHistogramWithGradient(p, g);
    public static void SoftHistogram_Pullback(double[] p, double seed, double[] g) => SoftHistogramPullback(p, seed, g);
    public static double SoftHistogram_Pushforward(double[] p, double[] t, out double tangent) => SoftHistogramPushforward(p, t, out tangent);
    public static double SoftHistogram_Hvp(double[] p, double[] v, double[] g, double[] h) => SoftHistogramHessianVectorProduct(p, v, g, h);
    public static double SoftHistogram_Hessian(double[] p, double[] g, double[] m) => SoftHistogramWithHessian(p, g, m);

    public static double PingPong_Value(double[] p) => PingPong(p);
    public static double PingPong_Gradient(double[] p, double[] g) => PingPongWithGradient(p, g);
    public static void PingPong_Pullback(double[] p, double seed, double[] g) => PingPongPullback(p, seed, g);
    public static double PingPong_Pushforward(double[] p, double[] t, out double tangent) => PingPongPushforward(p, t, out tangent);
    public static double PingPong_Hvp(double[] p, double[] v, double[] g, double[] h) => PingPongHessianVectorProduct(p, v, g, h);
    public static double PingPong_Hessian(double[] p, double[] g, double[] m) => PingPongWithHessian(p, g, m);

    public static double EitherBuffer_Value(double[] p) => EitherBuffer(p);
    public static double EitherBuffer_Gradient(double[] p, double[] g) => EitherBufferWithGradient(p, g);
    public static void EitherBuffer_Pullback(double[] p, double seed, double[] g) => EitherBufferPullback(p, seed, g);
    public static double EitherBuffer_Pushforward(double[] p, double[] t, out double tangent) => EitherBufferPushforward(p, t, out tangent);
    public static double EitherBuffer_Hvp(double[] p, double[] v, double[] g, double[] h) => EitherBufferHessianVectorProduct(p, v, g, h);
    public static double EitherBuffer_Hessian(double[] p, double[] g, double[] m) => EitherBufferWithHessian(p, g, m);
}
