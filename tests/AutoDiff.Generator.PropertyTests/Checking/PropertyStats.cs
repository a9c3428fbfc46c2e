namespace AutoDiff.PropertyTests.Checking;

/// <summary>Counts of what a property run actually checked (thread-safe; CsCheck runs samples on several threads).</summary>
internal sealed class PropertyStats
{
    private long _programs;
    private long _points;
    private long _derivatives;
    private long _finiteDifferenceChecks;
    private long _notSmooth;
    private long _fallbacks;
    private long _iterationAdjoints;
    private long _slices;
    private long _batches;

    public long Programs => Interlocked.Read(ref _programs);

    public long FiniteDifferenceChecks => Interlocked.Read(ref _finiteDifferenceChecks);

    public long Derivatives => Interlocked.Read(ref _derivatives);

    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>Programs with a loop that runs each iteration's adjoint right after it (see the generator's IterationAdjoints).</summary>
    public long IterationAdjoints => Interlocked.Read(ref _iterationAdjoints);

    /// <summary>Programs whose generated code gives a scratch buffer a slice per loop iteration (see the generator's IterationSlices).</summary>
    public long Slices => Interlocked.Read(ref _slices);

    public void Batch() => Interlocked.Increment(ref _batches);

    public void Program(bool fellBack, bool iterationAdjoints = false, bool slices = false)
    {
        Interlocked.Increment(ref _programs);
        if (slices)
        {
            Interlocked.Increment(ref _slices);
        }

        if (iterationAdjoints)
        {
            Interlocked.Increment(ref _iterationAdjoints);
        }

        if (fellBack)
        {
            Interlocked.Increment(ref _fallbacks);
        }
    }

    public void Point() => Interlocked.Increment(ref _points);

    public void Derivative(bool comparedWithFiniteDifference)
    {
        Interlocked.Increment(ref _derivatives);
        Interlocked.Increment(ref comparedWithFiniteDifference ? ref _finiteDifferenceChecks : ref _notSmooth);
    }

    public override string ToString() =>
        $"{Programs} programs in {_batches} compilations, {_points} points, {Derivatives} partial derivatives " +
        $"(each compared with the tape and the pullback; {FiniteDifferenceChecks} also with finite differences, " +
        $"{_notSmooth} skipped by FD as not smooth within the step), {_fallbacks} programs fell back to the runtime tape, " +
        $"{_iterationAdjoints} ran a loop's adjoint iteration by iteration, {_slices} gave a buffer a slice per iteration";
}
