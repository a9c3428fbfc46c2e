namespace AutoDiff.NN;

/// <summary>
/// One neuron: <c>activation(b + w·x)</c>. Weights and bias start uniform in [-1, 1), as in the seeds.
/// </summary>
public sealed class Neuron : Module
{
    private readonly Value[] _weights;
    private readonly Value _bias;

    /// <summary>Creates a neuron with random weights and bias drawn from <paramref name="random"/>.</summary>
    /// <param name="nin">Number of inputs.</param>
    /// <param name="activation">The nonlinearity.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nin"/> is not positive.</exception>
    public Neuron(int nin, Activation activation, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nin);
        ArgumentNullException.ThrowIfNull(random);
        _weights = new Value[nin];
        for (int i = 0; i < nin; i++)
        {
            _weights[i] = new Value(UniformMinusOneToOne(random));
        }

        _bias = new Value(UniformMinusOneToOne(random));
        Activation = activation;
    }

    /// <summary>The nonlinearity applied to the weighted sum.</summary>
    public Activation Activation { get; }

    /// <summary>The weights, one per input.</summary>
    public IReadOnlyList<Value> Weights => _weights;

    /// <summary>The bias.</summary>
    public Value Bias => _bias;

    /// <summary>Computes <c>activation(b + Σ wᵢ·xᵢ)</c>, summing in micrograd's order (bias first).</summary>
    /// <param name="x">One input per weight.</param>
    /// <returns>The neuron's output.</returns>
    /// <exception cref="ArgumentException">The input count differs from the weight count.</exception>
    public Value Forward(IReadOnlyList<Value> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != _weights.Length)
        {
            throw new ArgumentException(
                $"This neuron has {_weights.Length} weights but was given {x.Count} inputs.", nameof(x));
        }

        Value sum = _bias;
        for (int i = 0; i < _weights.Length; i++)
        {
            sum += _weights[i] * x[i];
        }

        return Activation switch
        {
            Activation.Relu => sum.Relu(),
            Activation.Tanh => sum.Tanh(),
            _ => sum,
        };
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Value> Parameters() => [.. _weights, _bias];

    internal static double UniformMinusOneToOne(Random random) => 2.0 * random.NextDouble() - 1.0;
}
