using System.Collections.Generic;
using System.Linq;

namespace AutoDiff.Generator.Rules;

/// <summary>How a function's derivative is written.</summary>
internal enum RuleShape
{
    /// <summary>Each argument's partial derivative is a formula (null: that argument passes no derivative).</summary>
    Smooth,

    /// <summary>The output is one of the arguments (max, min, clamp): the derivative flows to the picked one.</summary>
    Select,

    /// <summary>Piecewise constant (floor, sign): the derivative is zero wherever it exists.</summary>
    Constant,
}

/// <summary>The first pick whose condition holds names the argument a selecting function returns.</summary>
internal sealed record Pick(Formula Condition, int Argument);

/// <summary>
/// One row of the derivative table: a function, its arity and its derivative, written once. Partial derivatives
/// are multiplied by the incoming adjoint in reverse mode and by the tangents in forward mode, so both modes come
/// from the same formulas.
/// </summary>
internal sealed record FunctionRule(
    string Name,
    int Arity,
    RuleShape Shape,
    IReadOnlyList<Formula?> Partials,
    IReadOnlyList<Formula?> Guards,
    IReadOnlyList<Pick> Picks,
    int DefaultPick,
    bool CheapToRecompute)
{
    /// <summary>The derivative is written in the output, so a stored output can stand in for computing the call again.</summary>
    public bool ReadsOutput => Partials.Any(p => p is not null && p.Terms.Any(t => t is Formula.Out));

    /// <summary>True when some partial (or guard) reads argument <paramref name="index"/>'s value.</summary>
    public bool ReadsArgument(int index) =>
        Partials.Concat(Guards).Concat(Picks.Select(p => p.Condition)).Any(f => f is not null && f.Terms.Any(t => t is Formula.Arg a && a.Index == index));
}
