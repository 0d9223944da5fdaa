using System.Diagnostics;
using Slipway.Docker.Engine;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>
/// The offline base images of a PHP version other than 8.2, made on demand by scripts/make-base-images.sh for the
/// tests that need them (several minutes, once per machine), never for every run.
/// </summary>
public static class OfflineBaseImages
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task EnsureAsync(DockerClient docker, string php)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (await AllExistAsync(docker, php))
            {
                return;
            }

            var info = new ProcessStartInfo(RepositoryRoot.Combine("scripts", "make-base-images.sh"), ["--php", php])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var script = Process.Start(info)!;
            var output = script.StandardOutput.ReadToEndAsync();
            var errors = script.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(Limit);
            try
            {
                await script.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM by PID: the script's own trap unmounts and removes its work folder.
                Process.Start("kill", ["-TERM", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
                await script.WaitForExitAsync();
                throw new TimeoutException($"scripts/make-base-images.sh --php {php} ran longer than {Limit}.");
            }

            if (script.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"scripts/make-base-images.sh --php {php} failed ({script.ExitCode}):{Environment.NewLine}{await output}{await errors}");
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task<bool> AllExistAsync(DockerClient docker, string php)
    {
        foreach (var kind in new[] { "php-apache", "php-builder", "phpqa" })
        {
            if (!await docker.ImageExistsAsync($"slipway-base/{kind}:{php}", CancellationToken.None))
            {
                return false;
            }
        }

        return true;
    }
}
