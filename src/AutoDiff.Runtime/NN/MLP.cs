namespace AutoDiff.NN;

/// <summary>
/// A multi-layer perceptron as in micrograd: hidden layers use the chosen activation, the last layer is
/// linear. Every weight and bias starts uniform in [-1, 1) (the seeds' <c>random.uniform(-1, 1)</c>).
/// </summary>
public sealed class MLP : Module
{
    private readonly Layer[] _layers;

    /// <summary>Creates the network <c>nin → nouts[0] → … → nouts[^1]</c>.</summary>
    /// <param name="nin">Number of inputs.</param>
    /// <param name="nouts">Width of each layer; the last is the number of outputs.</param>
    /// <param name="activation">Nonlinearity of the hidden layers.</param>
    /// <param name="seed">Seed for reproducible initial weights; null draws from a random seed.</param>
    /// <exception cref="ArgumentException"><paramref name="nouts"/> is empty.</exception>
    public MLP(int nin, IReadOnlyList<int> nouts, Activation activation = Activation.Relu, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(nouts);
        if (nouts.Count == 0)
        {
            throw new ArgumentException("An MLP needs at least one layer width in nouts.", nameof(nouts));
        }

        var random = seed is int s ? new Random(s) : new Random();
        _layers = new Layer[nouts.Count];
        int inputs = nin;
        for (int i = 0; i < nouts.Count; i++)
        {
            bool last = i == nouts.Count - 1;
            _layers[i] = new Layer(inputs, nouts[i], last ? Activation.Linear : activation, random);
            inputs = nouts[i];
        }
    }

    /// <summary>Creates the network with the given weights instead of random ones.</summary>
    /// <param name="nin">Number of inputs.</param>
    /// <param name="nouts">Width of each layer.</param>
    /// <param name="activation">Nonlinearity of the hidden layers.</param>
    /// <param name="parameters">All weights and biases in <see cref="Module.Parameters"/> order.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException">The number of values does not match the architecture.</exception>
    public static MLP FromParameters(int nin, IReadOnlyList<int> nouts, Activation activation, ReadOnlySpan<double> parameters)
    {
        var mlp = new MLP(nin, nouts, activation, seed: 0);
        mlp.SetParameterValues(parameters);
        return mlp;
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Runs the inputs through every layer.</summary>
    /// <param name="x">One value per input.</param>
    /// <returns>One value per output of the last layer.</returns>
    public IReadOnlyList<Value> Forward(IReadOnlyList<Value> x)
    {
        IReadOnlyList<Value> activations = x;
        foreach (Layer layer in _layers)
        {
            activations = layer.Forward(activations);
        }

        return activations;
    }

    /// <summary>Runs plain numbers through the network (each becomes a constant leaf).</summary>
    /// <param name="x">One number per input.</param>
    /// <returns>One value per output of the last layer.</returns>
    public IReadOnlyList<Value> Forward(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var inputs = new Value[x.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = new Value(x[i]);
        }

        return Forward(inputs);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Value> Parameters()
    {
        var parameters = new List<Value>();
        foreach (Layer layer in _layers)
        {
            parameters.AddRange(layer.Parameters());
        }

        return parameters;
    }
}
