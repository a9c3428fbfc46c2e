namespace AutoDiff.Optim;

/// <summary>
/// Adam (Kingma and Ba), with bias correction as in PyTorch:
/// <c>m ← β₁m + (1-β₁)g; v ← β₂v + (1-β₂)g²; θ ← θ - lr·m̂ / (√v̂ + ε)</c> with
/// <c>m̂ = m/(1-β₁ᵗ)</c>, <c>v̂ = v/(1-β₂ᵗ)</c>.
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly double[] _firstMoment;
    private readonly double[] _secondMoment;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Step size.</param>
    /// <param name="beta1">Decay of the gradient average, in [0, 1).</param>
    /// <param name="beta2">Decay of the squared-gradient average, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator to avoid division by zero; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A beta is outside [0, 1) or epsilon is not positive.</exception>
    public Adam(IEnumerable<IParameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate)
    {
        RequireDecay(beta1, nameof(beta1));
        RequireDecay(beta2, nameof(beta2));
        if (!(epsilon > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be positive.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _firstMoment = new double[ElementCount];
        _secondMoment = new double[ElementCount];
    }

    /// <summary>Decay of the gradient average.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the squared-gradient average.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update()
    {
        double correction1 = 1.0 - Math.Pow(Beta1, StepCount);
        double correction2 = 1.0 - Math.Pow(Beta2, StepCount);
        double rate = LearningRate;
        int offset = 0;
        // An indexed loop: foreach over the IReadOnlyList would allocate an enumerator every step.
        for (int index = 0; index < Parameters.Count; index++)
        {
            IParameter p = Parameters[index];
            Span<double> data = p.Data;
            ReadOnlySpan<double> grad = p.Grad;
            Span<double> m = _firstMoment.AsSpan(offset, data.Length);
            Span<double> v = _secondMoment.AsSpan(offset, data.Length);
            for (int i = 0; i < data.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1.0 - Beta1) * grad[i];
                v[i] = Beta2 * v[i] + (1.0 - Beta2) * grad[i] * grad[i];
                data[i] -= rate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + Epsilon);
            }

            offset += data.Length;
        }
    }

    private static void RequireDecay(double beta, string name)
    {
        if (!(beta >= 0.0 && beta < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, beta, "A decay rate must be in [0, 1).");
        }
    }
}
