using System;
using AutoDiff;

namespace Corpus;

public static partial class Custom
{
    // The user pullback below replaces differentiation of this body (which alone would be fine too,
    // but the closed form is cheaper and stable for large x).
    [Differentiable]
    public static double StableSoftplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    [DerivativeOf(nameof(StableSoftplus))]
    public static void StableSoftplusDerivative(double x, double seed, ref double dx) => dx += seed / (1 + Math.Exp(-x));

    // Not [Differentiable] itself: callers use its [DerivativeOf] pullback.
    public static double Cube(double x) => x * x * x;

    [DerivativeOf(nameof(Cube))]
    public static void CubePullback2(double x, double seed, ref double dx) => dx += seed * 3 * x * x;

    [Differentiable]
    public static double UsesBoth(double x, double y) => StableSoftplus(x * y) + Cube(y);
}
