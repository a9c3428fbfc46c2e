namespace AutoDiff;

/// <summary>
/// Marks a static method of a <c>partial</c> type for compile-time differentiation. The AutoDiff generator adds
/// <c>{Name}WithGradient</c> (value and full gradient) and <c>{Name}Pullback</c> (adds <c>seed * dF/dparam</c> into
/// each adjoint) to the same type, and the members <see cref="Kinds"/> asks for besides.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>Asks for the gradient members only.</summary>
    public DifferentiableAttribute()
        : this(Derivatives.Gradient)
    {
    }

    /// <summary>Asks for the gradient members and the other kinds in <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The derivative kinds to generate; <see cref="Derivatives.Gradient"/> is always included.</param>
    public DifferentiableAttribute(Derivatives kinds) => Kinds = kinds | Derivatives.Gradient;

    /// <summary>The derivative kinds generated for the method.</summary>
    public Derivatives Kinds { get; }
}
