using AutoDiff.PropertyTests.Compiling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoDiff.PropertyTests.Fuzz;

/// <summary>
/// What must hold for any source, however broken: the generator never throws (no CS8784/CS8785), every AD diagnostic
/// points inside the user's source, and on a source that compiles, every [Differentiable] method either gets its
/// generated members or an AD error inside its type, and the generated code compiles unless an AD error was reported.
/// </summary>
internal static class GeneratorOracle
{
    public const string Path = "Mutant.cs";

    /// <summary>
    /// The problems found (empty when the source passes). <paramref name="inputCompiles"/>: the source is valid C# on its own;
    /// <paramref name="outputCompiles"/>: it compiles with its generated code (corpus files may call generated members).
    /// </summary>
    public static List<string> Check(string source, out bool inputCompiles, out bool outputCompiles)
    {
        var problems = new List<string>();
        var tree = TestCompilation.Parse(source, Path);
        var input = TestCompilation.Create("Mutant", [tree]);
        var outcome = TestCompilation.RunGenerator(input);

        if (outcome.GeneratorException is { } exception)
        {
            problems.Add("the generator threw " + exception.GetType().Name + ": " + exception.Message);
        }

        foreach (var crash in outcome.GeneratorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785"))
        {
            problems.Add("generator failure reported: " + crash);
        }

        var adDiagnostics = outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal)).ToList();
        foreach (var diagnostic in adDiagnostics)
        {
            // Cache-friendly generators rebuild locations from path and span (an external-file location), so check those.
            var location = diagnostic.Location;
            if (location.Kind == LocationKind.None || location.GetLineSpan().Path != Path || location.SourceSpan.End > source.Length)
            {
                problems.Add($"{diagnostic.Id} has no location inside the user's source: {diagnostic}");
            }
        }

        if (InputErrors(input) is not { } inputErrors)
        {
            inputCompiles = outputCompiles = false;
            return problems;
        }

        // A source may call its generated members (the corpus files do): on its own it does not compile, with them it must.
        var outputErrors = outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        outputCompiles = outputErrors.Count == 0;
        inputCompiles = inputErrors == 0;
        if (!inputCompiles)
        {
            return problems;
        }

        var adErrors = adDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (adErrors.Count == 0 && outputErrors.Count > 0)
        {
            problems.Add("valid C# was accepted, but the generated code does not compile: " + string.Join("; ", outputErrors.Take(3)));
        }

        problems.AddRange(Unanswered(tree, outcome.Output, adErrors));
        return problems;
    }

    /// <summary>
    /// How many errors the user's source alone (no generated code) has; null when the compiler itself throws on it.
    /// Roslyn 4.14 throws "Unexpected value 'UnboundLambda'" binding <c>(r[0],  => r[1]) = F()</c> (fuzz seed
    /// <c>0OErokseN137</c>): the compiler failing on the user's code before the generator's output exists, so such a
    /// source counts as one that does not compile, with or without its generated code.
    /// </summary>
    private static int? InputErrors(Compilation input)
    {
        try
        {
            return input.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>[Differentiable] methods with neither a generated WithGradient nor an AD error inside their outermost type.</summary>
    private static IEnumerable<string> Unanswered(SyntaxTree tree, Compilation output, List<Diagnostic> adErrors)
    {
        var model = output.GetSemanticModel(output.SyntaxTrees.First(t => t.FilePath == Path));
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(method) is not { } symbol ||
                !symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "AutoDiff.DifferentiableAttribute"))
            {
                continue;
            }

            var outermost = method.Ancestors().OfType<TypeDeclarationSyntax>().LastOrDefault();
            var span = outermost?.Span ?? method.Span;
            var generated = symbol.ContainingType.GetMembers(symbol.Name + "WithGradient").Any();
            var rejected = adErrors.Any(d => span.Contains(d.Location.SourceSpan));
            if (!generated && !rejected)
            {
                yield return $"[Differentiable] method '{symbol.Name}' got neither generated code nor an AD error";
            }
        }
    }
}
