using System;
using AutoDiff;

namespace Corpus;

public static partial class Functions
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
        => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}
