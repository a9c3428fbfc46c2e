using System.ComponentModel;

namespace AutoDiff;

/// <summary>
/// How the shared tensor code (<see cref="TensorBase{TSelf, T}"/>) makes a tensor of the concrete type: wraps
/// <c>data</c> (not copied) with <c>shape</c>. Implemented by <see cref="Tensor"/> and <see cref="FloatTensor"/>;
/// user code creates tensors with <c>From</c>, <c>Zeros</c> and the other factories instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITensorFactory<TSelf, T>
{
    /// <summary>A tensor over <paramref name="data"/> (its length matches <paramref name="shape"/>), not copied.</summary>
    static abstract TSelf Wrap(T[] data, int[] shape);
}
