using AutoDiff.PropertyTests.Compiling;
using AutoDiff.PropertyTests.Incremental;
using Microsoft.CodeAnalysis;

namespace AutoDiff.PropertyTests;

/// <summary>
/// 200 [Differentiable] methods in 10 files: an edit to one method re-emits only its file, unrelated edits re-emit
/// nothing, and two independent runs produce byte-identical output.
/// </summary>
public sealed class IncrementalAtScaleTests
{
    // Method M3 of Type4x2 in file 4 sits between other methods of the same file, so a leak to neighbours would show.
    private const int EditedFile = 4, EditedType = 2, EditedMethod = 3;

    [Fact]
    public void EveryMethodGetsItsOwnGeneratedFile()
    {
        var result = new GeneratorRuns(ScaleCorpus.Sources()).Run();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(ScaleCorpus.Methods, result.GeneratedSources.Length);
        Assert.Equal(ScaleCorpus.Methods, result.GeneratedSources.Select(s => s.HintName).Distinct().Count());
    }

    [Fact]
    public void EditingOneMethodKeepingItsLengthReEmitsOnlyThatMethod() =>
        AssertOnlyEditedMethodChanges(marker => marker.Replace("1.", "2."));

    // The texts of the other methods stay identical, but their models hold source spans, which shift: they re-emit.
    [Fact]
    public void EditingOneMethodChangingItsLengthReEmitsOnlyThatMethod() =>
        AssertOnlyEditedMethodChanges(marker => marker + "25");

    [Fact]
    public void AddingANonDifferentiableClassReEmitsNothing()
    {
        var runs = new GeneratorRuns(ScaleCorpus.Sources());
        var before = GeneratorRuns.Texts(runs.Run());
        runs.AddFile("Unrelated.cs", "namespace Scale { public static class Unrelated { public static double Twice(double x) => 2 * x; } }");
        var after = runs.Run();
        Assert.Equal(0, GeneratorRuns.ReEmitted(after));
        Assert.Equal(before, GeneratorRuns.Texts(after));
    }

    [Fact]
    public void AddingACommentToAnotherFileReEmitsNothing()
    {
        var runs = new GeneratorRuns(ScaleCorpus.Sources());
        var before = GeneratorRuns.Texts(runs.Run());
        runs.ReplaceFile(ScaleCorpus.FilePath(7), source => source + "// a note at the end of the file\n");
        var after = runs.Run();
        Assert.Equal(0, GeneratorRuns.ReEmitted(after));
        Assert.Equal(before, GeneratorRuns.Texts(after));
    }

    [Fact]
    public void TwoIndependentRunsAreByteIdentical()
    {
        var first = new GeneratorRuns(ScaleCorpus.Sources());
        var second = new GeneratorRuns(ScaleCorpus.Sources());
        var firstResult = first.Run();
        var secondResult = second.Run();
        Assert.Equal(
            firstResult.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            secondResult.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));

        // The whole program, generated code included, emits to the same bytes (a deterministic compilation).
        Assert.Equal(EmitWithGenerator(first.Compilation), EmitWithGenerator(second.Compilation));
    }

    private static void AssertOnlyEditedMethodChanges(Func<string, string> editMarker)
    {
        var runs = new GeneratorRuns(ScaleCorpus.Sources());
        var before = GeneratorRuns.Texts(runs.Run());
        var marker = ScaleCorpus.Marker(EditedFile, EditedType, EditedMethod);
        runs.ReplaceFile(ScaleCorpus.FilePath(EditedFile), source => source.Replace(marker, editMarker(marker)));
        var result = runs.Run();
        var after = GeneratorRuns.Texts(result);

        Assert.Equal(before.Keys, after.Keys);
        var changed = before.Keys.Where(hint => before[hint] != after[hint]).ToList();
        var edited = Assert.Single(changed);
        Assert.Contains($"Type{EditedFile}x{EditedType}", edited);
        Assert.Contains($"M{EditedMethod}", edited);
        Assert.Equal(1, GeneratorRuns.ReEmitted(result));
    }

    private static byte[] EmitWithGenerator(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var output = TestCompilation.RunGenerator(compilation).Output;
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return image.ToArray();
    }
}
