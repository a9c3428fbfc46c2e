using System;
using AutoDiff;

namespace Corpus;

public static partial class Activations
{
    [Differentiable]
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
}
