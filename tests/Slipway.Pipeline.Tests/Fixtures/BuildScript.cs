using System.Diagnostics;
using System.Text;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>Runs <c>./build.sh</c> the way a user does, in the checkout, with a work folder of the test's own.</summary>
public sealed class BuildScript(string workDirectory)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    public Task<BuildScriptResult> RunAsync(params string[] arguments) => RunAsync(arguments, new Dictionary<string, string>());

    public async Task<BuildScriptResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(arguments, environment, out var output);
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./build.sh {string.Join(' ', arguments)} ran longer than {Limit}:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        return new BuildScriptResult(process.ExitCode, output.ToString());
    }

    /// <summary>Runs <c>./build.sh</c> with its standard output kept apart, byte for byte, as <c>&gt; file</c> would keep it.</summary>
    public async Task<RawBuildScriptResult> RunKeepingStandardOutputAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = new Process { StartInfo = StartInfo(arguments, environment ?? new Dictionary<string, string>()) };
        process.Start();
        using var standardOutput = new MemoryStream();
        var copied = process.StandardOutput.BaseStream.CopyToAsync(standardOutput);
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./build.sh {string.Join(' ', arguments)} ran longer than {Limit}:{Environment.NewLine}{await errors}");
        }

        await copied;
        return new RawBuildScriptResult(process.ExitCode, standardOutput.ToArray(), await errors);
    }

    /// <summary>Starts <c>./build.sh</c> without waiting; the caller owns the process (and its PID).</summary>
    public Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, out StringBuilder output)
    {
        var lines = new StringBuilder();
        var process = new Process { StartInfo = StartInfo(arguments, environment) };
        process.OutputDataReceived += (_, e) => Append(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Append(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(RepositoryRoot.Combine("build.sh"))
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Before a lone "--": the words after it are a command's (Run), not the build's.
        var separator = arguments.ToList().IndexOf("--");
        var own = separator < 0 ? arguments : arguments.Take(separator).ToList();
        foreach (var argument in own)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--work-directory");
        info.ArgumentList.Add(workDirectory);
        foreach (var argument in separator < 0 ? [] : arguments.Skip(separator))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["CI"] = "true";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static void Append(StringBuilder lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.AppendLine(line);
        }
    }
}
