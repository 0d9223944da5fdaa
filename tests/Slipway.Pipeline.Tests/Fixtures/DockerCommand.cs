using System.Diagnostics;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>The docker command line, for what a person would look at or do by hand (inspect, exec).</summary>
public static class DockerCommand
{
    /// <summary>Runs <c>docker</c> with <paramref name="arguments"/> and returns what it printed.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var docker = Process.Start(start)!;
        var text = docker.StandardOutput.ReadToEndAsync();
        var error = await docker.StandardError.ReadToEndAsync();
        await docker.WaitForExitAsync();
        return docker.ExitCode == 0 ? await text : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed: {error}");
    }
}
