using System.Net;
using System.Text.Json.Nodes;
using AutoDiff.Explorer.Tests.Infrastructure;
using AutoDiff.Package.Tests;

namespace AutoDiff.Explorer.Tests;

/// <summary>docs/explorer.md stays true: its API example answers what it shows, and its C# examples get the verdict it gives them.</summary>
public sealed class DocsTests(ExplorerFactory factory) : IClassFixture<ExplorerFactory>
{
    private static readonly string DocPath = Path.Combine(RepositoryRoot(), "docs", "explorer.md");

    private readonly ApiClient _api = factory.Api();

    [Fact]
    public async Task The_documented_request_gets_the_documented_answer_with_exactly_the_contracts_fields()
    {
        var json = MarkdownCodeBlocks.Read(DocPath).Where(b => b.Language == "json").ToList();
        var request = json[0].Code;
        var documented = JsonNode.Parse(json[1].Code.Replace("…", "", StringComparison.Ordinal))!;

        var reply = await _api.PostRaw("/api/differentiate", request);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(["diagnostics", "dot", "generated", "gradient", "value"], reply.Body!.AsObject().Select(p => p.Key).Order());
        Assert.Equal((double)documented["value"]!, reply.Value);
        Assert.Equal((double)documented["gradient"]!["a"]!, reply.Gradient("a"));
        Assert.Equal((double)documented["gradient"]!["b"]!, reply.Gradient("b"));
        Assert.StartsWith(((string)documented["generated"]!).TrimEnd(), (string)reply.Body!["generated"]!, StringComparison.Ordinal);
        Assert.StartsWith(((string)documented["dot"]!).TrimEnd('}').TrimEnd(), (string)reply.Body!["dot"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_csharp_example_is_evaluated_or_refused_as_the_doc_says()
    {
        var examples = MarkdownCodeBlocks.Read(DocPath).Where(b => b.Language == "csharp").ToList();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var refused = System.Text.RegularExpressions.Regex.Match(example.Code, @"// refused: (EX\d{4})");
            var signature = await _api.Post("/api/signature", new { source = example.Code });
            if (refused.Success)
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, signature.Status);
                signature.Diagnostic(refused.Groups[1].Value);
                continue;
            }

            Assert.True(signature.Status == HttpStatusCode.OK, $"docs/explorer.md:{example.Line}: {signature}");
            var point = signature.Body!["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (string)p!["type"]! == "int" ? 3.0 : 0.5);
            var reply = await _api.Differentiate(example.Code, point);
            Assert.True(reply.Status == HttpStatusCode.OK, $"docs/explorer.md:{example.Line}: {reply}");
        }
    }

    [Fact]
    public async Task The_loop_example_evaluates_to_what_the_compiled_method_returns()
    {
        var loop = MarkdownCodeBlocks.Read(DocPath).First(b => b.Language == "csharp" && b.Code.Contains("Fourier", StringComparison.Ordinal));
        var reply = await _api.Differentiate(loop.Code, new { x = 0.9, n = 4 });
        Assert.Equal(Fourier(0.9, 4), reply.Value, 14);
    }

    // The doc's C# examples, compiled as they stand (DocsSamplesAreCompiledTests looks for every docs block in
    // compiled code). The refused one is never called.
    static double Fourier(double x, int n)
    {
        double sum = 0;
        for (int k = 1; k <= n; k++)
        {
            sum += Math.Sin(k * x) / k;
        }

        return sum;
    }

    static double Sneaky(double x) => System.IO.File.ReadAllText("/etc/hostname").Length * x; // refused: EX0004

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "AutoDiff.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("No AutoDiff.sln above " + AppContext.BaseDirectory);
        }

        return directory.FullName;
    }
}
