namespace AutoDiff;

/// <summary>
/// Marks a user-written pullback that replaces differentiation of the named method wherever
/// that method is called from differentiated code. The marked method must have the pullback
/// signature of the target: the target's parameters, then <c>seed</c>, then one <c>ref</c>
/// adjoint per differentiable parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>Creates the attribute for the method named <paramref name="methodName"/>.</summary>
    /// <param name="methodName">The differentiated method's name; use <c>nameof</c>.</param>
    public DerivativeOfAttribute(string methodName) => MethodName = methodName;

    /// <summary>The name of the method whose derivative the marked method gives.</summary>
    public string MethodName { get; }
}
