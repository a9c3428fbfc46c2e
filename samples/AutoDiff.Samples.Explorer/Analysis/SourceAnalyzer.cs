using AutoDiff.Samples.Explorer.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Caching.Memory;

namespace AutoDiff.Samples.Explorer.Analysis;

/// <summary>
/// Turns a visitor's source into a <see cref="SourceAnalysis"/>: size and shape checks first (so neither Roslyn's
/// binder nor the generator sees a pathological tree), then a compilation in memory, the generator, and the
/// subset lowering. Analyses are cached by source text, so moving a slider costs only an evaluation.
/// </summary>
public sealed class SourceAnalyzer(ExplorerLimits limits, IMemoryCache cache)
{
    public SourceAnalysis Analyze(string source, CancellationToken cancellation)
    {
        if (cache.TryGetValue(source, out SourceAnalysis? cached))
        {
            return cached!;
        }

        var analysis = AnalyzeUncached(source, cancellation);
        cache.Set(source, analysis, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return analysis;
    }

    private SourceAnalysis AnalyzeUncached(string source, CancellationToken cancellation)
    {
        if (source.Length > limits.MaxSourceChars)
        {
            return Refused(ExplorerDiagnostic.Error(DiagnosticIds.TooLarge,
                $"The source has {source.Length:N0} characters; the explorer takes at most {limits.MaxSourceChars:N0} (one method)."));
        }

        // Each bracket is at least one syntax level, so this refuses before parsing what the depth check would refuse after.
        if (NestingScan.FirstOffsetDeeperThan(source, limits.MaxSyntaxDepth / 2) is var deep and >= 0)
        {
            var line = source.AsSpan(0, deep).Count('\n') + 1;
            var column = deep - source.LastIndexOf('\n', Math.Max(0, deep - 1));
            return Refused(ExplorerDiagnostic.Error(DiagnosticIds.SourceShape,
                $"The code nests brackets more than {limits.MaxSyntaxDepth / 2} deep, the explorer's limit; split the expression into locals.",
                new SourceSpanInfo(line, column, line, column + 1)));
        }

        var wrapped = WrappedSource.Parse(source, cancellation);
        var root = wrapped.Tree.GetCompilationUnitRoot(cancellation);
        if (ShapeProblem(wrapped, root) is { } shape)
        {
            return Refused(shape);
        }

        var syntaxErrors = wrapped.Tree.GetDiagnostics(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => Map(d, wrapped)).ToList();
        if (syntaxErrors.Count > 0)
        {
            return new SourceAnalysis("", Capped(syntaxErrors), null);
        }

        if (MethodProblem(wrapped) is { } methodProblem)
        {
            return Refused(methodProblem);
        }

        var method = (MethodDeclarationSyntax)wrapped.ExplorerClass!.Members[0];
        var compilation = GeneratorRun.Compile(wrapped.Tree);
        var diagnostics = compilation.GetDiagnostics(cancellation)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => Map(d, wrapped))
            .ToList();
        var (generated, generatorDiagnostics) = GeneratorRun.Run(compilation, cancellation);
        diagnostics.AddRange(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info).Select(d => Map(d, wrapped)));
        if (diagnostics.Any(d => d.IsError && d.Id.StartsWith("CS", StringComparison.Ordinal)))
        {
            return new SourceAnalysis(generated, Capped(diagnostics), null);
        }

        var (plan, subset) = SubsetLowering.Lower(method, compilation.GetSemanticModel(wrapped.Tree), wrapped, cancellation);
        diagnostics.AddRange(subset);
        return new SourceAnalysis(generated, Capped(diagnostics), plan);
    }

    // Thousands of repeats of one warning help nobody and make every response large: errors first, then the rest, up to a hundred.
    private static List<ExplorerDiagnostic> Capped(List<ExplorerDiagnostic> diagnostics)
    {
        const int Shown = 100;
        if (diagnostics.Count <= Shown)
        {
            return diagnostics;
        }

        var kept = diagnostics.OrderBy(d => d.IsError ? 0 : 1).Take(Shown).ToList();
        kept.Add(ExplorerDiagnostic.Info(DiagnosticIds.SourceShape, $"{diagnostics.Count - Shown:N0} more diagnostics are not shown."));
        return kept;
    }

    private static SourceAnalysis Refused(ExplorerDiagnostic diagnostic) => new("", [diagnostic], null);

    private static ExplorerDiagnostic Map(Diagnostic diagnostic, WrappedSource wrapped)
    {
        var where = wrapped.Map(diagnostic.Location);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return new ExplorerDiagnostic(diagnostic.Id, ExplorerDiagnostic.SeverityName(diagnostic.Severity),
            where is null && diagnostic.Location != Location.None ? "In the generated code: " + message : message,
            where?.Line, where?.Column, where?.EndLine, where?.EndColumn);
    }

    // Checked on syntax alone, before anything binds or recurses over the tree.
    private ExplorerDiagnostic? ShapeProblem(WrappedSource wrapped, SyntaxNode root)
    {
        if (root.ContainsDirectives)
        {
            var directive = root.DescendantTrivia().First(t => t.IsDirective);
            return ExplorerDiagnostic.Error(DiagnosticIds.SourceShape,
                $"Preprocessor directives such as '{directive.ToString().Trim()}' are not accepted by the explorer.", wrapped.Map(directive.GetLocation()));
        }

        // An explicit stack: the depth check itself must not be the thing that overflows.
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > limits.MaxSyntaxDepth)
            {
                return ExplorerDiagnostic.Error(DiagnosticIds.SourceShape,
                    $"The code nests deeper than {limits.MaxSyntaxDepth} syntax levels, the explorer's limit; split the expression into locals.",
                    wrapped.Map(node));
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push((child, depth + 1));
            }
        }

        return null;
    }

    private static ExplorerDiagnostic? MethodProblem(WrappedSource wrapped)
    {
        var root = wrapped.Tree.GetCompilationUnitRoot();
        var members = wrapped.ExplorerClass?.Members ?? default;
        if (root.Members.Count != 1 || root.AttributeLists.Count != 0 || members.Count != 1 || members[0] is not MethodDeclarationSyntax)
        {
            var stray = root.Members.Skip(1).Concat(members.Where(m => m is not MethodDeclarationSyntax)).Concat(members.Skip(1)).FirstOrDefault();
            return ExplorerDiagnostic.Error(DiagnosticIds.SourceShape,
                $"The source must be exactly one static method, such as 'static double F(double x) => x * x;' (found {members.Count} member(s) in the class and {root.Members.Count - 1} outside it).",
                stray is null ? null : wrapped.Map(stray));
        }

        return null;
    }
}
