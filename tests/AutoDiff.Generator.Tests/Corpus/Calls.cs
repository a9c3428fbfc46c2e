using System;
using AutoDiff;

namespace Corpus
{
    public static partial class Layers
    {
        [Differentiable]
        public static double Square(double u) => u * u;

        // Calls a [Differentiable] method of the same type and one of another type (in the global namespace).
        [Differentiable]
        public static double Energy(double x, double y) => Square(x - y) + 3 * global::Kernels.Gauss(x, y);
    }
}

public static partial class Kernels
{
    [Differentiable]
    internal static double Gauss(double a, double b) => Math.Exp(-(a * a + b * b) / 2);
}
