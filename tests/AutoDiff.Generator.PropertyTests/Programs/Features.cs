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

    /// <summary>Control-flow programs that open with a lambda, which the generator runs on the runtime tape (AD0011).</summary>
    TapeFallback,

    /// <summary>
    /// Int locals stepped by constants and data-dependent amounts inside branches, scaled and reassigned modulo a bound,
    /// chosen by <c>?:</c>, used as span indices and as arguments of plain (not [Differentiable]) helper methods
    /// whose results multiply active values; for loops over a non-empty span.
    /// </summary>
    IntLocals,

    /// <summary>Adds <c>while</c> and <c>do</c> loops with counters, <c>break</c>, <c>continue</c> and <c>return</c> (differentiated statically: the generator lowers a return inside a loop to a flag and breaks).</summary>
    WhileLoops,

    /// <summary>Adds for loops nested in for loops whose bounds depend on the outer index (<c>j &lt; i</c>, <c>j &lt;= i</c>, <c>j = i … n</c>).</summary>
    NestedLoops,

    /// <summary>Two or three sequential <c>for (int i …)</c> loops (one index name, reused) whose index is passed to plain helpers.</summary>
    ReusedIndices,

    /// <summary>Adds bool flags: declared from a data comparison, toggled (<c>f = !f</c>) and set in loops, tested by <c>if</c> and <c>?:</c>.</summary>
    BoolFlags,

    /// <summary>
    /// Local buffers (<c>stackalloc</c> and arrays) that loops overwrite whole, update element by element, and read into an
    /// accumulator, with early exits, an enclosing loop, and reads after the loop (see <see cref="ScratchLoop"/>).
    /// </summary>
    ScratchBuffers,

    /// <summary>
    /// A network's forward pass over points in one buffer, with int offsets that a loop over the layers steps and widths
    /// from a <c>[NoDerivative] ReadOnlySpan&lt;int&gt;</c> that may be 0 or -1, so layers overlap at run time (see <see cref="LayeredLoop"/>).
    /// </summary>
    LayeredBuffers,

    /// <summary>
    /// Span-loop programs that call one to three [Differentiable] methods of their class (random bodies with branches,
    /// early returns and loops), in expressions, branches and loop bodies whose arguments change from call to call (see <see cref="Callee"/>).
    /// </summary>
    DifferentiableCalls,

    /// <summary>
    /// Packed triangular products per component, read at an int counter the inner loop steps (<c>y[j] += p[l] * x[i]; l++;</c>,
    /// ADBench's GMM), in place or into a second buffer (see <see cref="TriangleLoop"/>).
    /// </summary>
    PackedTriangles,
}

/// <summary>Which families are the int-and-loop families (a non-empty span, int locals, plain helpers).</summary>
internal static class FeatureKinds
{
    public static bool HasIntLocals(this Features features) =>
        features is Features.IntLocals or Features.WhileLoops or Features.NestedLoops or Features.ReusedIndices or Features.BoolFlags;
}
