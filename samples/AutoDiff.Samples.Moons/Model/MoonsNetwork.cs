namespace AutoDiff.Samples.Moons.Model;

/// <summary>
/// The network definition every engine and the plot read: micrograd's <c>MLP(2, [hidden…, 1])</c>, ReLU hidden
/// layers and a linear output whose sign is the predicted class (the demo's is <c>MLP(2, [16, 16, 1])</c>). Its
/// weights are one flat vector in the order of <c>AutoDiff.NN.MLP.Parameters()</c> — layer by layer, neuron by
/// neuron, each neuron's weights then its bias — so the generated, tape and tensor engines can start from the very
/// same numbers.
/// </summary>
public sealed class MoonsNetwork : IEquatable<MoonsNetwork>
{
    /// <summary>Inputs per point (x, y).</summary>
    public const int Inputs = 2;

    /// <summary>Widest hidden layer <c>--hidden</c> accepts: the loss keeps one point's activations on the stack.</summary>
    public const int MaxWidth = 1024;

    /// <summary>Most hidden layers <c>--hidden</c> accepts (with <see cref="MaxWidth"/>, at most 128 KB of stack).</summary>
    public const int MaxHiddenLayers = 16;

    private readonly int[] _sizes;

    /// <summary>Creates the definition of the network with the given hidden layer widths.</summary>
    /// <param name="hidden">The width of each hidden layer, input side first.</param>
    /// <exception cref="ArgumentException">No hidden layer, too many, or a width outside 1..<see cref="MaxWidth"/>.</exception>
    public MoonsNetwork(IReadOnlyList<int> hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (hidden.Count is 0 or > MaxHiddenLayers)
        {
            throw new ArgumentException($"A network needs 1 to {MaxHiddenLayers} hidden layers, not {hidden.Count}.", nameof(hidden));
        }

        foreach (int width in hidden)
        {
            if (width is < 1 or > MaxWidth)
            {
                throw new ArgumentException($"A hidden layer has 1 to {MaxWidth} neurons, not {width}.", nameof(hidden));
            }
        }

        _sizes = [Inputs, .. hidden, 1];
        for (int layer = 1; layer < _sizes.Length; layer++)
        {
            ParameterCount += (_sizes[layer - 1] + 1) * _sizes[layer];
        }
    }

    /// <summary>micrograd's demo network, 2-16-16-1.</summary>
    public static MoonsNetwork Default { get; } = new([16, 16]);

    /// <summary>Every layer's width, the inputs first and the single output last (2, 16, 16, 1 for the demo).</summary>
    public ReadOnlySpan<int> Sizes => _sizes;

    /// <summary>The widths of the hidden layers.</summary>
    public IReadOnlyList<int> Hidden => _sizes[1..^1];

    /// <summary>The layer widths after the inputs, as <c>MLP</c> and <c>Sequential.Mlp</c> take them.</summary>
    public IReadOnlyList<int> LayerWidths => _sizes[1..];

    /// <summary>All weights and biases (337 for 2-16-16-1).</summary>
    public int ParameterCount { get; }

    /// <summary>
    /// micrograd's initialisation: every weight uniform in [-1, 1), every bias 0, drawn in parameter order
    /// from one seeded generator.
    /// </summary>
    /// <param name="seed">The seed; the same seed gives the same weights.</param>
    /// <returns>A new vector of <see cref="ParameterCount"/> numbers.</returns>
    public double[] InitialWeights(int seed)
    {
        var random = new Random(seed);
        var weights = new double[ParameterCount];
        int next = 0;
        for (int layer = 1; layer < _sizes.Length; layer++)
        {
            for (int neuron = 0; neuron < _sizes[layer]; neuron++)
            {
                for (int i = 0; i < _sizes[layer - 1]; i++)
                {
                    weights[next++] = 2.0 * random.NextDouble() - 1.0;
                }

                weights[next++] = 0.0; // the bias
            }
        }

        return weights;
    }

    /// <summary>Throws unless <paramref name="w"/> holds exactly <see cref="ParameterCount"/> numbers.</summary>
    /// <param name="w">The weights.</param>
    /// <exception cref="ArgumentException">The length is wrong.</exception>
    public void RequireParameterCount(ReadOnlySpan<double> w)
    {
        if (w.Length != ParameterCount)
        {
            throw new ArgumentException(
                $"The {this} network has {ParameterCount} weights and biases, but the vector has {w.Length}.", nameof(w));
        }
    }

    /// <summary>Two definitions are equal when their layer widths are.</summary>
    /// <param name="other">The other definition.</param>
    /// <returns>True for the same widths in the same order.</returns>
    public bool Equals(MoonsNetwork? other) => other is not null && _sizes.AsSpan().SequenceEqual(other._sizes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MoonsNetwork);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int size in _sizes)
        {
            hash.Add(size);
        }

        return hash.ToHashCode();
    }

    /// <summary>The layer widths joined by dashes, as the usage text writes them: <c>2-16-16-1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join('-', _sizes);
}
