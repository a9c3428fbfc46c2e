using AutoDiff.Generator.Tests.Infrastructure;

namespace AutoDiff.Generator.Tests;

/// <summary>The generated source of every corpus file, pinned so that any change to generated code shows in review.</summary>
public class SnapshotTests
{
    public static TheoryData<string> Corpus => new(CorpusFiles.Names);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generated_code_matches_baseline(string corpus)
    {
        var result = GeneratorHarness.Run(CorpusFiles.Source(corpus));
        var sources = result.RunResult.Results.Single().GeneratedSources;
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Baselines.Verify(corpus, source.HintName, source.SourceText.ToString());
        }

        var baselineFiles = Directory.Exists(Path.Combine(Baselines.Directory, corpus))
            ? Directory.GetFiles(Path.Combine(Baselines.Directory, corpus)).Select(Path.GetFileName)
            : [];
        Assert.Equal(baselineFiles.Order(), sources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void Diff_shows_changed_lines_with_context()
    {
        var diff = Baselines.UnifiedDiff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nX\ne\nf\ng\n");
        Assert.Equal("  b\n  c\n- d\n+ X\n  e\n  f\n", diff);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = GeneratorHarness.Run(CorpusFiles.Source("Gmm")).GeneratedText();
        var second = GeneratorHarness.Run(CorpusFiles.Source("Gmm")).GeneratedText();
        Assert.Equal(first, second);
    }
}
