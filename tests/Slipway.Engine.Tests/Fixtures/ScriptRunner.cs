using System.Diagnostics;

namespace Slipway.Engine.Tests.Fixtures;

/// <summary>Runs a script or program and collects its exit code and output; stops it (by its own handle) on timeout.</summary>
internal static class ScriptRunner
{
    public static ScriptResult Run(string workingDirectory, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Like CI: no terminal, and no MSBuild nodes left behind holding on to the output pipes.
        start.Environment["CI"] = "true";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time.");
        }

        process.WaitForExit();
        return new ScriptResult(process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>How a script ended.</summary>
internal sealed record ScriptResult(int ExitCode, string Output, string Error);
