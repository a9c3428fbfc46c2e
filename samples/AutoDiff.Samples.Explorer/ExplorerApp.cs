using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using AutoDiff.Samples.Explorer.Analysis;
using AutoDiff.Samples.Explorer.Api;

namespace AutoDiff.Samples.Explorer;

/// <summary>
/// The explorer web app: the page under wwwroot/ and the JSON API. Kestrel listens on http://localhost:5000
/// unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.
/// </summary>
public static class ExplorerApp
{
    public static WebApplication Create(string[] args, ExplorerLimits? limits = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Served from next to the assembly, so the page is found whatever folder the app starts in.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Services.AddSingleton(limits ?? new ExplorerLimits());
        builder.Services.AddMemoryCache(options => options.SizeLimit = 64);
        builder.Services.AddSingleton<SourceAnalyzer>();
        // Two cores: a few analyses at a time, a short queue, and 503 beyond that rather than an ever longer wait.
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            options.AddConcurrencyLimiter(ExplorerEndpoints.RateLimitPolicy, limiter =>
            {
                limiter.PermitLimit = 4;
                limiter.QueueLimit = 32;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRateLimiter();
        ExplorerEndpoints.Map(app);
        return app;
    }
}
