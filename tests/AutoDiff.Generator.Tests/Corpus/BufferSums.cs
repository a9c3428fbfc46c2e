using System;
using AutoDiff;

namespace Corpus;

/// <summary>
/// Partial sums kept in buffer elements, as ADBench's GMM forms Q·x column by column (<c>qx[j] += l * xc[i]</c>).
/// Such an element needs no record when nothing reads the buffer between the last loop that overwrote all of it
/// and the sum; `BufferSumTests` checks which sums were recorded, `GradientTests` the gradients.
/// </summary>
public static partial class BufferSums
{
    // Q·x with Q = diag(exp(v[0..3])) + strictly lower part v[3..6], for two scalings of x; then |Q·x|².
    [Differentiable]
    public static double TriangularProduct(ReadOnlySpan<double> v)
    {
        Span<double> xc = stackalloc double[3];
        Span<double> qx = stackalloc double[3];
        double s = 0;
        for (int k = 0; k < 2; k++)
        {
            for (int d = 0; d < 3; d++)
            {
                xc[d] = v[d] * (k + 1) - 0.5;
            }

            for (int d = 0; d < 3; d++)
            {
                qx[d] = Math.Exp(v[d]) * xc[d];
            }

            int l = 3;
            for (int i = 0; i < 3; i++)
            {
                for (int j = i + 1; j < 3; j++)
                {
                    qx[j] += v[l] * xc[i];
                    l++;
                }
            }

            for (int d = 0; d < 3; d++)
            {
                s += qx[d] * qx[d];
            }
        }

        return s;
    }

    // The same, but the sums are read between the overwrite and the accumulation: each must be recorded.
    [Differentiable]
    public static double ReadBetween(ReadOnlySpan<double> v)
    {
        Span<double> xc = stackalloc double[3];
        Span<double> qx = stackalloc double[3];
        double s = 0;
        for (int k = 0; k < 2; k++)
        {
            for (int d = 0; d < 3; d++)
            {
                xc[d] = v[d] * (k + 1) - 0.5;
            }

            for (int d = 0; d < 3; d++)
            {
                qx[d] = Math.Exp(v[d]) * xc[d];
            }

            int l = 3;
            for (int i = 0; i < 3; i++)
            {
                s += qx[i] * qx[i] * v[i];
                for (int j = i + 1; j < 3; j++)
                {
                    qx[j] += v[l] * xc[i];
                    l++;
                }
            }

            for (int d = 0; d < 3; d++)
            {
                s += qx[d] * qx[d];
            }
        }

        return s;
    }

    // The overwrite covers only part of the buffer: the last element carries over from the previous k.
    [Differentiable]
    public static double PartlyOverwritten(ReadOnlySpan<double> v)
    {
        Span<double> qx = stackalloc double[3];
        double s = 0;
        for (int k = 0; k < 3; k++)
        {
            for (int d = 0; d < 2; d++)
            {
                qx[d] = Math.Sin(v[d] * (k + 1));
            }

            for (int d = 0; d < 3; d++)
            {
                s += qx[d] * qx[d] * v[3];
            }

            qx[2] += v[2] * v[k];
        }

        return s;
    }

    public static double TriangularProduct_Value(double[] p) => TriangularProduct(p);
    public static double TriangularProduct_Gradient(double[] p, double[] g) => TriangularProductWithGradient(p, g);
    public static void TriangularProduct_Pullback(double[] p, double seed, double[] g) => TriangularProductPullback(p, seed, g);

    public static double ReadBetween_Value(double[] p) => ReadBetween(p);
    public static double ReadBetween_Gradient(double[] p, double[] g) => ReadBetweenWithGradient(p, g);
    public static void ReadBetween_Pullback(double[] p, double seed, double[] g) => ReadBetweenPullback(p, seed, g);

    public static double PartlyOverwritten_Value(double[] p) => PartlyOverwritten(p);
    public static double PartlyOverwritten_Gradient(double[] p, double[] g) => PartlyOverwrittenWithGradient(p, g);
    public static void PartlyOverwritten_Pullback(double[] p, double seed, double[] g) => PartlyOverwrittenPullback(p, seed, g);
}
