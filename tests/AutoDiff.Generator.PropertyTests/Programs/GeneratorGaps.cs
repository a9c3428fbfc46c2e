namespace AutoDiff.PropertyTests.Programs;

/// <summary>A program shape on which today's generator is known to give a wrong gradient or code that does not compile.</summary>
internal enum Gap
{
    /// <summary>
    /// A loop index name declared by an earlier loop too (<c>for (int i …)</c> twice) and passed to a plain method: the
    /// generator renames the second index (<c>i_1</c>) everywhere but inside the call's argument list, so the generated
    /// file does not compile (CS0103). Stepped around by keeping reused indices out of plain-call arguments.
    /// </summary>
    ReusedIndexInPlainCall,

    /// <summary>
    /// An int local read by a plain method's argument (<c>Weight(k) * x</c>) and changed afterwards (<c>k++</c>, a while
    /// loop's counter, the index of a for loop that has a <c>break</c> or <c>continue</c> and so is not a counted loop): the
    /// reverse sweep calls the method again with the int's final value, so the gradient is wrong (NaN when the final
    /// value is out of the method's domain). Stepped around by passing only counted loops' indices to plain methods.
    /// </summary>
    ChangedIntInPlainCall,

    /// <summary>
    /// An int stepped (<c>k += e</c>, e not reading k) inside an <c>if</c> branch in a loop and read after it in that branch,
    /// or in the if's other branch on a later iteration: the step is neither recorded nor undone, so the reverse sweep
    /// reads k's final value and adjoints land on the wrong span element. (<c>AdjointWriter.NoReaderSinceLastOverwrite</c>
    /// looks for later readers only among the loop body's own statements, not inside the enclosing if.) A <c>continue</c>
    /// in a loop that is not counted makes this shape by itself: the normalizer puts the counter or index step before
    /// the continue, inside the branch, and moves the rest of the body into the else. Stepped around by writing such a
    /// step as <c>k = k + e</c> (recorded), and by rendering <c>continue</c> only in counted for loops.
    /// </summary>
    IntStepInLoopBranch,

    /// <summary>
    /// A double local read inside a plain method's argument (<c>Math.Min(x, Weight(x &gt; a ? 0 : 1))</c>) and changed
    /// afterwards: the call is pasted as text, and the reverse sweep evaluates it again with the local's final value.
    /// Stepped around by letting plain-call arguments read only parameters among the doubles.
    /// </summary>
    ChangedDoubleInPlainCall,

    /// <summary>
    /// A bool local read inside a plain method's argument (<c>Weight(f ? 2 : 1)</c>) and changed afterwards (<c>f = !f</c>),
    /// even in straight-line code: the reverse sweep evaluates the call again with the flag's final value. Stepped around
    /// by keeping flags out of plain-call arguments.
    /// </summary>
    ChangedFlagInPlainCall,
}

/// <summary>
/// THE SWITCH FOR KNOWN GENERATOR BUGS: the shapes the int-and-loop families step around so CI stays green while a
/// generator bug is open. Each <see cref="Gap"/> has a regression test in <c>KnownGeneratorBugTests.IntLoops.cs</c> with
/// its minimal source (skipped while the gap is listed here). Empty: every gap below was found on the generator before
/// the derivative IR (34f51e2) and is fixed on main since (5b8bb90), so the families generate every shape again. A newly
/// found bug gets a <see cref="Gap"/>, an entry here, and a skipped minimal test until its fix lands.
/// </summary>
internal static class GeneratorGaps
{
    public static readonly IReadOnlySet<Gap> Avoided = new HashSet<Gap>
    {
    };

    public static bool Avoids(Gap gap) => Avoided.Contains(gap);
}
