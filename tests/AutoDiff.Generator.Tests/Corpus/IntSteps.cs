using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Int offsets stepped by more than a constant. The reverse sweep undoes <c>next += fanIn + 1</c> by the opposite
/// step when the step reads only ints it restores anyway (or that nothing writes); a step that reads an int the
/// reverse sweep does not restore is recorded instead. `IntStepTests` checks which, `GradientTests` the gradients.
/// </summary>
public static partial class IntSteps
{
    private static readonly int[] Sizes = [2, 3, 2];

    // The layered weights of a small network read through a running offset, stepped by each layer's fan-in.
    [Differentiable]
    public static double RunningOffset(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<int> sizes)
    {
        double s = 0;
        int next = 0;
        for (int layer = 1; layer < sizes.Length; layer++)
        {
            int fanIn = sizes[layer - 1];
            for (int j = 0; j < sizes[layer]; j++)
            {
                double z = w[next + fanIn];
                for (int i = 0; i < fanIn; i++)
                {
                    z += w[next + i] * (i + 1) * 0.1;
                }

                s += Math.Tanh(z) * s + Math.Tanh(z) * (j + 1);
                next += fanIn + 1;
            }
        }

        return s;
    }

    // The stride grows after each step and is read by nothing else: the step cannot be undone, only recorded.
    [Differentiable]
    public static double GrowingStride(ReadOnlySpan<double> w)
    {
        int stride = 1;
        int index = 0;
        double s = 0.5;
        for (int k = 0; k < 4; k++)
        {
            s = Math.Sin(w[index] * s + 0.1 * k);
            index += stride;
            stride = stride + 1;
        }

        return s;
    }

    public static double RunningOffset_Value(double[] p) => RunningOffset(p, Sizes);
    public static double RunningOffset_Gradient(double[] p, double[] g) => RunningOffsetWithGradient(p, Sizes, g);
    public static void RunningOffset_Pullback(double[] p, double seed, double[] g) => RunningOffsetPullback(p, Sizes, seed, g);

    public static double GrowingStride_Value(double[] p) => GrowingStride(p);
    public static double GrowingStride_Gradient(double[] p, double[] g) => GrowingStrideWithGradient(p, g);
    public static void GrowingStride_Pullback(double[] p, double seed, double[] g) => GrowingStridePullback(p, seed, g);
}
