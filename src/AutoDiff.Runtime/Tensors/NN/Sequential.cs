namespace AutoDiff.NN;

/// <summary>Modules applied one after another; its parameters are theirs, in order.</summary>
public sealed class Sequential : TensorModule
{
    private readonly TensorModule[] _modules;

    /// <summary>Chains the given modules.</summary>
    public Sequential(params TensorModule[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _modules = (TensorModule[])modules.Clone();
    }

    /// <summary>The chained modules.</summary>
    public IReadOnlyList<TensorModule> Modules => _modules;

    /// <summary>
    /// micrograd's MLP on tensors: <c>Linear(nin, nouts[0])</c>, activation, …, <c>Linear(…, nouts[^1])</c>:
    /// every hidden layer is followed by <paramref name="activation"/>, the last layer is linear.
    /// A seed makes the initial weights reproducible.
    /// </summary>
    public static Sequential Mlp(int nin, IReadOnlyList<int> nouts, TensorActivation activation = TensorActivation.Relu, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(nouts);
        if (nouts.Count == 0) throw new ArgumentException("Mlp: nouts must list at least one layer size", nameof(nouts));
        var random = seed is { } s ? new Random(s) : Random.Shared;
        var modules = new List<TensorModule>();
        int inputs = nin;
        for (int i = 0; i < nouts.Count; i++)
        {
            modules.Add(new Linear(inputs, nouts[i], random));
            if (i < nouts.Count - 1 && activation != TensorActivation.Linear) modules.Add(activation.ToModule());
            inputs = nouts[i];
        }
        return new Sequential([.. modules]);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var module in _modules) x = module.Forward(x);
        return x;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Tensor> Parameters() => _modules.SelectMany(m => m.Parameters()).ToArray();

    /// <inheritdoc/>
    public override int LoadNeuronOrder(ReadOnlySpan<double> values)
    {
        int used = 0;
        foreach (var module in _modules) used += module.LoadNeuronOrder(values[used..]);
        return used;
    }
}
