using System.Diagnostics;
using System.Text;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Building;

/// <summary>
/// Runs Slipway's build step (docker/builder/build-app.sh, the builder image's entry script) on this machine's php,
/// composer and bash against an app folder, as the builder container runs it against /app.
/// </summary>
public static class AppBuildScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<(int ExitCode, string Output, string LastErrorLine)> RunAsync(
        string appFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("bash", [RepositoryRoot.Combine("docker", "builder", "build-app.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["SLIPWAY_APP_DIR"] = appFolder;
        info.Environment["SLIPWAY_DEFAULT_HOOKS_DIR"] = Path.Combine(appFolder, ".no-default-hooks");
        info.Environment["SLIPWAY_CACHE_DIR"] = Path.Combine(appFolder, ".cache");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var errors = new List<string>();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build-app.sh ran longer than {Limit}:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        lock (errors)
        {
            return (process.ExitCode, output.ToString(), errors.LastOrDefault() ?? "");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
