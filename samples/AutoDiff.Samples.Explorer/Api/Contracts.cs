using AutoDiff.Samples.Explorer.Analysis;

namespace AutoDiff.Samples.Explorer.Api;

// The shapes of the API. DifferentiateRequest/Response are the contract in design.md; the signature and plot
// endpoints are the page's helpers (parameter names for its sliders, samples for its plot).

public sealed record DifferentiateRequest(string? Source, Dictionary<string, double>? Point);

/// <summary>On a 4xx the fields that could not be computed are null and <see cref="Diagnostics"/> says why.</summary>
public sealed record DifferentiateResponse(
    double? Value,
    Dictionary<string, double>? Gradient,
    string? Generated,
    IReadOnlyList<ExplorerDiagnostic> Diagnostics,
    string? Dot);

public sealed record SignatureRequest(string? Source);

public sealed record SignatureParameter(string Name, string Type, bool Differentiable);

public sealed record SignatureResponse(string? Name, IReadOnlyList<SignatureParameter>? Parameters, IReadOnlyList<ExplorerDiagnostic> Diagnostics);

/// <summary>Samples of the method along <see cref="Wrt"/> from <see cref="From"/> to <see cref="To"/>, the other parameters held at <see cref="Point"/>.</summary>
public sealed record PlotRequest(string? Source, Dictionary<string, double>? Point, string? Wrt, double From, double To, int Count);

/// <summary>A sample whose value is not a finite number (or failed arithmetic) is null.</summary>
public sealed record PlotResponse(string? Wrt, IReadOnlyList<double>? Xs, IReadOnlyList<double?>? Values, IReadOnlyList<ExplorerDiagnostic> Diagnostics);
