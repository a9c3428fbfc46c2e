namespace AutoDiff.Optim;

/// <summary>
/// Stochastic gradient descent, with optional momentum in PyTorch's form:
/// <c>v ← μ·v + g; θ ← θ - lr·v</c> (plain <c>θ ← θ - lr·g</c> when μ = 0).
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly double[] _velocity;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Step size.</param>
    /// <param name="momentum">Momentum factor μ in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="momentum"/> is outside [0, 1).</exception>
    public Sgd(IEnumerable<IParameter> parameters, double learningRate, double momentum = 0.0)
        : base(parameters, learningRate)
    {
        if (!(momentum >= 0.0 && momentum < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1).");
        }

        Momentum = momentum;
        _velocity = momentum == 0.0 ? [] : new double[ElementCount];
    }

    /// <summary>The momentum factor μ.</summary>
    public double Momentum { get; }

    /// <inheritdoc/>
    protected override void Update()
    {
        double rate = LearningRate;
        int offset = 0;
        // An indexed loop: foreach over the IReadOnlyList would allocate an enumerator every step.
        for (int index = 0; index < Parameters.Count; index++)
        {
            IParameter p = Parameters[index];
            Span<double> data = p.Data;
            ReadOnlySpan<double> grad = p.Grad;
            if (Momentum == 0.0)
            {
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] -= rate * grad[i];
                }
            }
            else
            {
                Span<double> velocity = _velocity.AsSpan(offset, data.Length);
                for (int i = 0; i < data.Length; i++)
                {
                    velocity[i] = Momentum * velocity[i] + grad[i];
                    data[i] -= rate * velocity[i];
                }
            }

            offset += data.Length;
        }
    }
}
