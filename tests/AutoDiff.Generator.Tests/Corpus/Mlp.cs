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
}
