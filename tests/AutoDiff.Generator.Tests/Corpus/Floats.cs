using System;
using AutoDiff;

namespace Corpus;

public static partial class Floats
{
    [Differentiable]
    public static float Rosenbrock(float x, float y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    [Differentiable]
    public static float Softplus(float x) => MathF.Log(1 + MathF.Exp(x));

    [Differentiable]
    public static float Mixed(float x, double y) => (float)(x * y) + MathF.Sqrt(x) * 0.5f;
}
