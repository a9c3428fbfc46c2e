using AutoDiff.Tensors.NN;

namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// Moves weights between micrograd's flat order (layer by layer, neuron by neuron, each neuron's input weights then its
/// bias: the order of <c>AutoDiff.NN.MLP.Parameters()</c> and of <see cref="MoonsNetwork"/>) and tensor
/// <see cref="Linear"/> layers, whose weight is row-major [in, out]. It lets the engines start from the same weights.
/// </summary>
public static class NeuronOrder
{
    /// <summary>Overwrites the <see cref="Linear"/> layers of <paramref name="model"/> in order; returns how many values were used.</summary>
    public static int Load(Sequential model, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(model);
        int used = 0;
        foreach (var layer in model.Modules.OfType<Linear>()) used += Load(layer, values[used..]);
        return used;
    }

    /// <summary>Overwrites one layer from the start of <paramref name="values"/>; returns how many values were used.</summary>
    /// <exception cref="ArgumentException">Fewer values are left than the layer has parameters.</exception>
    public static int Load(Linear layer, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(layer);
        int inputs = layer.InFeatures, outputs = layer.OutFeatures, needed = (inputs + 1) * outputs;
        if (values.Length < needed)
            throw new ArgumentException($"NeuronOrder.Load: {values.Length} values left but Linear({inputs}, {outputs}) needs {needed}", nameof(values));
        var weight = new double[inputs * outputs];
        var bias = new double[outputs];
        for (int neuron = 0; neuron < outputs; neuron++)
        {
            var block = values.Slice(neuron * (inputs + 1), inputs + 1);
            for (int i = 0; i < inputs; i++) weight[i * outputs + neuron] = block[i];
            bias[neuron] = block[inputs];
        }
        layer.SetParameters(weight, bias);
        return needed;
    }

    /// <summary>Writes the layers' parameters into <paramref name="destination"/> in micrograd's order (the inverse of <see cref="Load(Sequential, ReadOnlySpan{double})"/>).</summary>
    public static void Store(IEnumerable<Linear> layers, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(layers);
        int next = 0;
        foreach (Linear layer in layers)
        {
            ReadOnlySpan<double> weight = layer.Weight.AsSpan();
            ReadOnlySpan<double> bias = layer.Bias.AsSpan();
            for (int neuron = 0; neuron < layer.OutFeatures; neuron++)
            {
                for (int i = 0; i < layer.InFeatures; i++) destination[next++] = weight[i * layer.OutFeatures + neuron];
                destination[next++] = bias[neuron];
            }
        }
    }
}
