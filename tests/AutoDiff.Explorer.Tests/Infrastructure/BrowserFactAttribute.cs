using System.Diagnostics;

namespace AutoDiff.Explorer.Tests.Infrastructure;

/// <summary>
/// A test that needs headless Chromium. Where none can be started (none at <see cref="Chromium.ExecutablePath"/>, or it
/// does not render a blank page) it is skipped with the reason, unless
/// AUTODIFF_REQUIRE_BROWSER=1 (set by .ci/run), which makes it run and fail instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Where the system's Chromium is, and whether it starts here.</summary>
public static class Chromium
{
    /// <summary>/usr/bin/chromium (Debian's package), or the program AUTODIFF_CHROMIUM names.</summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("AUTODIFF_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly Lazy<string?> Reason = new(Probe);

    public static bool Required => Environment.GetEnvironmentVariable("AUTODIFF_REQUIRE_BROWSER") == "1";

    /// <summary>Null when the browser tests should run.</summary>
    public static string? SkipReason => Required ? null : Reason.Value;

    /// <summary>The flags every launch uses: headless, no sandbox (root in CI), and no network of the browser's own.</summary>
    public static string[] Arguments(string userDataDirectory) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + userDataDirectory,
    ];

    private static string? Probe()
    {
        if (!File.Exists(ExecutablePath))
        {
            return $"No Chromium at {ExecutablePath} (apt-get install chromium); set AUTODIFF_REQUIRE_BROWSER=1 to make this a failure.";
        }

        var profile = Directory.CreateTempSubdirectory("explorer-chromium-probe-");
        try
        {
            var start = new ProcessStartInfo(ExecutablePath) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in Arguments(profile.FullName).Append("--dump-dom").Append("about:blank"))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return $"{ExecutablePath} did not render about:blank within 30 s; set AUTODIFF_REQUIRE_BROWSER=1 to make this a failure.";
            }

            return process.ExitCode == 0
                ? null
                : $"{ExecutablePath} exited with {process.ExitCode}: {errors.Result.Trim().Split('\n').LastOrDefault()}; set AUTODIFF_REQUIRE_BROWSER=1 to make this a failure.";
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
