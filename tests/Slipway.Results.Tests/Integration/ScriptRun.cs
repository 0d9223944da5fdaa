using System.Diagnostics;
using Slipway.Platform;

namespace Slipway.Results.Tests.Integration;

/// <summary>Runs a shell command and collects its output as log lines, the way a platform would.</summary>
internal static class ScriptRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Stdout and stderr as separate streams, in the order the lines arrived.</summary>
    public static IReadOnlyList<LogLine> WithStreams(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var lines = new List<LogLine>();
        Run(workingDirectory, environment, command, lines, mergeStreams: false);
        return lines;
    }

    /// <summary>Stdout and stderr through one pipe, every line of unknown stream, as CloudWatch keeps them.</summary>
    public static IReadOnlyList<LogLine> Merged(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var lines = new List<LogLine>();
        Run(workingDirectory, environment, command, lines, mergeStreams: true);
        return lines;
    }

    private static void Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] command, List<LogLine> lines, bool mergeStreams)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var quoted = string.Join(' ', command.Select(part => "'" + part.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(mergeStreams ? $"{quoted} 2>&1" : quoted);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(e.Data, mergeStreams ? LogStream.Unknown : LogStream.Stdout);
        process.ErrorDataReceived += (_, e) => Add(e.Data, LogStream.Stderr);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{quoted} did not finish within {Timeout}.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{quoted} exited with {process.ExitCode}:\n{string.Join('\n', lines.Select(line => line.Text))}");
        }

        void Add(string? text, LogStream stream)
        {
            if (text is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(new LogLine(stream, text));
            }
        }
    }
}
