using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>Re-emits a body on the runtime tape (AutoDiff.Value) for methods the static transformation cannot handle.</summary>
internal static class TapeRewriter
{
    public static DiagnosticInfo? FindProblem(SemanticModel model, MethodDeclarationSyntax syntax, CancellationToken cancellationToken) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, LocationInfo.From(syntax.Identifier.GetLocation()), "The body of '" + syntax.Identifier.Text + "'", "the runtime-tape fallback is not available yet");

    public static string? Rewrite(SemanticModel model, MethodDeclarationSyntax syntax, IMethodSymbol method, CancellationToken cancellationToken) => null;
}
