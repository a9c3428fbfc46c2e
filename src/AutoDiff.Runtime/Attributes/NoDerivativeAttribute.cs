namespace AutoDiff;

/// <summary>
/// Marks a parameter of a <see cref="DifferentiableAttribute"/> method as a constant:
/// it is passed through to the generated methods and gets no gradient.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoDerivativeAttribute : Attribute
{
}
