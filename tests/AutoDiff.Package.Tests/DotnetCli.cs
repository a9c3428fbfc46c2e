using System.Diagnostics;
using System.Text;

namespace AutoDiff.Package.Tests;

/// <summary>Runs the <c>dotnet</c> CLI as a child process and reports everything it printed when it fails.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(string Command, int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() =>
            $"`{Command}` exited with {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; throws with the full output unless it exits with 0.</summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = RunAllowingFailure(workingDirectory, environment, arguments);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.ToString());
        return result;
    }

    public static Result RunAllowingFailure(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        IsolateFromParentBuild(start.Environment);
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;

        var command = "dotnet " + string.Join(' ', arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {Timeout}.\n{stdout}\n{stderr}");
        }
        process.WaitForExit(); // flushes the asynchronous output readers
        return new Result(command, process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    // Under `dotnet test` the test host inherits MSBuild variables of the outer build; a child build
    // must find its own SDK and must not attach to the outer build's worker nodes.
    private static void IsolateFromParentBuild(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            environment.Remove(name);
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }

    private static string DotnetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
