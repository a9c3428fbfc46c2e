namespace AutoDiff;

/// <summary>
/// Counts calls of an objective. One counter is shared by an objective and every copy Math.NET makes of it
/// (<c>Fork</c>, <c>CreateNew</c>: line searches evaluate on copies), so it counts what the minimizer really asked for.
/// </summary>
public sealed class EvaluationCounter
{
    private long count;

    /// <summary>Calls so far.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>Starts again from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref count, 0);

    internal void Increment() => Interlocked.Increment(ref count);
}
