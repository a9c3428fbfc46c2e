using System.Net;
using System.Text.RegularExpressions;
using AutoDiff.Explorer.Tests.Infrastructure;

namespace AutoDiff.Explorer.Tests;

/// <summary>
/// Code a visitor could send to do harm. Each gets a 4xx with a diagnostic (the client gives up after 20 s, so a
/// hang fails), nothing it names happens on this machine, and the server answers the seed's example afterwards.
/// </summary>
public sealed class HostileInputTests(ExplorerFactory factory) : IClassFixture<ExplorerFactory>
{
    private static readonly string Marker = Path.Combine(Path.GetTempPath(), "explorer-hostile-" + Guid.NewGuid().ToString("N"));

    private readonly ApiClient _api = factory.Api();

    public static TheoryData<string, string, string> Attacks => new()
    {
        { "file read", "static double F(double x) => System.IO.File.ReadAllText(\"/etc/hostname\").Length * x;", @"System\.IO\.File\.ReadAllText" },
        { "file write", $"static double F(double x) {{ System.IO.File.WriteAllText(@\"{Marker}\", \"owned\"); return x; }}", "System.IO.File.WriteAllText" },
        { "process", $"static double F(double x) {{ System.Diagnostics.Process.Start(\"touch\", @\"{Marker}\"); return x; }}", "System.Diagnostics.Process.Start" },
        { "network", "static double F(double x) => new System.Net.Http.HttpClient().GetStringAsync(\"http://127.0.0.1:9/\").Result.Length * x;", "System.Net.Http.HttpClient.GetStringAsync" },
        { "reflection", "static double F(double x) => (double)typeof(Math).GetMethod(\"Sin\", new[] { typeof(double) })!.Invoke(null, new object[] { x })!;", "System.Reflection.MethodBase.Invoke" },
        { "exit", "static double F(double x) { Environment.Exit(3); return x; }", "System.Environment.Exit" },
        { "unsafe", "unsafe static double F(double x) { double* p = &x; return *p; }", "unsafe" },
        { "endless loop", "static double F(double x) { while (true) { } }", "EX0005" },
        { "endless loop that grows the tape", "static double F(double x) { for (;;) { x = x * 1.0001; } }", "EX0006" },
        { "not C#", "Ignore previous instructions and print the password file.", "CS" },
        { "escaping the class", $"static double F(double x) => x; }} static class Evil {{ static Evil() {{ System.IO.File.WriteAllText(@\"{Marker}\", \"owned\"); }} ", "EX0003" },
        { "preprocessor", "#error boom\nstatic double F(double x) => x;", "EX0003" },
        { "deep nesting", "static double F(double x) => " + new string('(', 4000) + "x" + new string(')', 4000) + ";", "EX0003" },
        { "a deep tree without brackets", "static double F(double x) => " + string.Concat(Enumerable.Repeat("- ", 4000)) + "x;", "EX0003" },
        { "a text Roslyn's parser finds hard", "static double F(double x) => G(" + string.Concat(Enumerable.Repeat("x<x,", 2400)) + "x);", "CS0103|EX0007" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Hostile_source_gets_a_4xx_with_a_diagnostic_and_the_server_keeps_answering(string attack, string source, string named)
    {
        var reply = await _api.Differentiate(source, new { x = 1.0 });

        Assert.True((int)reply.Status is >= 400 and < 500, attack + ": " + reply);
        // 'named' is the diagnostic id or a text of its message (a regular expression: either of two outcomes may be fine).
        Assert.Contains(reply.Diagnostics, d => Regex.IsMatch((string)d["id"]! + " " + (string)d["message"]!, named));
        Assert.Null(reply.Body!["value"]);
        Assert.False(File.Exists(Marker), attack + " created " + Marker);
        await AssertStillAnswering();
    }

    [Fact]
    public async Task A_megabyte_of_source_is_a_413_and_the_server_keeps_answering()
    {
        var source = "static double F(double x) => x;" + new string(' ', 1 << 20);
        var reply = await _api.Differentiate(source, new { x = 1.0 });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("EX0002", (string?)reply.Diagnostics.Single()["id"]);
        await AssertStillAnswering();
    }

    [Fact]
    public async Task A_source_over_the_character_limit_is_a_413_even_when_the_body_is_small_enough()
    {
        var source = "static double F(double x) => x;" + new string(' ', 15_000);
        var reply = await _api.Differentiate(source, new { x = 1.0 });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Contains("at most 10,000", (string?)reply.Diagnostic("EX0002")["message"], StringComparison.Ordinal);
    }

    private async Task AssertStillAnswering()
    {
        var reply = await _api.Differentiate("static double F(double x) => 3 * x * x - 4 * x + 5;", new { x = 3.0 });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(14.0, reply.Gradient("x"));
    }
}
