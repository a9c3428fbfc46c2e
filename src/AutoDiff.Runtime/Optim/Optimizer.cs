namespace AutoDiff.Optim;

/// <summary>
/// What <see cref="Sgd"/> and <see cref="Adam"/> share: the parameters, a learning rate that may follow a
/// schedule, a step counter, and <see cref="ZeroGrad"/>.
/// </summary>
public abstract class Optimizer
{
    private readonly IParameter[] _parameters;

    /// <summary>Takes the parameters to update; a model's <c>Parameters()</c> can be passed as is.</summary>
    /// <param name="parameters">The parameters, each updated in place by <see cref="Step"/>.</param>
    /// <param name="learningRate">The initial learning rate.</param>
    /// <exception cref="ArgumentException">There are no parameters, or the learning rate is negative or not finite.</exception>
    protected Optimizer(IEnumerable<IParameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("An optimizer needs at least one parameter.", nameof(parameters));
        }

        RequireValidRate(learningRate, nameof(learningRate));
        LearningRate = learningRate;
        int total = 0;
        foreach (IParameter p in _parameters)
        {
            if (p.Data.Length != p.Grad.Length)
            {
                throw new ArgumentException(
                    $"A parameter has {p.Data.Length} values but {p.Grad.Length} gradients.", nameof(parameters));
            }

            total += p.Data.Length;
        }

        ElementCount = total;
    }

    /// <summary>The learning rate the next <see cref="Step"/> uses (overwritten by <see cref="Schedule"/> when set).</summary>
    public double LearningRate { get; set; }

    /// <summary>
    /// Optional learning-rate schedule: given the number of steps already taken (0 for the first step), it
    /// returns the rate for this step, e.g. micrograd's <c>k => 1.0 - 0.9 * k / 100</c>.
    /// </summary>
    public Func<int, double>? Schedule { get; set; }

    /// <summary>How many steps have been taken.</summary>
    public int StepCount { get; private set; }

    /// <summary>The parameters being updated.</summary>
    protected IReadOnlyList<IParameter> Parameters => _parameters;

    /// <summary>The total number of scalars across all parameters (sizes the optimizer's state).</summary>
    protected int ElementCount { get; }

    /// <summary>Updates every parameter from its gradient.</summary>
    public void Step()
    {
        if (Schedule is { } schedule)
        {
            double rate = schedule(StepCount);
            RequireValidRate(rate, nameof(Schedule));
            LearningRate = rate;
        }

        StepCount++;
        Update();
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (IParameter p in _parameters)
        {
            p.Grad.Clear();
        }
    }

    /// <summary>Applies one update with <see cref="LearningRate"/>; <see cref="StepCount"/> already counts it.</summary>
    protected abstract void Update();

    private static void RequireValidRate(double rate, string name)
    {
        if (!double.IsFinite(rate) || rate < 0)
        {
            throw new ArgumentException($"The learning rate must be finite and non-negative, but is {rate}.", name);
        }
    }
}
