using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoDiff.Generator.Diagnostics;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Checks a [DerivativeOf(nameof(F))] method: it lives in F's type and has F's pullback signature
/// (F's parameters, the seed, then a ref adjoint or Span adjoint per differentiable parameter; void).
/// </summary>
internal static class DerivativeOfValidator
{
    public static EquatableArray<DiagnosticInfo> Validate(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var pullback = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var at = LocationInfo.From(syntax.Identifier.GetLocation());
        try
        {
            var targetName = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string;
            var candidates = pullback.ContainingType.GetMembers(targetName ?? string.Empty).OfType<IMethodSymbol>().ToList();
            if (candidates.Count == 0)
            {
                return EquatableArray.Of(DiagnosticInfo.Create(DiagnosticDescriptors.DerivativeOfMismatch, at, pullback.Name, targetName ?? "(null)", "a method named '" + targetName + "' in type '" + pullback.ContainingType.Name + "'"));
            }

            var expectations = candidates.Select(Expected).ToList();
            var actual = Describe(pullback.ReturnType, pullback.Name, pullback.Parameters.Select(p => (Prefix(p.RefKind) + p.Type.ToDisplayString())));
            if (expectations.Any(e => e.Signature == actual))
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            return EquatableArray.Of(DiagnosticInfo.Create(DiagnosticDescriptors.DerivativeOfMismatch, at, pullback.Name, targetName!, expectations[0].Display));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return EquatableArray.Of(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, at, pullback.Name, exception.Message));
        }

        string Describe(ITypeSymbol returnType, string name, IEnumerable<string> parameters) =>
            returnType.ToDisplayString() + " " + "(" + string.Join(", ", parameters) + ")";

        (string Signature, string Display) Expected(IMethodSymbol target)
        {
            var scalar = target.ReturnType.ToDisplayString();
            var types = target.Parameters.Select(p => p.Type.ToDisplayString()).ToList();
            var named = target.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name).ToList();
            types.Add(scalar);
            named.Add(scalar + " seed");
            foreach (var parameter in target.Parameters)
            {
                switch (Callees.RoleOf(parameter))
                {
                    case ParamRole.Scalar:
                        types.Add("ref " + parameter.Type.ToDisplayString());
                        named.Add("ref " + parameter.Type.ToDisplayString() + " d" + parameter.Name);
                        break;
                    case ParamRole.Span:
                        var element = TypeClassifier.FloatingSequence(parameter.Type)!.Value.Keyword();
                        types.Add("System.Span<" + element + ">");
                        named.Add("Span<" + element + "> d" + parameter.Name);
                        break;
                }
            }

            return (Describe(VoidOf(context.SemanticModel.Compilation), string.Empty, types),
                "static void " + pullback.Name + "(" + string.Join(", ", named) + ")");
        }
    }

    private static ITypeSymbol VoidOf(Compilation compilation) => compilation.GetSpecialType(SpecialType.System_Void);

    private static string Prefix(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        _ => string.Empty,
    };
}
