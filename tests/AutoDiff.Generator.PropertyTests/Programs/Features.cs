namespace AutoDiff.PropertyTests.Programs;

/// <summary>Which constructs a family of random programs uses; each family is its own property so a gap in one is visible alone.</summary>
public enum Features
{
    /// <summary>Scalar parameters, locals declared and reassigned, nested calls and arithmetic.</summary>
    StraightLine,

    /// <summary>Adds <c>c ? a : b</c>, if/else that reassigns locals, and early returns.</summary>
    ControlFlow,

    /// <summary>Adds a <c>ReadOnlySpan&lt;double&gt;</c> parameter and for loops over it, with everything above.</summary>
    SpanLoops,

    /// <summary>Control-flow programs that open with a <c>switch</c>, which the generator runs on the runtime tape (AD0011).</summary>
    TapeFallback,
}
