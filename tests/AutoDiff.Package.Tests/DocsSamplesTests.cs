namespace AutoDiff.Package.Tests;

/// <summary>Keeps the docs true: every ```csharp block of the user docs is compiled, as one console
/// program, against the packed package, and the program prints what getting-started.md says it prints.</summary>
[Collection(PackageCollection.Name)]
public sealed class DocsSamplesTests(PackageFixture package)
{
    public static TheoryData<string> CompiledDocs => new() { "getting-started.md", "comparison.md" };

    [Theory]
    [MemberData(nameof(CompiledDocs))]
    public void DocHasCSharpSamples(string doc) =>
        Assert.Contains(MarkdownCodeBlocks.Read(RepositoryPaths.Docs(doc)), b => b.Language == "csharp");

    [Fact]
    public void EveryCSharpSampleCompilesAgainstThePackageAndPrintsTheDocumentedOutput()
    {
        var project = new ConsumerProject(package, "DocsSamples", langVersion: null);
        foreach (var doc in CompiledDocs)
            foreach (var block in MarkdownCodeBlocks.Read(RepositoryPaths.Docs(doc)).Where(b => b.Language == "csharp"))
                project.WriteFile(Path.Combine("Samples", $"{doc}.line{block.Line}.cs"), block.Code);
        project.AddPackage();

        var stdout = project.Run().StandardOutput;

        // getting-started.md shows the program's output in its first ```text block.
        var documented = MarkdownCodeBlocks.Read(RepositoryPaths.Docs("getting-started.md")).First(b => b.Language == "text").Code;
        Assert.Equal(documented.Trim().ReplaceLineEndings("\n"), stdout.Trim().ReplaceLineEndings("\n"));
    }
}
