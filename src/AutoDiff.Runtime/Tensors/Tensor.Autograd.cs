using System.Numerics.Tensors;
using AutoDiff.Optim;
using AutoDiff.Tensors;

namespace AutoDiff;

public sealed partial class Tensor
{
    private bool _requiresGrad;
    private double[]? _grad;
    private Tensor? _gradView;
    private Tensor[]? _parents;
    private Action? _backward;

    /// <summary>
    /// Whether gradients flow into this tensor. Set it on leaves (parameters, inputs you differentiate by);
    /// results of ops set it themselves when an input requires grad outside a <see cref="NoGrad"/> scope.
    /// </summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set => _requiresGrad = value;
    }

    /// <summary>The accumulated gradient, same shape as this tensor; null until a backward pass reaches it.</summary>
    public Tensor? Grad => _grad is null ? null : _gradView ??= new Tensor(_grad, _shape);

    /// <summary>The op that produced this tensor (e.g. <c>"matmul"</c>), or null for a leaf.</summary>
    public string? Op { get; private set; }

    /// <summary>The tensors this one was computed from (empty for a leaf or when no graph was recorded).</summary>
    public IReadOnlyList<Tensor> Parents => _parents ?? [];

    /// <summary>
    /// Opens a scope in which ops record no graph (results have <see cref="RequiresGrad"/> false):
    /// for evaluation and for parameter updates. The scope is thread-static: it covers the calling thread only.
    /// Dispose it to restore recording; scopes nest.
    /// </summary>
    public static IDisposable NoGrad() => GradMode.Disable();

    /// <summary>A tensor sharing this one's data but cut from the graph: no parents, <see cref="RequiresGrad"/> false.</summary>
    public Tensor Detach() => new(_data, _shape);

    /// <summary>Zeroes the accumulated gradient in place (it stays allocated), as micrograd's <c>p.grad = 0</c>.</summary>
    public void ZeroGrad()
    {
        if (_grad is not null) Array.Clear(_grad);
    }

    /// <summary>Backpropagates from a one-element tensor (a loss): seeds its gradient with 1.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element; use <see cref="Backward(Tensor)"/>.</exception>
    public void Backward()
    {
        if (_data.Length != 1)
            throw new InvalidOperationException(
                $"Backward() needs a one-element tensor, but this one has shape {ShapeText}; pass a seed gradient of the same shape with Backward(seed), e.g. Backward(Tensor.OnesLike(t))");
        Backward(new Tensor([1.0], _shape));
    }

    /// <summary>
    /// Backpropagates <paramref name="seed"/> (dLoss/dThis, same shape as this tensor) through the recorded graph,
    /// adding into the <see cref="Grad"/> of every tensor that requires grad. Gradients accumulate across calls.
    /// </summary>
    public void Backward(Tensor seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (!ShapeMath.SameShape(seed._shape, _shape))
            throw new ArgumentException($"Backward: seed shape {seed.ShapeText} differs from the tensor's shape {ShapeText}");
        if (!_requiresGrad)
            throw new InvalidOperationException(
                "Backward: this tensor does not require grad (no input had RequiresGrad = true, or it was computed inside Tensor.NoGrad())");
        var order = TopologicalOrder();
        AccumulateGrad(seed._data);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node._grad is not null) node._backward?.Invoke();
        }
    }

    /// <summary>Every tensor requiring grad reachable from this one, inputs before the tensors computed from them. Iterative: deep graphs cannot overflow the stack.</summary>
    private List<Tensor> TopologicalOrder()
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { this };
        var stack = new Stack<(Tensor Node, int NextParent)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var parents = node._parents;
            if (parents is not null && next < parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = parents[next];
                if (parent._requiresGrad && visited.Add(parent)) stack.Push((parent, 0));
            }
            else order.Add(node);
        }
        return order;
    }

    /// <summary>Adds <paramref name="gradient"/> into this tensor's gradient, allocating it on first use.</summary>
    internal void AccumulateGrad(ReadOnlySpan<double> gradient)
    {
        if (_grad is null) _grad = gradient.ToArray();
        else TensorPrimitives.Add(_grad, gradient, _grad);
    }

    /// <summary>Like <see cref="AccumulateGrad(ReadOnlySpan{double})"/> for a buffer nobody else holds: the first one is adopted, not copied.</summary>
    internal void AccumulateOwnedGrad(double[] gradient)
    {
        if (_grad is null) _grad = gradient;
        else TensorPrimitives.Add(_grad, gradient, _grad);
    }

    /// <summary>The incoming gradient of an op's result during its backward step.</summary>
    internal double[] GradData => _grad!;

    /// <summary>Whether an op on these inputs should record a graph node.</summary>
    internal static bool Records(Tensor a) => a._requiresGrad && GradMode.IsEnabled;

    internal static bool Records(Tensor a, Tensor b) => (a._requiresGrad || b._requiresGrad) && GradMode.IsEnabled;

    /// <summary>Makes this freshly computed tensor a graph node: <paramref name="backward"/> reads its gradient and feeds the parents.</summary>
    internal Tensor Record(string op, Tensor[] parents, Action backward)
    {
        _requiresGrad = true;
        Op = op;
        _parents = parents;
        _backward = backward;
        return this;
    }

    Span<double> IParameter.Data => _data;

    Span<double> IParameter.Grad => _grad ??= new double[_data.Length];
}
