using AutoDiff.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Model;

/// <summary>A diagnostic to report, held as strings so the pipeline can cache it.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor.Id, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById(Id),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            messageArgs: System.Linq.Enumerable.ToArray<object>(MessageArgs));
}
