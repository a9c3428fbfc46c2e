namespace AutoDiff.Optim;

/// <summary>
/// A flat block of parameters and gradients, e.g. the weights of a model whose gradient comes from
/// generated code rather than the tape.
/// </summary>
public sealed class ParameterVector : IParameter
{
    private readonly double[] _data;
    private readonly double[] _grad;

    /// <summary>Wraps existing arrays (not copied: the optimizer updates <paramref name="data"/> in place).</summary>
    /// <param name="data">The parameter values.</param>
    /// <param name="grad">Their gradients, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public ParameterVector(double[] data, double[] grad)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(grad);
        if (data.Length != grad.Length)
        {
            throw new ArgumentException(
                $"data has {data.Length} elements but grad has {grad.Length}; they must match.", nameof(grad));
        }

        _data = data;
        _grad = grad;
    }

    /// <summary>Wraps <paramref name="data"/> with a new zeroed gradient array.</summary>
    /// <param name="data">The parameter values.</param>
    public ParameterVector(double[] data)
        : this(data, new double[data?.Length ?? 0])
    {
    }

    /// <summary>The parameter values.</summary>
    public Span<double> Data => _data;

    /// <summary>The gradients.</summary>
    public Span<double> Grad => _grad;

    /// <summary>The parameter values as the array passed in.</summary>
    public double[] DataArray => _data;

    /// <summary>The gradients as the array passed in.</summary>
    public double[] GradArray => _grad;
}
