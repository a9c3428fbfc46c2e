using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.Generator.Parsing;

/// <summary>
/// Whether a plain helper handed the body's numbers could keep them where the body reads them back: a helper that
/// stores its argument in a static field or a table, and a read of that field after the call, would carry the
/// number without its derivative, and the gradient would be wrong without a word. Both the static transformation
/// and the tape hand plain helpers numbers, so both ask this first. A helper in the compilation is read: it may
/// assign only its own locals and by-value parameters (and the elements of arrays it made), and call only helpers
/// that pass the same test. A compiled one is trusted only when it is known to keep nothing (<c>Math</c>, the
/// number types' statics, guards that throw, <c>Console</c> and <c>Debug</c> output).
/// </summary>
internal static class HelperEffects
{
    private const int Depth = 8;

    // As ToDisplayString writes them: the number types by their keywords.
    private static readonly HashSet<string> KeepsNothing =
    [
        "System.Math", "System.MathF", "double", "float", "int", "long", "bool", "string",
        "System.Console", "System.Diagnostics.Debug", "System.Span<T>", "System.ReadOnlySpan<T>", "System.Convert",
    ];

    /// <summary>
    /// True for an argument a call handed numbers may also take without giving the body anything to read back: a
    /// number, a bool, an enum, a string, a read-only span or a constant, passed by value. With
    /// <paramref name="intsByReference"/> an int or a bool may also come back through <c>out</c> or <c>ref</c>: it
    /// carries no derivative.
    /// </summary>
    public static bool IsInert(SemanticModel model, ArgumentSyntax argument, bool intsByReference, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
        var byValue = argument.RefKindKeyword.IsKind(SyntaxKind.None);
        return (byValue || intsByReference && TypeClassifier.Scalar(type) is NumKind.Int or NumKind.Bool)
            && argument.Expression is not AnonymousFunctionExpressionSyntax
            && (TypeClassifier.Scalar(type) is not null
                || type is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_String or SpecialType.System_Boolean }
                || type is INamedTypeSymbol { Name: "ReadOnlySpan", ContainingNamespace.Name: "System" }
                || model.GetConstantValue(argument.Expression, cancellationToken).HasValue);
    }

    /// <summary>Why <paramref name="callee"/> could keep what it is handed, or null when it cannot.</summary>
    public static string? WhyItCouldKeep(IMethodSymbol callee, Compilation compilation, CancellationToken cancellationToken) =>
        Check(callee, compilation, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);

    private static string? Check(IMethodSymbol callee, Compilation compilation, HashSet<IMethodSymbol> seen, int depth, CancellationToken cancellationToken)
    {
        var method = callee.ReducedFrom ?? callee.OriginalDefinition;
        if (!seen.Add(method))
        {
            return null;
        }

        // (A static interface method with a body is an ordinary method.)
        if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface && !(method.IsStatic && !method.IsAbstract))
        {
            return "'" + Name(method) + "' is chosen at run time, and what it keeps is not known";
        }

        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault();
        if (syntax is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax))
        {
            return Trusted(callee) ? null : "'" + Name(method) + "' is compiled elsewhere, and what it keeps is not known";
        }

        if (depth > Depth)
        {
            return "'" + Name(method) + "' calls too deep to read";
        }

        var model = compilation.GetSemanticModel(syntax.SyntaxTree);
        foreach (var node in syntax.DescendantNodes())
        {
            var problem = node switch
            {
                AssignmentExpressionSyntax assignment => Written(model, assignment.Left, cancellationToken, method),
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                    when node.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
                    => Written(model, node is PrefixUnaryExpressionSyntax prefix ? prefix.Operand : ((PostfixUnaryExpressionSyntax)node).Operand, cancellationToken, method),
                InvocationExpressionSyntax when model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke }
                    => "'" + Name(method) + "' calls a delegate, whose body is chosen at run time",
                InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                    when model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol called && called.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction)
                    => Check(called, compilation, seen, depth + 1, cancellationToken),
                ArgumentSyntax { RefKindKeyword.Text.Length: > 0 } byReference => Written(model, byReference.Expression, cancellationToken, method),
                // A property's or an indexer's accessors, and a user-defined conversion, run code of their own.
                ExpressionSyntax expression when model.GetSymbolInfo(expression, cancellationToken).Symbol is IPropertySymbol property
                    => Accessors(property).Select(a => Check(a, compilation, seen, depth + 1, cancellationToken)).FirstOrDefault(p => p is not null),
                ExpressionSyntax expression when model.GetConversion(expression, cancellationToken) is { IsUserDefined: true, MethodSymbol: { } conversion }
                    => Check(conversion, compilation, seen, depth + 1, cancellationToken),
                ThrowStatementSyntax { Expression: { } thrown } when CarriesNumbers(model.GetTypeInfo(thrown, cancellationToken).Type)
                    => "'" + Name(method) + "' throws a '" + model.GetTypeInfo(thrown, cancellationToken).Type!.Name + "', which carries a number out of the call",
                ThrowExpressionSyntax { Expression: var thrown } when CarriesNumbers(model.GetTypeInfo(thrown, cancellationToken).Type)
                    => "'" + Name(method) + "' throws a '" + model.GetTypeInfo(thrown, cancellationToken).Type!.Name + "', which carries a number out of the call",
                _ => null,
            };
            if (problem is null && UserOperator(model, node, cancellationToken) is { } op)
            {
                problem = Check(op, compilation, seen, depth + 1, cancellationToken);
            }

            if (problem is not null)
            {
                return problem == string.Empty ? "'" + Name(method) + "' writes '" + node + "', which outlives the call" : problem;
            }
        }

        return null;
    }

    // Empty when the target outlives the call: a field, a property, a ref or out parameter, an element of something the
    // helper did not make.
    private static string? Written(SemanticModel model, ExpressionSyntax target, CancellationToken cancellationToken, IMethodSymbol method)
    {
        switch (model.GetSymbolInfo(target, cancellationToken).Symbol)
        {
            case ILocalSymbol { IsRef: false }:
            case IParameterSymbol { RefKind: RefKind.None }:
            case IDiscardSymbol:
            // An int or a bool handed back through out or ref carries no derivative.
            case IParameterSymbol { Type: var passedBack } when !TypeClassifier.InvolvesFloating(passedBack):
            case ILocalSymbol { Type: var referenced } when !TypeClassifier.InvolvesFloating(referenced):
            // A constructor fills the object it makes.
            case IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false }
                when method.MethodKind == MethodKind.Constructor && (target is IdentifierNameSyntax || target is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }):
                return null;
        }

        if (target is ElementAccessExpressionSyntax { Expression: var array }
            && model.GetSymbolInfo(array, cancellationToken).Symbol is ILocalSymbol { IsRef: false } local
            && local.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault() is VariableDeclaratorSyntax { Initializer.Value: var made }
            && made is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax or InitializerExpressionSyntax)
        {
            return null;
        }

        // (S, k) = (v, 1) writes each of its elements.
        if (target is TupleExpressionSyntax tuple)
        {
            return tuple.Arguments.Select(a => a.Expression is DeclarationExpressionSyntax ? null : Written(model, a.Expression, cancellationToken, method)).FirstOrDefault(w => w is not null);
        }

        return target is DeclarationExpressionSyntax ? null : string.Empty;
    }

    // A source property's accessors; a compiled one's (Span.Length, List.Count) are judged by their type like a method.
    private static IEnumerable<IMethodSymbol> Accessors(IPropertySymbol property) =>
        new[] { property.GetMethod, property.SetMethod }.Where(a => a is not null).Select(a => a!)
            .Where(a => a.DeclaringSyntaxReferences.Length > 0 || !IsPlainProperty(property));

    // Properties of compiled types that only report a size or an element (Length, Count, an indexer of a span or a
    // list): reading them keeps nothing.
    private static bool IsPlainProperty(IPropertySymbol property) =>
        property.Name is "Length" or "Count" or "IsEmpty" or "Rank" || property.IsIndexer;

    // Compiled methods known to keep nothing they are handed: maths, number statics, output, and the guards of
    // exception types (ArgumentOutOfRangeException.ThrowIfNegative) and their constructors.
    private static bool Trusted(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }

        // A collection of ints, bools or enums (a helper's list of indices) cannot keep a number; one of objects,
        // strings, decimals, the user's types or a type parameter (List<T> in a generic helper) can.
        if (method.ContainingType is { } generic && TypeClassifier.IsCollectionType(generic) && generic.TypeArguments.All(IsCountLike))
        {
            return true;
        }

        // A span's members read it, but for those that write into a span handed to them.
        return method.ContainingType is { } containing && KeepsNothing.Contains(containing.OriginalDefinition.ToDisplayString())
            && !(containing.Name is "Span" or "ReadOnlySpan" && method.Name is "CopyTo" or "TryCopyTo" or "Fill" or "Clear");
    }

    private static bool IsCountLike(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum
        || type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Char or SpecialType.System_Boolean;

    // An exception of the user's that holds a number carries it out of the helper, to a catch that reads it back.
    private static bool CarriesNumbers(ITypeSymbol? type)
    {
        for (var current = type; current is not null && current.DeclaringSyntaxReferences.Length > 0; current = current.BaseType)
        {
            if (current.GetMembers().Any(m => m is IFieldSymbol { IsStatic: false } field && TypeClassifier.InvolvesFloating(field.Type)))
            {
                return true;
            }
        }

        return false;
    }

    // An operator of the user's (a + v on a struct of theirs) runs code of its own, as a call does; a compiled one
    // (INumber<T>'s, instantiated with double) does not keep.
    private static IMethodSymbol? UserOperator(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken) =>
        node is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax
        && model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator, DeclaringSyntaxReferences.Length: > 0 } op
            ? op
            : null;

    private static string Name(IMethodSymbol method) => (method.ContainingType?.Name is { } type ? type + "." : string.Empty) + method.Name;
}
