namespace AutoDiff.Generator.Analysis;

/// <summary>How the reverse sweep gets back the value a statement overwrites, before the statements that read it.</summary>
internal enum Recovery
{
    /// <summary>Nothing in the reverse sweep reads the old value (or nothing is overwritten).</summary>
    None,

    /// <summary>An int stepped by a constant: the reverse sweep steps it back.</summary>
    UndoStep,

    /// <summary>The primal sweep keeps the old value (a local outside loops, a stack inside) and the reverse restores it.</summary>
    Save,

    /// <summary>A loop-body local the reverse iteration computes again from values that do not change.</summary>
    Recompute,
}
