using AutoDiff.Samples.Explorer;
using Microsoft.AspNetCore.Builder;
using PuppeteerSharp;

namespace AutoDiff.Explorer.Tests.Infrastructure;

/// <summary>
/// The explorer on Kestrel at 127.0.0.1 on a free port (a browser cannot reach the in-memory TestServer), and one
/// headless Chromium with a fresh profile, shared by the browser tests of a class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private DirectoryInfo? _profile;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            return;
        }

        _app = ExplorerApp.Create(["--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        BaseAddress = _app.Urls.Single();
        _profile = Directory.CreateTempSubdirectory("explorer-chromium-");
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments(_profile.FullName),
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _profile?.Delete(recursive: true);
    }
}
