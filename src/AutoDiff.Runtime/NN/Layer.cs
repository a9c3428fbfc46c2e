namespace AutoDiff.NN;

/// <summary>A row of neurons that all see the same inputs.</summary>
public sealed class Layer : Module
{
    private readonly Neuron[] _neurons;

    /// <summary>Creates <paramref name="nout"/> neurons of <paramref name="nin"/> inputs each.</summary>
    /// <param name="nin">Inputs per neuron.</param>
    /// <param name="nout">Number of neurons (outputs).</param>
    /// <param name="activation">The nonlinearity of every neuron.</param>
    /// <param name="random">The source of the initial weights, consumed neuron by neuron.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nin"/> or <paramref name="nout"/> is not positive.</exception>
    public Layer(int nin, int nout, Activation activation, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nout);
        _neurons = new Neuron[nout];
        for (int i = 0; i < nout; i++)
        {
            _neurons[i] = new Neuron(nin, activation, random);
        }
    }

    /// <summary>The neurons, in output order.</summary>
    public IReadOnlyList<Neuron> Neurons => _neurons;

    /// <summary>Runs every neuron on the same inputs.</summary>
    /// <param name="x">The inputs.</param>
    /// <returns>One output per neuron.</returns>
    public IReadOnlyList<Value> Forward(IReadOnlyList<Value> x)
    {
        var outputs = new Value[_neurons.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = _neurons[i].Forward(x);
        }

        return outputs;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Value> Parameters()
    {
        var parameters = new List<Value>();
        foreach (Neuron neuron in _neurons)
        {
            parameters.AddRange(neuron.Parameters());
        }

        return parameters;
    }
}
