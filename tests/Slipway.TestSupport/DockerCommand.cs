using System.Diagnostics;

namespace Slipway.TestSupport;

/// <summary>
/// The docker command line, for what a person would look at or do by hand (<c>docker inspect</c>'s whole answer,
/// <c>history</c>, <c>exec</c>): a test that checks what the engine shows checks it as people see it.
/// </summary>
public static class DockerCommand
{
    /// <summary>Runs <c>docker</c> with <paramref name="arguments"/> (each one word, never through a shell) and returns what it printed.</summary>
    /// <exception cref="InvalidOperationException">docker failed; the message holds what it wrote to standard error.</exception>
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
