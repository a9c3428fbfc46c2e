namespace AutoDiff;

/// <summary>
/// Which derivative members <see cref="DifferentiableAttribute"/> asks the generator for. The gradient members
/// (<c>{Name}WithGradient</c>, <c>{Name}Pullback</c>) are always generated; the other flags add members.
/// </summary>
[Flags]
public enum Derivatives
{
    /// <summary><c>{Name}WithGradient</c> and <c>{Name}Pullback</c> (reverse mode); always generated.</summary>
    Gradient = 1,

    /// <summary><c>{Name}Pushforward</c>: the value and its directional derivative along given tangents (forward mode).</summary>
    Pushforward = 2,

    /// <summary>Second-order members (<c>{Name}HessianVectorProduct</c>, <c>{Name}WithHessian</c>); not generated yet (AD0012).</summary>
    Hessian = 4,

    /// <summary>Every kind.</summary>
    All = Gradient | Pushforward | Hessian,
}
