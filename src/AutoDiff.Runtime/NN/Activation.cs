namespace AutoDiff.NN;

/// <summary>The nonlinearity a <see cref="Neuron"/> applies to its weighted sum.</summary>
public enum Activation
{
    /// <summary><c>max(0, x)</c>, micrograd's choice.</summary>
    Relu,

    /// <summary><c>tanh(x)</c>, the seeds' choice.</summary>
    Tanh,

    /// <summary>No nonlinearity; the output layer of an <see cref="MLP"/> uses it.</summary>
    Linear,
}
