using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// The visitor's method inside the file the generator needs: <c>using System; using AutoDiff;</c>, a
/// <c>static partial class</c>, and <c>[Differentiable]</c> when the method does not carry it already. The
/// visitor's text is pasted unchanged at column 1 after a fixed number of lines, so mapping a location back is
/// a subtraction.
/// </summary>
public sealed class WrappedSource
{
    public const string ClassName = "Explorer";
    private const string Head = "using System;\nusing AutoDiff;\n\npublic static partial class " + ClassName + "\n{\n";
    private const string AttributeLine = "[Differentiable]\n";
    private const string Tail = "\n}\n";

    private WrappedSource(string source, SyntaxTree tree, int firstLine)
    {
        Source = source;
        Tree = tree;
        FirstLine = firstLine;
    }

    /// <summary>The visitor's text.</summary>
    public string Source { get; }

    /// <summary>The parsed wrapper file.</summary>
    public SyntaxTree Tree { get; }

    // 0-based line of the wrapper file where the visitor's first line sits.
    private int FirstLine { get; }

    private int SourceLineCount => Source.Split('\n').Length;

    public static WrappedSource Parse(string source, CancellationToken cancellation)
    {
        // Parsed once in the usual case; a method that carries [Differentiable] itself is parsed again without ours.
        var withAttribute = ParseText(Head + AttributeLine + source + Tail, cancellation);
        var marked = MethodsOf(withAttribute).Any(m => m.AttributeLists.SelectMany(l => l.Attributes).Count(IsDifferentiable) > 1);
        return marked
            ? new WrappedSource(source, ParseText(Head + source + Tail, cancellation), CountLines(Head))
            : new WrappedSource(source, withAttribute, CountLines(Head + AttributeLine));
    }

    /// <summary>The explorer class, when the text parsed into it (a stray brace can close it early).</summary>
    public ClassDeclarationSyntax? ExplorerClass =>
        Tree.GetCompilationUnitRoot().Members.OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == ClassName);

    /// <summary>
    /// Whether a location lies in the wrapper file rather than in generated code. The generator reports its
    /// diagnostics at file-and-span locations (it keeps no syntax trees), so the file path decides.
    /// </summary>
    public bool Contains(Location location) =>
        (location.IsInSource && location.SourceTree == Tree)
        || (location.Kind == LocationKind.ExternalFile && location.GetLineSpan().Path == Tree.FilePath);

    /// <summary>The visitor-source span of a location in the wrapper file; null outside it.</summary>
    public SourceSpanInfo? Map(Location location)
    {
        if (!Contains(location))
        {
            return null;
        }

        var span = location.GetLineSpan();
        return Map(span.StartLinePosition, span.EndLinePosition);
    }

    public SourceSpanInfo Map(SyntaxNode node) => Map(node.GetLocation())!;

    public SourceSpanInfo Map(SyntaxToken token) => Map(token.GetLocation())!;

    private SourceSpanInfo Map(LinePosition start, LinePosition end)
    {
        // A location in the wrapper (e.g. "} expected" at the closing brace) is shown at the nearest line of the source.
        var last = SourceLineCount;
        var startLine = Math.Clamp(start.Line - FirstLine + 1, 1, last);
        var endLine = Math.Clamp(end.Line - FirstLine + 1, startLine, last);
        var startColumn = start.Line - FirstLine + 1 == startLine ? start.Character + 1 : 1;
        var endColumn = end.Line - FirstLine + 1 == endLine ? end.Character + 1 : startColumn;
        return new SourceSpanInfo(startLine, startColumn, endLine, Math.Max(endColumn, startColumn));
    }

    private static SyntaxTree ParseText(string text, CancellationToken cancellation) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: "Explorer.cs", cancellationToken: cancellation);

    private static IEnumerable<MethodDeclarationSyntax> MethodsOf(SyntaxTree tree) =>
        tree.GetCompilationUnitRoot().DescendantNodes().OfType<MethodDeclarationSyntax>();

    private static bool IsDifferentiable(AttributeSyntax attribute) =>
        attribute.Name.ToString() is "Differentiable" or "DifferentiableAttribute" or "AutoDiff.Differentiable" or "AutoDiff.DifferentiableAttribute";

    private static int CountLines(string text) => text.Count(c => c == '\n');
}
