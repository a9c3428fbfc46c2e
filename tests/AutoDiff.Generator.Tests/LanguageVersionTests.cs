using AutoDiff.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoDiff.Generator.Tests;

/// <summary>
/// Generated code compiles in a project pinned to C# 10: no file-local types, raw strings, required members, list
/// patterns or collection expressions in the output.
/// </summary>
public class LanguageVersionTests
{
    public static TheoryData<string> Corpus => new(CorpusFiles.Names);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generated_code_compiles_with_CSharp10(string corpus)
    {
        var compilation = GeneratorHarness.CreateCompilation(LanguageVersion.CSharp10, CorpusFiles.Source(corpus));
        GeneratorHarness.CreateDriver(new CSharpParseOptions(LanguageVersion.CSharp10))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var generated = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, tree => Assert.Equal(LanguageVersion.CSharp10, ((CSharpParseOptions)tree.Options).LanguageVersion));

        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var inGenerated = errors.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        Assert.True(inGenerated.Count == 0, string.Join("\n", inGenerated));

        // The corpus's own test helpers use newer features ([..] initializers, foreach over a span on .NET 10);
        // those, and only those, may fail in the user's file.
        Assert.All(errors.Except(inGenerated), d => Assert.Equal("CS8936", d.Id));
    }
}
