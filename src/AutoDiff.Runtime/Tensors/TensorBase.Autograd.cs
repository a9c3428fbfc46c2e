using System.Numerics.Tensors;
using AutoDiff.Tensors;
using AutoDiff.Tensors.Kernels;

namespace AutoDiff;

public abstract partial class TensorBase<TSelf, T>
{
    private bool _requiresGrad;
    private T[]? _grad;
    private TSelf? _gradView;
    private T[]? _scratch;
    private TSelf[]? _parents;
    private Action? _forward;
    private Action? _backward;
    private List<TSelf>? _order;

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
    public TSelf? Grad => _grad is null ? null : _gradView ??= TSelf.Wrap(_grad, _shape);

    /// <summary>The op that produced this tensor (e.g. <c>"matmul"</c>), or null for a leaf or when no graph was recorded.</summary>
    public string? Op { get; private set; }

    /// <summary>The tensors this one was computed from (empty for a leaf or when no graph was recorded).</summary>
    public IReadOnlyList<TSelf> Parents => _parents ?? [];

    /// <summary>
    /// Opens a scope in which ops record no graph (results have <see cref="RequiresGrad"/> false):
    /// for evaluation and for parameter updates. The scope is thread-static: it covers the calling thread only.
    /// Dispose it to restore recording; scopes nest.
    /// </summary>
    public static IDisposable NoGrad() => GradMode.Disable();

    /// <summary>A tensor sharing this one's data but cut from the graph: no parents, <see cref="RequiresGrad"/> false.</summary>
    public TSelf Detach() => TSelf.Wrap(_data, _shape);

    /// <summary>Zeroes the accumulated gradient in place (it stays allocated), as micrograd's <c>p.grad = 0</c>.</summary>
    public void ZeroGrad()
    {
        if (_grad is not null) Array.Clear(_grad);
    }

    /// <summary>Backpropagates from a one-element tensor (a loss): seeds its gradient with 1.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element; use <see cref="Backward(TSelf)"/>.</exception>
    public void Backward()
    {
        if (_data.Length != 1)
            throw new InvalidOperationException(
                $"Backward() needs a one-element tensor, but this one has shape {ShapeText}; pass a seed gradient of the same shape with Backward(seed), e.g. Backward(Tensor.OnesLike(t))");
        var order = PrepareBackward();
        GradBuffer()[0] += T.One;
        RunBackward(order);
    }

    /// <summary>
    /// Backpropagates <paramref name="seed"/> (dLoss/dThis, same shape as this tensor) through the recorded graph,
    /// adding into the <see cref="Grad"/> of every leaf that requires grad. Leaf gradients accumulate across calls;
    /// the gradients of computed tensors on the way are those of this pass.
    /// </summary>
    public void Backward(TSelf seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (!ShapeMath.SameShape(seed._shape, _shape))
            throw new ArgumentException($"Backward: seed shape {seed.ShapeText} differs from the tensor's shape {ShapeText}");
        var order = PrepareBackward();
        AccumulateGrad(seed._data);
        RunBackward(order);
    }

    /// <summary>
    /// Runs every op of the recorded graph below this tensor again, inputs first, writing into the buffers it already
    /// has: after new values were copied into inputs or parameters (<see cref="CopyFrom"/>, an optimizer step), this
    /// tensor holds the new result without building a new graph or allocating. Only ops with an input that requires
    /// grad are recorded: a result computed from tensors that do not (or inside <see cref="NoGrad"/>) is a constant of
    /// the graph, so per-batch preprocessing belongs before <see cref="CopyFrom"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">This tensor has no recorded graph.</exception>
    public void Recompute()
    {
        if (_parents is null)
            throw new InvalidOperationException("Recompute: this tensor has no recorded graph (it is a leaf, no input had RequiresGrad = true, or it was computed inside NoGrad())");
        foreach (var node in Order()) node._forward?.Invoke();
    }

    private List<TSelf> PrepareBackward()
    {
        if (!_requiresGrad)
            throw new InvalidOperationException(
                "Backward: this tensor does not require grad (no input had RequiresGrad = true, or it was computed inside Tensor.NoGrad())");
        var order = Order();
        // Computed tensors start each pass at zero, so a second Backward through a shared subgraph does not count it twice.
        foreach (var node in order)
            if (node._backward is not null) node.ZeroGrad();
        return order;
    }

    private static void RunBackward(List<TSelf> order)
    {
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node._grad is not null) node._backward?.Invoke();
        }
    }

    /// <summary>
    /// Every tensor requiring grad reachable from this one, inputs before the tensors computed from them. Iterative:
    /// deep graphs cannot overflow the stack. A recorded graph never changes, so the order is kept for the next pass.
    /// </summary>
    private List<TSelf> Order()
    {
        if (_order is not null) return _order;
        var order = new List<TSelf>();
        var visited = new HashSet<TSelf>(ReferenceEqualityComparer.Instance) { Self };
        var stack = new Stack<(TSelf Node, int NextParent)>();
        stack.Push((Self, 0));
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
        return _order = order;
    }

    /// <summary>This tensor's gradient storage, allocated (zeroed) on first use and kept.</summary>
    internal T[] GradBuffer() => _grad ??= new T[_data.Length];

    /// <summary>Adds <paramref name="gradient"/> (this tensor's shape) into this tensor's gradient.</summary>
    internal void AccumulateGrad(ReadOnlySpan<T> gradient)
    {
        var grad = GradBuffer();
        TensorPrimitives.Add(grad, gradient, grad);
    }

    /// <summary>Adds an output-shaped gradient that this tensor was broadcast into, summed back to this tensor's shape.</summary>
    internal void AccumulateReduced(T[] outputGrad, int[] outputShape) => ReduceKernel.AddSumTo(outputGrad, outputShape, _shape, GradBuffer());

    /// <summary>A work buffer of <paramref name="length"/> owned by this node, for its backward step; reused by every pass.</summary>
    internal T[] Scratch(int length)
    {
        if (_scratch is null || _scratch.Length != length) _scratch = new T[length];
        return _scratch;
    }

    /// <summary>The incoming gradient of an op's result during its backward step.</summary>
    internal T[] GradData => _grad!;

    /// <summary>Whether an op on these inputs should record a graph node.</summary>
    internal static bool Records(TensorBase<TSelf, T> a) => a._requiresGrad && GradMode.IsEnabled;

    internal static bool Records(TensorBase<TSelf, T> a, TensorBase<TSelf, T> b) => (a._requiresGrad || b._requiresGrad) && GradMode.IsEnabled;

    /// <summary>
    /// Computes this fresh tensor with <paramref name="forward"/> and, when <paramref name="requiresGrad"/> (an input
    /// requires grad, outside <see cref="NoGrad"/>), records it: the op, its parents, <paramref name="forward"/> for
    /// <see cref="Recompute"/> and <paramref name="backward"/>, which reads this tensor's gradient and feeds the parents.
    /// </summary>
    internal TSelf Compute(bool requiresGrad, string op, TSelf[] parents, Action? forward, Action backward)
    {
        forward?.Invoke();
        // Like PyTorch, a result that needs no gradient keeps no graph: a loop such as `total = total + x` over
        // tensors without RequiresGrad must not hold on to every earlier total.
        if (!requiresGrad) return Self;
        Op = op;
        _parents = parents;
        _forward = forward;
        _requiresGrad = true;
        _backward = backward;
        return Self;
    }
}
