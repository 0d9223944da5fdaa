using System.Diagnostics;
using System.Text;

namespace Slipway.Engine.Tests.Fixtures;

/// <summary>Runs a script or program like CI does (no terminal) and collects its exit code and output.</summary>
internal static class ScriptRunner
{
    public static ScriptResult Run(string workingDirectory, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var script = RunningScript.Start(workingDirectory, fileName, arguments, environment);
        return script.WaitForExit(timeout ?? TimeSpan.FromMinutes(5));
    }
}

/// <summary>A started script whose output is collected while it runs; stopped by its own handle when a wait times out.</summary>
internal sealed class RunningScript : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly string description;

    private RunningScript(Process process, string description)
    {
        this.process = process;
        this.description = description;
    }

    public int Id => process.Id;

    public static RunningScript Start(string workingDirectory, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
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

        var process = new Process { StartInfo = start };
        var script = new RunningScript(process, $"{fileName} {string.Join(' ', start.ArgumentList)}");
        process.OutputDataReceived += (_, line) => script.Append(script.output, line.Data);
        process.ErrorDataReceived += (_, line) => script.Append(script.error, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Waits until the script has printed <paramref name="text"/> on its standard output.</summary>
    public void WaitForOutput(string text, TimeSpan timeout) => WaitFor(Output, text, timeout);

    /// <summary>Waits until the script has printed <paramref name="text"/> on its standard error.</summary>
    public void WaitForError(string text, TimeSpan timeout) => WaitFor(Error, text, timeout);

    private void WaitFor(Func<string> read, string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!read().Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > timeout || process.HasExited)
            {
                if (process.HasExited)
                {
                    // Lets the output readers reach the end of what the script printed.
                    process.WaitForExit();
                }

                throw new TimeoutException($"{description} did not print '{text}'; it printed: {Output()}{Error()}");
            }

            Thread.Sleep(50);
        }
    }

    public ScriptResult WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{description} did not finish in time.");
        }

        process.WaitForExit();
        return new ScriptResult(process.ExitCode, Output(), Error());
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private string Error()
    {
        lock (error)
        {
            return error.ToString();
        }
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}

/// <summary>How a script ended.</summary>
internal sealed record ScriptResult(int ExitCode, string Output, string Error);
