using System.Linq;
using AutoDiff.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AutoDiff.Generator.Parsing;

/// <summary>Maps Roslyn types onto the kinds the transformation knows.</summary>
internal static class TypeClassifier
{
    public static NumKind? Scalar(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double => NumKind.Double,
        SpecialType.System_Single => NumKind.Float,
        SpecialType.System_Int32 => NumKind.Int,
        SpecialType.System_Boolean => NumKind.Bool,
        _ => null,
    };

    /// <summary>The element kind of <c>double[]</c>, <c>float[]</c>, <c>Span</c>/<c>ReadOnlySpan</c> of those; null otherwise.</summary>
    public static NumKind? FloatingSequence(ITypeSymbol? type) => SequenceElement(type) is { } k && k.IsFloating() ? k : null;

    /// <summary>
    /// True for floating-point numbers in a shape other than one scalar or one sequence: <c>double[][]</c>,
    /// <c>double[,]</c>, <c>List&lt;double&gt;</c>, <c>IReadOnlyList&lt;double&gt;</c>, <c>Memory&lt;float&gt;</c>, arrays of those.
    /// </summary>
    public static bool HoldsUnsupportedNumbers(ITypeSymbol? type) => FloatingSequence(type) is null && HoldsFloating(type);

    /// <summary>
    /// True for a struct, record or anonymous type with a floating instance field (<c>record struct P(double X)</c>,
    /// whose property's backing field counts): its equality compares them, and its default holds them.
    /// </summary>
    public static bool HoldsFloatingFields(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsValueType: true } or INamedTypeSymbol { IsRecord: true } or INamedTypeSymbol { IsAnonymousType: true }
        && type.SpecialType == SpecialType.None
        && type.GetMembers().Any(m => m is IFieldSymbol { IsStatic: false } field && InvolvesFloating(field.Type)
            || type.IsAnonymousType && m is IPropertySymbol property && InvolvesFloating(property.Type));

    /// <summary>True for a <c>double</c> or a <c>float</c>.</summary>
    public static bool IsFloating(ITypeSymbol? type) => Scalar(type)?.IsFloating() == true;

    /// <summary>True for a floating-point number or anything that holds some (<c>double[]</c>, <c>List&lt;float&gt;</c>, <c>Func&lt;int, double&gt;</c>).</summary>
    public static bool InvolvesFloating(ITypeSymbol? type) => IsFloating(type) || HoldsFloating(type);

    private static bool HoldsFloating(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => InvolvesFloating(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Any(InvolvesFloating),
        _ => false,
    };

    /// <summary>True for <c>int[]</c> and <c>Span</c>/<c>ReadOnlySpan</c> of <c>int</c>: sizes, offsets, labels a body reads but never differentiates.</summary>
    public static bool IsIntSequence(ITypeSymbol? type) => SequenceElement(type) == NumKind.Int;

    /// <summary>A method of <c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c>, or an extension of <c>MemoryExtensions</c> (<c>array.CopyTo(span)</c>).</summary>
    public static bool IsSpanMethod(IMethodSymbol method) =>
        method.ContainingType?.ConstructedFrom.ToDisplayString() is "System.Span<T>" or "System.ReadOnlySpan<T>" or "System.MemoryExtensions";

    /// <summary>
    /// A method of a span, of <c>MemoryExtensions</c>, of <c>System.Array</c> (static or not) or of a <c>System.Collections.Generic</c>
    /// type: the collection methods a body's buffers and lists are handled with, as opposed to a plain helper.
    /// </summary>
    public static bool IsCollectionMethod(IMethodSymbol method) =>
        IsSpanMethod(method) || method.ContainingType?.SpecialType == SpecialType.System_Array || IsCollectionType(method.ContainingType);

    /// <summary>A type of <c>System.Collections.Generic</c> (<c>List&lt;T&gt;</c>, <c>Dictionary&lt;K, V&gt;</c>, …).</summary>
    public static bool IsCollectionType(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

    /// <summary><c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c>, of any element type.</summary>
    public static bool IsSpanType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>A static method of <c>System.Array</c> (<c>Array.Clear(a)</c>, <c>Array.Fill(a, v)</c>).</summary>
    public static bool IsArrayMethod(IMethodSymbol method) =>
        method.IsStatic && method.ContainingType?.ToDisplayString() == "System.Array";

    /// <summary>The element kind of a one-dimensional array, span or read-only span of a kind this library knows; null otherwise.</summary>
    public static NumKind? SequenceElement(ITypeSymbol? type)
    {
        ITypeSymbol? element = type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                when named.ContainingNamespace?.ToDisplayString() == "System"
                     && named.Name is "Span" or "ReadOnlySpan" => named.TypeArguments[0],
            _ => null,
        };

        return Scalar(element);
    }
}
