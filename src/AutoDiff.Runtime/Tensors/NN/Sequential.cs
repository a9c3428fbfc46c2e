namespace AutoDiff.Tensors.NN;

/// <summary>Modules applied one after another (PyTorch's <c>nn.Sequential</c>); its parameters are theirs, in order.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _modules;
    private Tensor[]? _parameters;

    /// <summary>Chains the given modules.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _modules = (Module[])modules.Clone();
    }

    /// <summary>The chained modules.</summary>
    public IReadOnlyList<Module> Modules => _modules;

    /// <summary>
    /// micrograd's MLP on tensors: <c>Linear(nin, nouts[0])</c>, activation, …, <c>Linear(…, nouts[^1])</c>:
    /// every hidden layer is followed by a fresh module from <paramref name="activation"/> (default <see cref="ReLU"/>,
    /// micrograd's choice; <c>() =&gt; new Tanh()</c> is the seeds'), the last layer is linear.
    /// A seed makes the initial weights reproducible.
    /// </summary>
    public static Sequential Mlp(int nin, IReadOnlyList<int> nouts, Func<Module>? activation = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(nouts);
        if (nouts.Count == 0) throw new ArgumentException("Mlp: nouts must list at least one layer size", nameof(nouts));
        activation ??= static () => new ReLU();
        var random = seed is { } s ? new Random(s) : Random.Shared;
        var modules = new List<Module>();
        int inputs = nin;
        for (int i = 0; i < nouts.Count; i++)
        {
            modules.Add(new Linear(inputs, nouts[i], random));
            if (i < nouts.Count - 1) modules.Add(activation());
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

    /// <summary>Every module's parameters in order, collected once (a built module keeps its parameter tensors).</summary>
    public override IReadOnlyList<Tensor> Parameters() => _parameters ??= _modules.SelectMany(m => m.Parameters()).ToArray();
}
