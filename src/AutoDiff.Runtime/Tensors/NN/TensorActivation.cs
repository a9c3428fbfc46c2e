namespace AutoDiff.NN;

/// <summary>The nonlinearity between the hidden layers of <see cref="Sequential.Mlp"/>.</summary>
public enum TensorActivation
{
    /// <summary>max(x, 0), micrograd's choice.</summary>
    Relu,

    /// <summary>tanh, the seeds' choice.</summary>
    Tanh,

    /// <summary>None: the network is linear.</summary>
    Linear,
}

internal static class TensorActivationExtensions
{
    public static TensorModule ToModule(this TensorActivation activation) => activation switch
    {
        TensorActivation.Relu => new ReluModule(),
        TensorActivation.Tanh => new TanhModule(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "no module for this activation"),
    };
}
