using System.Diagnostics;

namespace Slipway.Docker.Tests.Fixtures;

/// <summary>The docker command line, for what a person would look at: <c>docker inspect</c>'s whole answer.</summary>
public static class DockerCli
{
    public static async Task<string> InspectAsync(string container)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("inspect");
        start.ArgumentList.Add(container);
        using var docker = Process.Start(start)!;
        var text = await docker.StandardOutput.ReadToEndAsync();
        var error = await docker.StandardError.ReadToEndAsync();
        await docker.WaitForExitAsync();
        return docker.ExitCode == 0 ? text : throw new InvalidOperationException($"docker inspect {container} failed: {error}");
    }
}
