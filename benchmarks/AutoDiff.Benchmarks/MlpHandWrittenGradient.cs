using AutoDiff.Samples.Moons.Model;

namespace AutoDiff.Benchmarks;

/// <summary>
/// The moons loss of <see cref="MoonsLoss.Loss"/> (ReLU hidden layers of any sizes, a linear output, mean hinge
/// loss plus <c>1e-4 · Σ w²</c>) with its gradient written by hand, as backpropagation is written without a tool:
/// for each point a forward pass that keeps every unit's activation, then, right away, a backward pass over the
/// same loops. The loss is a sum over points, so nothing needs to survive a point and nothing is recorded. A point
/// whose margin is met and a unit whose ReLU is off pass no gradient back and are skipped.
/// </summary>
public static class MlpHandWrittenGradient
{
    /// <summary>The loss and its gradient with respect to <paramref name="w"/>.</summary>
    /// <param name="w">The weights in micrograd's order: layer by layer, neuron by neuron, weights then bias.</param>
    /// <param name="sizes">Every layer's width, inputs first, one output last.</param>
    /// <param name="data">Per point its inputs then its label (±1).</param>
    /// <param name="n">The number of points.</param>
    /// <param name="dw">Receives the gradient; same length as <paramref name="w"/>.</param>
    /// <returns>The loss.</returns>
    public static double LossWithGradient(ReadOnlySpan<double> w, ReadOnlySpan<int> sizes, ReadOnlySpan<double> data, int n, Span<double> dw)
    {
        if (dw.Length != w.Length)
        {
            throw new ArgumentException($"The gradient has length {dw.Length} but the weights have {w.Length}.", nameof(dw));
        }

        int units = 0;
        foreach (int width in sizes)
        {
            units += width;
        }

        Span<double> a = stackalloc double[units]; // one point's activations: inputs, then each layer's outputs
        Span<double> da = stackalloc double[units]; // the loss's derivative with respect to each of them
        int inputs = sizes[0];
        int outputUnit = units - 1; // the last layer is the single score
        double scale = 1.0 / n;
        double hinge = 0.0;
        dw.Clear();
        for (int p = 0; p < n; p++)
        {
            ReadOnlySpan<double> point = data.Slice((inputs + 1) * p, inputs + 1);
            point[..inputs].CopyTo(a);
            Forward(w, sizes, a);
            double label = point[inputs];
            double margin = 1.0 - label * a[outputUnit];
            if (!(margin > 0.0))
            {
                continue; // relu(margin) is 0 here and passes nothing back (at 0 too, as Math.Max(0, m) picks 0)
            }

            hinge += margin;
            da[outputUnit] = -label * scale;
            Backward(w, sizes, a, da, dw);
        }

        double squares = 0.0;
        for (int k = 0; k < w.Length; k++)
        {
            squares += w[k] * w[k];
            dw[k] += 2.0 * MoonsLoss.RegularizationStrength * w[k];
        }

        return hinge * scale + MoonsLoss.RegularizationStrength * squares;
    }

    // Every layer's outputs from the one before; a[..sizes[0]] holds the inputs.
    private static void Forward(ReadOnlySpan<double> w, ReadOnlySpan<int> sizes, Span<double> a)
    {
        int next = 0;
        int input = 0;
        for (int layer = 1; layer < sizes.Length; layer++)
        {
            int fanIn = sizes[layer - 1];
            int output = input + fanIn;
            ReadOnlySpan<double> x = a.Slice(input, fanIn);
            bool hidden = layer < sizes.Length - 1;
            for (int j = 0; j < sizes[layer]; j++)
            {
                ReadOnlySpan<double> neuron = w.Slice(next, fanIn + 1);
                double sum = neuron[fanIn];
                for (int i = 0; i < x.Length; i++)
                {
                    sum += neuron[i] * x[i];
                }

                a[output + j] = hidden ? Math.Max(0.0, sum) : sum;
                next += fanIn + 1;
            }

            input = output;
        }
    }

    // From the output unit's derivative in da, every weight's contribution into dw, layer by layer backwards. A hidden
    // unit whose output is 0 had its ReLU off (Math.Max(0, s) > 0 exactly when s > 0) and is skipped with its weights.
    private static void Backward(ReadOnlySpan<double> w, ReadOnlySpan<int> sizes, ReadOnlySpan<double> a, Span<double> da, Span<double> dw)
    {
        int next = w.Length;
        int output = a.Length - sizes[^1];
        for (int layer = sizes.Length - 1; layer >= 1; layer--)
        {
            int fanIn = sizes[layer - 1];
            int width = sizes[layer];
            int input = output - fanIn;
            next -= width * (fanIn + 1);
            ReadOnlySpan<double> x = a.Slice(input, fanIn);
            Span<double> dx = da.Slice(input, fanIn);
            bool hidden = layer < sizes.Length - 1;
            bool inputsAreUnits = layer > 1; // the first layer's inputs are data: no derivative to pass to them
            if (inputsAreUnits)
            {
                dx.Clear();
            }

            for (int j = 0; j < width; j++)
            {
                double g = da[output + j];
                if (g == 0.0 || (hidden && !(a[output + j] > 0.0)))
                {
                    continue;
                }

                int start = next + j * (fanIn + 1);
                ReadOnlySpan<double> neuron = w.Slice(start, fanIn);
                Span<double> dNeuron = dw.Slice(start, fanIn + 1);
                dNeuron[fanIn] += g;
                if (inputsAreUnits)
                {
                    for (int i = 0; i < neuron.Length; i++)
                    {
                        dNeuron[i] += g * x[i];
                        dx[i] += g * neuron[i];
                    }
                }
                else
                {
                    for (int i = 0; i < neuron.Length; i++)
                    {
                        dNeuron[i] += g * x[i];
                    }
                }
            }

            output = input;
        }
    }
}
