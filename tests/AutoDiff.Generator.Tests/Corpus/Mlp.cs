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

    private static readonly int[] LayerSizes = [2, 3, 3, 1];

    // A network written as users write one: loops over layer sizes, a running weight offset, one buffer of unit
    // outputs, and a ReLU on the hidden layers only (a conditional), read back from the stored output by the adjoint.
    [Differentiable]
    public static double LayeredRelu(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<int> sizes, [NoDerivative] ReadOnlySpan<double> points)
    {
        Span<double> a = stackalloc double[9];
        int layers = sizes.Length;
        double loss = 0.0;
        for (int p = 0; p < points.Length / 2; p++)
        {
            a[0] = points[2 * p];
            a[1] = points[2 * p + 1];
            int next = 0;
            int input = 0;
            for (int layer = 1; layer < layers; layer++)
            {
                int fanIn = sizes[layer - 1];
                int output = input + fanIn;
                for (int j = 0; j < sizes[layer]; j++)
                {
                    double sum = w[next + fanIn];
                    for (int i = 0; i < fanIn; i++)
                    {
                        sum += w[next + i] * a[input + i];
                    }

                    a[output + j] = layer < layers - 1 ? Math.Max(0.0, sum) : sum;
                    next += fanIn + 1;
                }

                input = output;
            }

            double error = a[input] - 0.5;
            loss += error * error;
        }

        return loss;
    }

    public static double LayeredRelu_Value(double[] p) => LayeredRelu(p, LayerSizes, ReluPoints);
    public static double LayeredRelu_Gradient(double[] p, double[] g) => LayeredReluWithGradient(p, LayerSizes, ReluPoints, g);
    public static void LayeredRelu_Pullback(double[] p, double seed, double[] g) => LayeredReluPullback(p, LayerSizes, ReluPoints, seed, g);

    /// <summary>How far the point is from switching any ReLU of LayeredRelu (the same network, evaluated again).</summary>
    public static double LayeredRelu_KinkDistance(double[] w)
    {
        var distance = double.PositiveInfinity;
        for (int p = 0; p < ReluPoints.Length / 2; p++)
        {
            double[] units = [ReluPoints[2 * p], ReluPoints[2 * p + 1]];
            var next = 0;
            for (int layer = 1; layer < LayerSizes.Length; layer++)
            {
                var outputs = new double[LayerSizes[layer]];
                for (int j = 0; j < outputs.Length; j++)
                {
                    var sum = w[next + units.Length];
                    for (int i = 0; i < units.Length; i++)
                    {
                        sum += w[next + i] * units[i];
                    }

                    var hidden = layer < LayerSizes.Length - 1;
                    distance = hidden ? Math.Min(distance, Math.Abs(sum)) : distance;
                    outputs[j] = hidden ? Math.Max(0.0, sum) : sum;
                    next += units.Length + 1;
                }

                units = outputs;
            }
        }

        return distance;
    }
}
