using System.Net;
using AutoDiff.Explorer.Tests.Infrastructure;

namespace AutoDiff.Explorer.Tests;

/// <summary>What the API says when it refuses a source: whose diagnostic, at which line and column of the visitor's text.</summary>
public sealed class DiagnosticsApiTests(ExplorerFactory factory) : IClassFixture<ExplorerFactory>
{
    private readonly ApiClient _api = factory.Api();

    [Fact]
    public async Task A_construct_the_generator_refuses_is_a_422_with_its_diagnostic_at_its_line()
    {
        const string source = "static double Jump(double x)\n{\n    goto done;\ndone:\n    return x;\n}";
        var reply = await _api.Differentiate(source, new { x = 1.0 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        var generator = reply.Diagnostic("AD0004");
        Assert.Equal("error", (string?)generator["severity"]);
        Assert.Equal(3, (int?)generator["line"]);
        Assert.Equal(5, (int?)generator["column"]); // 'goto' starts after four spaces
        Assert.Contains("'goto' statement is not differentiable", (string?)generator["message"], StringComparison.Ordinal);
        Assert.Null(reply.Body!["value"]);
        Assert.Null(reply.Body!["gradient"]);
    }

    [Fact]
    public async Task A_compile_error_is_roslyns_diagnostic_at_the_visitors_line_and_column()
    {
        var reply = await _api.Differentiate("static double F(double x)\n    => x * y;", new { x = 1.0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        var error = reply.Diagnostic("CS0103");
        Assert.Equal(2, (int?)error["line"]);
        Assert.Equal(12, (int?)error["column"]);
        Assert.Equal(13, (int?)error["endColumn"]);
    }

    [Fact]
    public async Task A_method_that_carries_its_own_attribute_is_not_given_a_second_one_and_lines_still_map()
    {
        var fine = await _api.Differentiate("[Differentiable]\nstatic double F(double x) => x * x;", new { x = 3.0 });
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.Equal(6.0, fine.Gradient("x"));

        var broken = await _api.Differentiate("[Differentiable]\nstatic double F(double x) => x * y;", new { x = 3.0 });
        Assert.Equal(2, (int?)broken.Diagnostic("CS0103")["line"]);
        Assert.Equal(34, (int?)broken.Diagnostic("CS0103")["column"]);
    }

    [Fact]
    public async Task A_warning_of_the_generator_comes_with_a_200_and_the_numbers()
    {
        var reply = await _api.Differentiate("static double F(double x, int n) => 3.0 * n;", new { x = 2.0, n = 4 });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("warning", (string?)reply.Diagnostic("AD0007")["severity"]);
        Assert.Equal(12.0, reply.Value);
        Assert.Equal(0.0, reply.Gradient("x"));
    }

    [Theory]
    [InlineData("static double F(double x) { var r = new Random(); return x * r.NextDouble(); }", "local 'r' of type 'System.Random")]
    [InlineData("static double F(double x) { string s = \"a\"; return x; }", "local 's' of type 'string'")]
    [InlineData("static double F(double x) { foreach (var c in \"ab\") { x += 1; } return x; }", "foreach statement")]
    [InlineData("static double F(double x) => double.IsNaN(x) ? 0 : x;", "'double.IsNaN'")]
    [InlineData("static double F(double x) { double Sq(double v) => v * v; return Sq(x); }", "local function")]
    [InlineData("static double F(double x) => x % 2.0;", "'%' on floating-point values")]
    [InlineData("static double F(double x) { try { return x; } finally { } }", "try statement")]
    [InlineData("static double F(double x, long n) => x * n;", "parameter type 'long'")]
    public async Task A_construct_outside_the_subset_is_a_422_naming_it(string source, string named)
    {
        var reply = await _api.Differentiate(source, new { x = 1.0, n = 1.0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Contains(reply.Diagnostics, d => (string?)d["id"] == "EX0004" && ((string?)d["message"])!.Contains(named, StringComparison.Ordinal) && (int?)d["line"] == 1);
    }

    [Theory]
    [InlineData("{\"source\": \"static double F(double x) => x;\"}", "needs a \"point\" object")]
    [InlineData("{\"source\": \"static double F(double x, double y) => x;\", \"point\": {\"x\": 1}}", "no value for the parameter 'y'")]
    [InlineData("{\"source\": \"static double F(double x) => x;\", \"point\": {\"x\": 1, \"z\": 2}}", "'z', which is not a parameter")]
    [InlineData("{\"source\": \"static double F(double x, int n) => x;\", \"point\": {\"x\": 1, \"n\": 1.5}}", "must be a whole number")]
    [InlineData("{\"source\": \"static double F(double x) => x;\", \"point\": {\"x\": \"three\"}}", "not the JSON this endpoint takes")]
    [InlineData("{\"point\": {\"x\": 1}}", "needs a \"source\" string")]
    [InlineData("not json at all", "not the JSON this endpoint takes")]
    public async Task A_malformed_request_is_a_400_that_says_what_is_wrong(string body, string says)
    {
        var reply = await _api.PostRaw("/api/differentiate", body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(reply.Diagnostics, d => (string?)d["id"] == "EX0001" && ((string?)d["message"])!.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_signature_lists_the_parameters_and_which_get_a_gradient()
    {
        var reply = await _api.Post("/api/signature", new { source = "static double F(double x, int n, [NoDerivative] double k) => x * n * k;" });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("F", (string?)reply.Body!["name"]);
        var parameters = reply.Body!["parameters"]!.AsArray();
        Assert.Equal(["x", "n", "k"], parameters.Select(p => (string)p!["name"]!));
        Assert.Equal([true, false, false], parameters.Select(p => (bool)p!["differentiable"]!));
        Assert.Equal("int", (string?)parameters[1]!["type"]);
    }

    [Fact]
    public async Task The_plot_samples_the_function_along_one_variable()
    {
        const string source = "static double F(double a, double b) => a * a * b - Math.Sin(b);";
        var reply = await _api.Post("/api/plot", new { source, point = new { a = 1.5, b = 0.0 }, wrt = "b", from = -2.0, to = 2.0, count = 9 });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var xs = reply.Body!["xs"]!.AsArray().Select(x => (double)x!).ToList();
        var values = reply.Body!["values"]!.AsArray().Select(v => (double)v!).ToList();
        Assert.Equal(9, xs.Count);
        for (var i = 0; i < xs.Count; i++)
        {
            Assert.Equal(-2.0 + (0.5 * i), xs[i], 12);
            Assert.Equal((2.25 * xs[i]) - Math.Sin(xs[i]), values[i], 12);
        }
    }

    [Fact]
    public async Task A_plot_leaves_gaps_where_the_function_is_not_finite()
    {
        var reply = await _api.Post("/api/plot", new { source = "static double F(double x) => Math.Log(x);", point = new { x = 1.0 }, wrt = "x", from = -1.0, to = 1.0, count = 3 });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var values = reply.Body!["values"]!.AsArray();
        Assert.Null(values[0]);
        Assert.Null(values[1]); // log 0 = -Infinity
        Assert.Equal(0.0, (double)values[2]!);
    }
}
