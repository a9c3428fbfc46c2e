namespace AutoDiff;

/// <summary>
/// Marks a static method of a <c>partial</c> type for compile-time reverse-mode differentiation.
/// The AutoDiff generator adds <c>{Name}WithGradient</c> (value and full gradient) and
/// <c>{Name}Pullback</c> (adds <c>seed * dF/dparam</c> into each adjoint) to the same type.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}
