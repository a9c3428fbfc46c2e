using System;
using AutoDiff;

namespace Corpus;

public static partial class Mlp
{
    public const int Inputs = 3;
    public const int Hidden = 4;

    // Mean squared error of a 2-layer perceptron (tanh hidden layer, linear output) over a batch.
    // Parameters are packed: W1 (Hidden x Inputs), b1 (Hidden), w2 (Hidden), b2 (1).
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> parameters, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        Span<double> hidden = stackalloc double[Hidden];
        double loss = 0;
        for (int n = 0; n < ys.Length; n++)
        {
            for (int j = 0; j < Hidden; j++)
            {
                double a = parameters[Hidden * Inputs + j];
                for (int i = 0; i < Inputs; i++)
                {
                    a += parameters[j * Inputs + i] * xs[n * Inputs + i];
                }

                hidden[j] = Math.Tanh(a);
            }

            double output = parameters[Hidden * Inputs + 2 * Hidden];
            for (int j = 0; j < Hidden; j++)
            {
                output += parameters[Hidden * Inputs + Hidden + j] * hidden[j];
            }

            double error = output - ys[n];
            loss += error * error;
        }

        return loss / ys.Length;
    }

    public const int ParameterCount = Hidden * Inputs + 2 * Hidden + 1;

    public static readonly double[] Xs = [0.5, -1.0, 2.0, 1.5, 0.3, -0.7, -0.2, 0.8, 1.1, 0.0, -1.3, 0.6];
    public static readonly double[] Ys = [1.0, -0.5, 0.25, 2.0];

    public static double Loss_Value(double[] p) => Loss(p, Xs, Ys);
    public static double Loss_Gradient(double[] p, double[] g) => LossWithGradient(p, Xs, Ys, g, new double[Xs.Length], new double[Ys.Length]);
    public static void Loss_Pullback(double[] p, double seed, double[] g) => LossPullback(p, Xs, Ys, seed, g, new double[Xs.Length], new double[Ys.Length]);

    public const int ReluHidden = 3;

    // Hinge loss of a 2-3-1 ReLU network with a clipped output unit over labelled points (x, y pairs).
    // Parameters are packed: W1 (3 x 2), b1 (3), w2 (3), b2 (1). The stored max/min values are read back by the
    // adjoint to decide which argument they picked.
    [Differentiable]
    public static double ReluLoss(ReadOnlySpan<double> p, ReadOnlySpan<double> points, ReadOnlySpan<double> labels)
    {
        Span<double> h = stackalloc double[ReluHidden];
        double loss = 0.0;
        for (int n = 0; n < labels.Length; n++)
        {
            for (int j = 0; j < ReluHidden; j++)
            {
                h[j] = Math.Max(0.0, p[6 + j] + p[2 * j] * points[2 * n] + p[2 * j + 1] * points[2 * n + 1]);
            }

            double clipped = Math.Min(1.5, p[9] * h[0] + p[10] * h[1] + p[11] * h[2]);
            double score = clipped + p[12];
            loss += Math.Max(0.0, 1.0 - labels[n] * score);
        }

        return loss / labels.Length;
    }

    public const int ReluParameterCount = 13;

    public static readonly double[] ReluPoints = [0.5, -1.0, 2.0, 1.5, 0.3, -0.7, -0.2, 0.8, 1.1, 0.0];
    public static readonly double[] ReluLabels = [1.0, -1.0, 1.0, -1.0, 1.0];

    public static double ReluLoss_Value(double[] p) => ReluLoss(p, ReluPoints, ReluLabels);
    public static double ReluLoss_Gradient(double[] p, double[] g) =>
        ReluLossWithGradient(p, ReluPoints, ReluLabels, g, new double[ReluPoints.Length], new double[ReluLabels.Length]);
    public static void ReluLoss_Pullback(double[] p, double seed, double[] g) =>
        ReluLossPullback(p, ReluPoints, ReluLabels, seed, g, new double[ReluPoints.Length], new double[ReluLabels.Length]);

    /// <summary>How far the point is from switching any max/min of ReluLoss: finite differences across a switch measure neither side.</summary>
    public static double ReluLoss_KinkDistance(double[] p)
    {
        var distance = double.PositiveInfinity;
        for (int n = 0; n < ReluLabels.Length; n++)
        {
            var h = new double[ReluHidden];
            for (int j = 0; j < ReluHidden; j++)
            {
                var a = p[6 + j] + p[2 * j] * ReluPoints[2 * n] + p[2 * j + 1] * ReluPoints[2 * n + 1];
                distance = Math.Min(distance, Math.Abs(a));
                h[j] = Math.Max(0.0, a);
            }

            var u = p[9] * h[0] + p[10] * h[1] + p[11] * h[2];
            distance = Math.Min(distance, Math.Abs(u - 1.5));
            distance = Math.Min(distance, Math.Abs(1.0 - ReluLabels[n] * (Math.Min(1.5, u) + p[12])));
        }

        return distance;
    }
}
