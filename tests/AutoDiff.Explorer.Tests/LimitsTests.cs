using System.Net;
using AutoDiff.Explorer.Tests.Infrastructure;
using AutoDiff.Samples.Explorer.Analysis;

namespace AutoDiff.Explorer.Tests;

/// <summary>
/// Each limit, set low in a server of its own, is reported by its own diagnostic. The time limit is raised in the
/// tests of the other limits, so that a slow first analysis on a busy machine cannot stand in for them.
/// </summary>
public sealed class LimitsTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_loop_limit_counts_iterations_of_all_loops_together()
    {
        using var factory = new ExplorerFactory { Limits = new ExplorerLimits { MaxLoopIterations = 50, TimeLimit = Patient } };
        var api = factory.Api(Patient);
        const string nested = "static double F(double x) { for (int i = 0; i < 7; i++) { for (int j = 0; j < 7; j++) { x = x * 1.0; } } return x; }";

        // 7 outer + 49 inner iterations = 56 > 50; 6 outer + 36 inner = 42 fits.
        var over = await api.Differentiate(nested, new { x = 1.0 });
        var under = await api.Differentiate(nested.Replace("< 7", "< 6", StringComparison.Ordinal), new { x = 1.0 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.Status);
        Assert.Equal(1, (int?)over.Diagnostic("EX0005")["line"]);
        Assert.Equal(HttpStatusCode.OK, under.Status);
    }

    [Fact]
    public async Task The_node_limit_stops_a_tape_that_grows_too_large()
    {
        using var factory = new ExplorerFactory { Limits = new ExplorerLimits { MaxTapeNodes = 1_000, TimeLimit = Patient } };
        var reply = await factory.Api(Patient).Differentiate("static double F(double x) { double s = 0; for (int i = 0; i < 600; i++) { s += x * i; } return s; }", new { x = 1.0 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Contains("1,000 tape nodes", (string?)reply.Diagnostic("EX0006")["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_limit_stops_a_long_evaluation()
    {
        using var factory = new ExplorerFactory
        {
            Limits = new ExplorerLimits { TimeLimit = TimeSpan.FromMilliseconds(200), MaxLoopIterations = int.MaxValue, MaxTapeNodes = int.MaxValue },
        };
        var reply = await factory.Api(Patient).Differentiate("static double F(double x) { int i = 0; while (true) { i++; } }", new { x = 1.0 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        reply.Diagnostic("EX0007");
    }

    [Fact]
    public async Task A_graph_over_the_drawing_limit_is_not_sent_but_the_numbers_are()
    {
        using var factory = new ExplorerFactory { Limits = new ExplorerLimits { MaxDrawnNodes = 10, TimeLimit = Patient } };
        var reply = await factory.Api(Patient).Differentiate("static double F(double x) { double s = 0; for (int i = 1; i <= 10; i++) { s += x / i; } return s; }", new { x = 2.0 });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Null(reply.Body!["dot"]);
        Assert.Equal("info", (string?)reply.Diagnostic("EX0009")["severity"]);
        DifferentiateApiTests.AssertClose(Enumerable.Range(1, 10).Sum(i => 1.0 / i), reply.Gradient("x"), 1e-14);
    }

    [Fact]
    public async Task A_plot_may_not_ask_for_more_points_than_the_limit()
    {
        using var factory = new ExplorerFactory { Limits = new ExplorerLimits { TimeLimit = Patient } };
        var reply = await factory.Api(Patient).Post("/api/plot", new { source = "static double F(double x) => x;", point = new { x = 0.0 }, wrt = "x", from = 0.0, to = 1.0, count = 100_000 });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("between 2 and 401", (string?)reply.Diagnostic("EX0001")["message"], StringComparison.Ordinal);
    }
}
