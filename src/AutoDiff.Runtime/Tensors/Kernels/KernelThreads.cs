using System.Runtime.ExceptionServices;

namespace AutoDiff.Tensors.Kernels;

/// <summary>A piece of work split into <c>workers</c> parts; part <c>worker</c> runs on its own core.</summary>
internal interface IParallelJob
{
    void Execute(int worker, int workers);
}

/// <summary>
/// One persistent thread per extra core, woken for each parallel kernel call. Unlike <c>Parallel.For</c> this
/// allocates nothing per call (a training step stays allocation-free) and the calling thread does part 0 itself.
/// One job runs at a time; a caller that finds the threads busy runs its job alone (see <see cref="TryRun"/>).
/// </summary>
internal static class KernelThreads
{
    private static readonly object s_gate = new();
    private static readonly Worker[] s_workers = CreateWorkers(Environment.ProcessorCount - 1);

    /// <summary>How many parts a job is split into: the cores.</summary>
    public static int Count => s_workers.Length + 1;

    /// <summary>
    /// Runs <paramref name="job"/> on every core and waits for all parts. Returns false, having run nothing,
    /// when there is one core or another thread's job holds the workers: the caller then runs the job as one part.
    /// </summary>
    public static bool TryRun(IParallelJob job)
    {
        if (s_workers.Length == 0 || !Monitor.TryEnter(s_gate)) return false;
        try
        {
            int workers = Count;
            foreach (var worker in s_workers) worker.Start(job, workers);
            Exception? error = null;
            try
            {
                job.Execute(0, workers);
            }
            catch (Exception e)
            {
                error = e;
            }
            foreach (var worker in s_workers) error ??= worker.Wait();
            if (error is not null) ExceptionDispatchInfo.Capture(error).Throw();
            return true;
        }
        finally
        {
            Monitor.Exit(s_gate);
        }
    }

    private static Worker[] CreateWorkers(int count)
    {
        var workers = new Worker[Math.Max(0, count)];
        for (int i = 0; i < workers.Length; i++) workers[i] = new Worker(i + 1);
        return workers;
    }

    private sealed class Worker
    {
        private readonly int _index;
        private readonly SemaphoreSlim _start = new(0);
        private readonly ManualResetEventSlim _done = new(false);
        private IParallelJob? _job;
        private int _workers;
        private Exception? _error;

        public Worker(int index)
        {
            _index = index;
            // Background: a process never waits for these threads to exit.
            new Thread(Loop) { IsBackground = true, Name = $"AutoDiff kernel {index}" }.Start();
        }

        public void Start(IParallelJob job, int workers)
        {
            _job = job;
            _workers = workers;
            _error = null;
            _done.Reset();
            _start.Release();
        }

        public Exception? Wait()
        {
            _done.Wait();
            _job = null;
            return _error;
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                try
                {
                    _job!.Execute(_index, _workers);
                }
                catch (Exception e)
                {
                    _error = e;
                }
                _done.Set();
            }
        }
    }
}
