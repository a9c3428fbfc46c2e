using AutoDiff.Samples.Explorer.Analysis;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AutoDiff.Explorer.Tests.Infrastructure;

/// <summary>The explorer in memory (TestServer), optionally with other limits.</summary>
public sealed class ExplorerFactory : WebApplicationFactory<Program>
{
    public ExplorerLimits? Limits { get; init; }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        if (Limits is { } limits)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(limits));
        }
    }

    /// <summary>A client whose requests give up after 20 seconds (or <paramref name="timeout"/>), so a hung request fails the test instead of stalling it.</summary>
    public ApiClient Api(TimeSpan? timeout = null) =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), timeout ?? TimeSpan.FromSeconds(20));
}
