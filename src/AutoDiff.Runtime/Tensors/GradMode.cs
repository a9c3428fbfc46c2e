namespace AutoDiff.Tensors;

/// <summary>
/// Whether tensor ops record the autograd graph. Thread-static, like PyTorch's grad mode: a
/// <c>Tensor.NoGrad()</c> scope affects the thread that opened it only (and does not flow into
/// tasks or async continuations that resume on another thread).
/// </summary>
internal static class GradMode
{
    [ThreadStatic] private static int t_disabledDepth;

    public static bool IsEnabled => t_disabledDepth == 0;

    public static IDisposable Disable()
    {
        t_disabledDepth++;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            t_disabledDepth--;
        }
    }
}
