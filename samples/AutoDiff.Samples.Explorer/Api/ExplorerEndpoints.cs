using AutoDiff.Samples.Explorer.Analysis;
using AutoDiff.Samples.Explorer.Evaluation;

namespace AutoDiff.Samples.Explorer.Api;

/// <summary>
/// The JSON API: <c>POST /api/differentiate</c> (design.md's contract), and the page's helpers
/// <c>POST /api/signature</c> and <c>POST /api/plot</c>. Status codes: 400 malformed request, 413 too large,
/// 422 a source the explorer refuses or an evaluation that hit a limit.
/// </summary>
public static class ExplorerEndpoints
{
    public const string RateLimitPolicy = "analysis";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimitPolicy);
        api.MapPost("/differentiate", Differentiate);
        api.MapPost("/signature", Signature);
        api.MapPost("/plot", Plot);
    }

    private static async Task<IResult> Differentiate(HttpContext context, SourceAnalyzer analyzer, ExplorerLimits limits)
    {
        var (request, problem, status) = await RequestReader.ReadAsync<DifferentiateRequest>(context.Request, limits, context.RequestAborted);
        if (request?.Source is null)
        {
            return Reply(new DifferentiateResponse(null, null, null, [problem ?? MissingSource()], null), problem is null ? 400 : status);
        }

        using var deadline = Deadline(context, limits);
        var analysis = Analyze(analyzer, request.Source, deadline.Token);
        var generated = analysis.Generated.Length > 0 ? analysis.Generated : null;
        if (analysis.Plan is not { } plan)
        {
            return Reply(new DifferentiateResponse(null, null, generated, analysis.Diagnostics, null), StatusOf(analysis));
        }

        var pointProblems = PointCheck.Problems(plan, request.Point);
        if (pointProblems.Count > 0)
        {
            return Reply(new DifferentiateResponse(null, null, generated, [.. analysis.Diagnostics, .. pointProblems], null), 400);
        }

        var budget = new EvaluationBudget(limits.MaxLoopIterations, limits.MaxTapeNodes, deadline.Token);
        try
        {
            var (output, leaves) = TapeInterpreter.Run(plan, request.Point!, budget);
            output.Backward();
            var gradient = plan.Parameters.Where(p => p.Differentiable).ToDictionary(p => p.Name, p => leaves[p.Name].Grad);
            var diagnostics = analysis.Diagnostics.ToList();
            string? dot = null;
            if (budget.NodesUsed <= limits.MaxDrawnNodes)
            {
                dot = output.ToDot();
            }
            else
            {
                diagnostics.Add(ExplorerDiagnostic.Info(DiagnosticIds.GraphNotDrawn,
                    $"The expression graph has {budget.NodesUsed:N0} nodes; graphs of up to {limits.MaxDrawnNodes:N0} are drawn."));
            }

            return Reply(new DifferentiateResponse(output.Data, gradient, generated, diagnostics, dot), 200);
        }
        catch (EvaluationLimitException limit)
        {
            return Reply(new DifferentiateResponse(null, null, generated, [.. analysis.Diagnostics, limit.Diagnostic], null), 422);
        }
    }

    private static async Task<IResult> Signature(HttpContext context, SourceAnalyzer analyzer, ExplorerLimits limits)
    {
        var (request, problem, status) = await RequestReader.ReadAsync<SignatureRequest>(context.Request, limits, context.RequestAborted);
        if (request?.Source is null)
        {
            return Reply(new SignatureResponse(null, null, [problem ?? MissingSource()]), problem is null ? 400 : status);
        }

        using var deadline = Deadline(context, limits);
        var analysis = Analyze(analyzer, request.Source, deadline.Token);
        return analysis.Plan is { } plan
            ? Reply(new SignatureResponse(plan.Name, plan.Parameters.Select(p => new SignatureParameter(p.Name, p.TypeName, p.Differentiable)).ToList(), analysis.Diagnostics), 200)
            : Reply(new SignatureResponse(null, null, analysis.Diagnostics), StatusOf(analysis));
    }

    private static async Task<IResult> Plot(HttpContext context, SourceAnalyzer analyzer, ExplorerLimits limits)
    {
        var (request, problem, status) = await RequestReader.ReadAsync<PlotRequest>(context.Request, limits, context.RequestAborted);
        if (request?.Source is null)
        {
            return Reply(new PlotResponse(null, null, null, [problem ?? MissingSource()]), problem is null ? 400 : status);
        }

        using var deadline = Deadline(context, limits);
        var analysis = Analyze(analyzer, request.Source, deadline.Token);
        if (analysis.Plan is not { } plan)
        {
            return Reply(new PlotResponse(request.Wrt, null, null, analysis.Diagnostics), StatusOf(analysis));
        }

        var problems = PointCheck.Problems(plan, request.Point);
        if (plan.Parameters.FirstOrDefault(p => p.Name == request.Wrt) is not { Type: Num.Real })
        {
            problems.Add(RequestReader.BadRequest($"\"wrt\" must name a double or float parameter of {plan.Name}, not '{request.Wrt}'."));
        }

        if (!double.IsFinite(request.From) || !double.IsFinite(request.To) || request.From >= request.To)
        {
            problems.Add(RequestReader.BadRequest($"\"from\" and \"to\" must be finite with from < to (got {request.From} and {request.To})."));
        }

        if (request.Count < 2 || request.Count > limits.MaxPlotPoints)
        {
            problems.Add(RequestReader.BadRequest($"\"count\" must be between 2 and {limits.MaxPlotPoints}, not {request.Count}."));
        }

        if (problems.Count > 0)
        {
            return Reply(new PlotResponse(request.Wrt, null, null, problems), 400);
        }

        var budget = new EvaluationBudget(limits.MaxPlotLoopIterations, limits.MaxTapeNodes, deadline.Token);
        var point = new Dictionary<string, double>(request.Point!);
        var xs = new List<double>();
        var values = new List<double?>();
        try
        {
            for (var i = 0; i < request.Count; i++)
            {
                var x = request.From + ((request.To - request.From) * i / (request.Count - 1));
                point[request.Wrt!] = x;
                budget.ResetNodes();
                xs.Add(x);
                values.Add(Sample(plan, point, budget));
            }
        }
        catch (EvaluationLimitException limit)
        {
            return Reply(new PlotResponse(request.Wrt, null, null, [limit.Diagnostic]), 422);
        }

        return Reply(new PlotResponse(request.Wrt, xs, values, []), 200);
    }

    // One sample of a plot: the value only (no backward pass); an arithmetic error at this x leaves a gap.
    private static double? Sample(MethodPlan plan, IReadOnlyDictionary<string, double> point, EvaluationBudget budget)
    {
        try
        {
            var value = TapeInterpreter.Run(plan, point, budget).Output.Data;
            return double.IsFinite(value) ? value : null;
        }
        catch (EvaluationLimitException limit) when (limit.Diagnostic.Id == DiagnosticIds.ArithmeticError)
        {
            return null;
        }
    }

    private static SourceAnalysis Analyze(SourceAnalyzer analyzer, string source, CancellationToken deadline)
    {
        try
        {
            return analyzer.Analyze(source, deadline);
        }
        catch (OperationCanceledException)
        {
            return new SourceAnalysis("", [ExplorerDiagnostic.Error(DiagnosticIds.TimeLimit, "Analysing the source ran past the explorer's time limit.")], null);
        }
    }

    private static CancellationTokenSource Deadline(HttpContext context, ExplorerLimits limits)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(limits.TimeLimit);
        return deadline;
    }

    private static int StatusOf(SourceAnalysis analysis) => analysis.TooLarge ? 413 : 422;

    private static ExplorerDiagnostic MissingSource() => RequestReader.BadRequest("The request needs a \"source\" string: one static method.");

    private static IResult Reply<T>(T body, int status) => Results.Json(body, ExplorerJson.Options, statusCode: status);
}
