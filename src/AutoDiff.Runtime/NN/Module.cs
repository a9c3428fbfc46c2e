namespace AutoDiff.NN;

/// <summary>
/// Something with trainable <see cref="Value"/> parameters. The flat order used by
/// <see cref="GetParameterValues"/> and <see cref="SetParameterValues"/> is the order of
/// <see cref="Parameters"/>, so weights can be moved between engines as one <c>double[]</c>.
/// </summary>
public abstract class Module
{
    /// <summary>The trainable values, in micrograd's order (layer by layer, neuron by neuron, weights then bias).</summary>
    /// <returns>The parameters; the list is new on each call, the values are the module's own.</returns>
    public abstract IReadOnlyList<Value> Parameters();

    /// <summary>Sets every parameter's gradient to zero, as before each backward pass.</summary>
    public void ZeroGrad()
    {
        foreach (Value p in Parameters())
        {
            p.Grad = 0.0;
        }
    }

    /// <summary>Copies every parameter's data into a new array in <see cref="Parameters"/> order.</summary>
    /// <returns>The flat parameter vector.</returns>
    public double[] GetParameterValues()
    {
        IReadOnlyList<Value> parameters = Parameters();
        var values = new double[parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = parameters[i].Data;
        }

        return values;
    }

    /// <summary>Overwrites every parameter's data from a flat vector in <see cref="Parameters"/> order.</summary>
    /// <param name="values">One number per parameter.</param>
    /// <exception cref="ArgumentException">The vector's length is not the parameter count.</exception>
    public void SetParameterValues(ReadOnlySpan<double> values)
    {
        IReadOnlyList<Value> parameters = Parameters();
        if (values.Length != parameters.Count)
        {
            throw new ArgumentException(
                $"Expected {parameters.Count} parameter values but got {values.Length}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            parameters[i].Data = values[i];
        }
    }
}
