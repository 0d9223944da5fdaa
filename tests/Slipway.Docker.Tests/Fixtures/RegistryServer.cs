using System.Diagnostics;
using System.Net;

namespace Slipway.Docker.Tests.Fixtures;

/// <summary>
/// A real registry v2 (Debian's docker-registry) on a free 127.0.0.1 port with storage in a temp folder,
/// optionally behind htpasswd authentication; stopped by its PID on dispose.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private const string RegistryBinary = "/usr/bin/docker-registry";

    private readonly TemporaryFolder folder = new();
    private Process? process;

    private RegistryServer()
    {
    }

    /// <summary>host:port, e.g. 127.0.0.1:40123.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Starts a registry; with <paramref name="htpasswdLine"/> (user:bcrypt-hash) it demands that user's credentials.</summary>
    public static async Task<RegistryServer> StartAsync(HttpClient http, string? htpasswdLine = null)
    {
        if (!File.Exists(RegistryBinary))
        {
            throw new InvalidOperationException($"{RegistryBinary} is missing: install Debian's docker-registry package.");
        }

        var server = new RegistryServer();
        try
        {
            await server.StartProcessAsync(http, htpasswdLine);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        process?.Dispose();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync(HttpClient http, string? htpasswdLine)
    {
        Address = $"127.0.0.1:{LoopbackPort.Free()}";
        var storage = Directory.CreateDirectory(Path.Combine(folder.Path, "storage")).FullName;
        var auth = htpasswdLine is null
            ? string.Empty
            : $"""
                auth:
                  htpasswd:
                    realm: slipway-test
                    path: {folder.Write("htpasswd", htpasswdLine + "\n")}
                """;
        var config = folder.Write("config.yml", $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
            http:
              addr: {Address}
            {auth}
            """);
        var start = new ProcessStartInfo(RegistryBinary) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"docker-registry did not answer on {Address} within 10 s.");
    }
}
