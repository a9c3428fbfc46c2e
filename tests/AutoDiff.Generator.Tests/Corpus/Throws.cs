using System;
using System.Diagnostics;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Exceptions as users throw them to reject bad input, not tuned against the generator: a guard before the work
/// (<c>if (…) throw new ArgumentException(…, nameof(x))</c>), a guard inside a loop whose message interpolates the
/// index and the element, a second loop whose counter has the first one's name, a switch's <c>default: throw</c>,
/// a switch expression's <c>_ =&gt; throw</c> arm as a local's value, an assignment's and a return's, an
/// <c>else if</c> chain that ends in <c>else throw</c> with a local kept only for the message, and a search that
/// returns from its loop and throws when it runs out, and .NET's own guard calls (<c>ThrowIfNegativeOrZero</c>,
/// <c>ThrowIfGreaterThan</c> on a renamed counter, whose message names it as written, <c>Debug.Assert</c>). On valid input none throws, so each is checked in reverse,
/// forward and second order; <see cref="ThrowTests"/> checks that each derivative kind throws what the source
/// throws on bad input.
/// </summary>
public static partial class Throws
{
    // A guard before the work.
    [Differentiable(Derivatives.All)]
    public static double CheckedPairs(ReadOnlySpan<double> x)
    {
        if (x.Length % 2 != 0)
        {
            throw new ArgumentException($"x holds {x.Length} values, not pairs.", nameof(x));
        }

        double s = 0;
        for (int i = 0; i < x.Length; i += 2)
        {
            s += x[i] * Math.Sin(x[i + 1]);
        }

        return s;
    }

    // A guard in each of two loops, whose counters share a name; the messages read the index and the element.
    [Differentiable(Derivatives.All)]
    public static double LogBarrier(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] <= -2)
            {
                throw new ArgumentOutOfRangeException(nameof(x), x[i], $"x[{i}] is at or below the barrier at -2.");
            }

            s += Math.Log(2 + x[i]) * x[i];
        }

        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] * x[(i + 1) % x.Length];
            if (double.IsNaN(v))
            {
                throw new InvalidOperationException($"The product at {i} is not a number.");
            }

            s += 0.5 * v;
        }

        return s;
    }

    // A switch statement whose default section throws.
    [Differentiable(Derivatives.All)]
    public static double ModeSwitch(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int mode = i % 3;
            switch (mode)
            {
                case 0:
                    s += x[i] * x[i];
                    break;
                case 1:
                    s += Math.Tanh(x[i]) * s;
                    break;
                case 2:
                    s -= Math.Exp(0.5 * x[i]);
                    break;
                default:
                    throw new InvalidOperationException("Unknown mode " + mode + ".");
            }
        }

        return s;
    }

    // Switch expressions that throw when nothing matches: a local's value, an assignment's and the return's.
    [Differentiable(Derivatives.All)]
    public static double ModeExpressions(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = (i % 3) switch
            {
                0 => x[i],
                1 => Math.Tanh(x[i]),
                2 => x[i] * x[(i + 1) % x.Length],
                _ => throw new InvalidOperationException("A remainder of three is below three."),
            };
            s += w * x[(i + 2) % x.Length];
        }

        double scale;
        scale = x[0] switch
        {
            > 0 => 1 + x[0],
            <= 0 => 1 - x[0] * x[0],
            _ => throw new ArgumentException("x[0] is not a number.", nameof(x)),
        };

        return (x.Length / 2) switch
        {
            3 => s * scale + x[5],
            2 => s * scale + x[3],
            _ => throw new ArgumentException("x must hold 4 to 7 values.", nameof(x)),
        };
    }

    // An else-if chain that ends in a throw; a local kept only for the message.
    [Differentiable(Derivatives.All)]
    public static double ElseIfThrows(ReadOnlySpan<double> x)
    {
        int limit = 2 * x.Length;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int r = i % 4;
            double v;
            if (r == 0)
            {
                v = x[i];
            }
            else if (r == 1)
            {
                v = Math.Exp(0.5 * x[i]);
            }
            else if (r < 4)
            {
                v = x[i] * x[(i + 1) % x.Length];
            }
            else
            {
                throw new InvalidOperationException($"Remainder {r} of {limit / 2} values.");
            }

            s += v * x[(i + 2) % x.Length];
        }

        return s;
    }

    // Returns from inside its loop, and throws when the loop runs out.
    [Differentiable(Derivatives.All)]
    public static double SearchOrThrow(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
            if (i == x.Length / 2)
            {
                return s * x[i];
            }
        }

        throw new InvalidOperationException($"No prefix of {x.Length} values.");
    }

    // .NET's guard calls: their messages name the argument as written, the second loop's counter included.
    [Differentiable(Derivatives.All)]
    public static double GuardCalls(ReadOnlySpan<double> x)
    {
        int count = x.Length / 2;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Debug.Assert(count <= x.Length, "Half a length is at most the length.");
        double s = 0;
        for (int i = 0; i < count; i++)
        {
            s += x[i] * x[i + count];
        }

        for (int i = 1; i < x.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(i, x.Length - 1);
            s += Math.Sin(x[i - 1]) * x[i];
        }

        return s;
    }

    // A guard in a loop over a run: the user's exception comes before any index past the end is read, so the loop
    // takes no window (a window checks the whole run up front).
    [Differentiable]
    public static double GuardBeforeRun(double[] x, int start, int count)
    {
        double s = 0;
        for (int i = 0; i < count; i++)
        {
            if (x[i % x.Length] < -100)
            {
                throw new ArgumentException("An element is below -100.", nameof(x));
            }

            s += x[start + i] * x[start + i];
        }

        return s;
    }

    // A vector-valued method with a guard: its Jacobian and pullback throw what it throws. (Its kind is spelled out,
    // since the every-kind tests ask each plain [Differentiable] of this file for a Hessian, which it has none of.)
    [Differentiable(Derivatives.Gradient)]
    public static void SquaresInto(ReadOnlySpan<double> x, Span<double> r)
    {
        if (r.Length != x.Length)
        {
            throw new ArgumentException($"r holds {r.Length} values; x holds {x.Length}.", nameof(r));
        }

        for (int i = 0; i < x.Length; i++)
        {
            r[i] = x[i] * x[i];
        }
    }

    // The one kink of ModeExpressions: x[0]'s sign picks the scale.
    public static double ModeExpressions_KinkDistance(double[] x) => Math.Abs(x[0]);
}

// Entry points the tests call by reflection: arrays in, the generated methods' span parameters out.
public static partial class Throws
{
    public static double CheckedPairs_Value(double[] p) => CheckedPairs(p);
    public static double CheckedPairs_Gradient(double[] p, double[] g) => CheckedPairsWithGradient(p, g);
    public static void CheckedPairs_Pullback(double[] p, double seed, double[] g) => CheckedPairsPullback(p, seed, g);
    public static double CheckedPairs_Pushforward(double[] p, double[] t, out double tangent) => CheckedPairsPushforward(p, t, out tangent);
    public static double CheckedPairs_Hvp(double[] p, double[] v, double[] g, double[] h) => CheckedPairsHessianVectorProduct(p, v, g, h);
    public static double CheckedPairs_Hessian(double[] p, double[] g, double[] m) => CheckedPairsWithHessian(p, g, m);
    public static double LogBarrier_Value(double[] p) => LogBarrier(p);
    public static double LogBarrier_Gradient(double[] p, double[] g) => LogBarrierWithGradient(p, g);
    public static void LogBarrier_Pullback(double[] p, double seed, double[] g) => LogBarrierPullback(p, seed, g);
    public static double LogBarrier_Pushforward(double[] p, double[] t, out double tangent) => LogBarrierPushforward(p, t, out tangent);
    public static double LogBarrier_Hvp(double[] p, double[] v, double[] g, double[] h) => LogBarrierHessianVectorProduct(p, v, g, h);
    public static double LogBarrier_Hessian(double[] p, double[] g, double[] m) => LogBarrierWithHessian(p, g, m);
    public static double ModeSwitch_Value(double[] p) => ModeSwitch(p);
    public static double ModeSwitch_Gradient(double[] p, double[] g) => ModeSwitchWithGradient(p, g);
    public static void ModeSwitch_Pullback(double[] p, double seed, double[] g) => ModeSwitchPullback(p, seed, g);
    public static double ModeSwitch_Pushforward(double[] p, double[] t, out double tangent) => ModeSwitchPushforward(p, t, out tangent);
    public static double ModeSwitch_Hvp(double[] p, double[] v, double[] g, double[] h) => ModeSwitchHessianVectorProduct(p, v, g, h);
    public static double ModeSwitch_Hessian(double[] p, double[] g, double[] m) => ModeSwitchWithHessian(p, g, m);
    public static double ModeExpressions_Value(double[] p) => ModeExpressions(p);
    public static double ModeExpressions_Gradient(double[] p, double[] g) => ModeExpressionsWithGradient(p, g);
    public static void ModeExpressions_Pullback(double[] p, double seed, double[] g) => ModeExpressionsPullback(p, seed, g);
    public static double ModeExpressions_Pushforward(double[] p, double[] t, out double tangent) => ModeExpressionsPushforward(p, t, out tangent);
    public static double ModeExpressions_Hvp(double[] p, double[] v, double[] g, double[] h) => ModeExpressionsHessianVectorProduct(p, v, g, h);
    public static double ModeExpressions_Hessian(double[] p, double[] g, double[] m) => ModeExpressionsWithHessian(p, g, m);
    public static double ElseIfThrows_Value(double[] p) => ElseIfThrows(p);
    public static double ElseIfThrows_Gradient(double[] p, double[] g) => ElseIfThrowsWithGradient(p, g);
    public static void ElseIfThrows_Pullback(double[] p, double seed, double[] g) => ElseIfThrowsPullback(p, seed, g);
    public static double ElseIfThrows_Pushforward(double[] p, double[] t, out double tangent) => ElseIfThrowsPushforward(p, t, out tangent);
    public static double ElseIfThrows_Hvp(double[] p, double[] v, double[] g, double[] h) => ElseIfThrowsHessianVectorProduct(p, v, g, h);
    public static double ElseIfThrows_Hessian(double[] p, double[] g, double[] m) => ElseIfThrowsWithHessian(p, g, m);
    public static double SearchOrThrow_Value(double[] p) => SearchOrThrow(p);
    public static double SearchOrThrow_Gradient(double[] p, double[] g) => SearchOrThrowWithGradient(p, g);
    public static void SearchOrThrow_Pullback(double[] p, double seed, double[] g) => SearchOrThrowPullback(p, seed, g);
    public static double SearchOrThrow_Pushforward(double[] p, double[] t, out double tangent) => SearchOrThrowPushforward(p, t, out tangent);
    public static double SearchOrThrow_Hvp(double[] p, double[] v, double[] g, double[] h) => SearchOrThrowHessianVectorProduct(p, v, g, h);
    public static double SearchOrThrow_Hessian(double[] p, double[] g, double[] m) => SearchOrThrowWithHessian(p, g, m);
    public static double GuardCalls_Value(double[] p) => GuardCalls(p);
    public static double GuardCalls_Gradient(double[] p, double[] g) => GuardCallsWithGradient(p, g);
    public static void GuardCalls_Pullback(double[] p, double seed, double[] g) => GuardCallsPullback(p, seed, g);
    public static double GuardCalls_Pushforward(double[] p, double[] t, out double tangent) => GuardCallsPushforward(p, t, out tangent);
    public static double GuardCalls_Hvp(double[] p, double[] v, double[] g, double[] h) => GuardCallsHessianVectorProduct(p, v, g, h);
    public static double GuardCalls_Hessian(double[] p, double[] g, double[] m) => GuardCallsWithHessian(p, g, m);
    public static void SquaresInto_Value(double[] x, double[] r) => SquaresInto(x, r);
    public static void SquaresInto_Jacobian(double[] x, double[] r, double[] j) => SquaresIntoJacobian(x, r, j);
    public static double GuardBeforeRunGradient(double[] x, int start, int count, double[] dx) => GuardBeforeRunWithGradient(x, start, count, dx);
}
