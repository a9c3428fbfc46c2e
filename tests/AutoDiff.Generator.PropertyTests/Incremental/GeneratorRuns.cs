using System.Collections.Immutable;
using AutoDiff.PropertyTests.Compiling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.PropertyTests.Incremental;

/// <summary>Runs the generator over a project and then over edits of it, with incremental step tracking on.</summary>
internal sealed class GeneratorRuns
{
    private GeneratorDriver _driver = TestCompilation.Driver(trackSteps: true);

    public GeneratorRuns(IEnumerable<(string Path, string Source)> sources) =>
        Compilation = TestCompilation.Create("Scale", sources.Select(s => TestCompilation.Parse(s.Source, s.Path)));

    public CSharpCompilation Compilation { get; private set; }

    public GeneratorRunResult Run()
    {
        _driver = _driver.RunGenerators(Compilation);
        return _driver.GetRunResult().Results.Single();
    }

    public void ReplaceFile(string path, Func<string, string> edit)
    {
        var old = Compilation.SyntaxTrees.Single(t => t.FilePath == path);
        Compilation = Compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(edit(old.ToString()), path));
    }

    public void AddFile(string path, string source) =>
        Compilation = Compilation.AddSyntaxTrees(TestCompilation.Parse(source, path));

    /// <summary>Generated source text per hint name.</summary>
    public static ImmutableSortedDictionary<string, string> Texts(GeneratorRunResult result) =>
        result.GeneratedSources.ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// How many source outputs ran again: a source-output step whose input is New or Modified re-emits its file;
    /// Cached and Unchanged inputs reuse the previous output.
    /// </summary>
    public static int ReEmitted(GeneratorRunResult result) =>
        result.TrackedOutputSteps.TryGetValue(WellKnownGeneratorOutputs.SourceOutput, out var steps)
            ? steps.Count(step => step.Inputs.Any(input =>
                input.Source.Outputs[input.OutputIndex].Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
            : 0;
}
