namespace AutoDiff.Generator.Model;

/// <summary>A type enclosing the method, outermost first; <paramref name="Keyword"/> is e.g. "class" or "record struct".</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>
/// A parameter of the differentiable method. <paramref name="Role"/> says whether it gets an adjoint;
/// <paramref name="AdjointName"/> is that adjoint's name (null when passive), <paramref name="TangentName"/> its
/// tangent in the pushforward, <paramref name="DirectionName"/> and <paramref name="ProductName"/> its direction and
/// Hessian-vector product in the second-order members.
/// </summary>
internal sealed record ParameterModel(
    string Name,
    string TypeText,
    ParamRole Role,
    NumKind ElementKind,
    string? AdjointName,
    string? TangentName = null,
    string? DirectionName = null,
    string? ProductName = null);

/// <summary>
/// Everything the emitter needs for one [Differentiable] method; plain values only. <paramref name="Body"/> feeds
/// the static transformation; <paramref name="UserPullback"/> names a [DerivativeOf] method that replaces it;
/// <paramref name="FallbackBody"/> is the body rewritten for the runtime tape when neither applies, as a local function
/// named <paramref name="FallbackName"/>.
/// <paramref name="Pushforward"/> asks for <c>{Name}Pushforward</c>, whose tangent output is <paramref name="TangentName"/>.
/// <paramref name="Hessian"/> asks for the second-order members (<c>HessianVectorProduct</c>, <c>WithHessian</c>, and
/// <c>PullbackPushforward</c>, which other methods' second-order code calls); the seed's direction there is
/// <paramref name="SeedDirectionName"/> and the matrix <paramref name="HessianName"/>.
/// <paramref name="Vector"/> describes the outputs of a vector-valued method (null for a scalar one).
/// </summary>
internal sealed record MethodModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    EquatableArray<string> Usings,
    string Name,
    string Accessibility,
    NumKind ReturnKind,
    EquatableArray<ParameterModel> Parameters,
    string SeedName,
    EquatableArray<Stmt> Body,
    string? UserPullback,
    string? FallbackBody,
    string? FallbackReason,
    string HintName,
    bool Pushforward = false,
    string TangentName = "tangent",
    bool Hessian = false,
    string SeedDirectionName = "vseed",
    string HessianName = "hessian",
    VectorOutput? Vector = null,
    string FallbackName = "Tape");

/// <summary>
/// The result of parsing one method: a model to emit (null when it cannot be differentiated), where the method is
/// (for an emit failure's diagnostic), and diagnostics. Only this record holds positions; the model does not, so
/// an edit that moves a method without changing it leaves its model, and its generated file, untouched.
/// </summary>
internal sealed record MethodParseResult(MethodModel? Model, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics);
