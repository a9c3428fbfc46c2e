namespace AutoDiff.Optim;

/// <summary>
/// What an optimizer updates: a block of values and their gradients, viewed as spans.
/// A scalar <c>Value</c> is a block of one; a tensor is a block of all its elements.
/// One abstraction lets <c>Sgd</c> and <c>Adam</c> train scalar, tensor and flat-vector models alike.
/// </summary>
public interface IParameter
{
    /// <summary>The parameter's values, updated in place by an optimizer step.</summary>
    Span<double> Data { get; }

    /// <summary>The accumulated gradient, same length as <see cref="Data"/>.</summary>
    Span<double> Grad { get; }
}
