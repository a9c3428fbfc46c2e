using System;
using AutoDiff.Generator.Model;

namespace AutoDiff.Generator.Parsing;

/// <summary>Stops parsing a body at a construct that neither the transformation nor the tape supports.</summary>
internal sealed class NotDifferentiableException(DiagnosticInfo diagnostic) : Exception(diagnostic.Id)
{
    public DiagnosticInfo Diagnostic { get; } = diagnostic;
}

/// <summary>Stops the static transformation at a construct the runtime tape can still run.</summary>
internal sealed class FallbackRequiredException(string reason, LocationInfo? location) : Exception(reason)
{
    public string Reason { get; } = reason;

    public LocationInfo? Location { get; } = location;
}
