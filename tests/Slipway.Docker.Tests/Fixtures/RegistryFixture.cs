using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Slipway.Docker.Tests.Fixtures;

/// <summary>
/// A real registry v2 (Debian's docker-registry) on a free 127.0.0.1 port with storage in a temp folder,
/// stopped by its PID when the tests end.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private const string RegistryBinary = "/usr/bin/docker-registry";

    private readonly TemporaryFolder folder = new();
    private Process? process;

    /// <summary>host:port, e.g. 127.0.0.1:40123.</summary>
    public string Address { get; private set; } = string.Empty;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        if (!File.Exists(RegistryBinary))
        {
            throw new InvalidOperationException($"{RegistryBinary} is missing: install Debian's docker-registry package.");
        }

        Address = $"127.0.0.1:{FreePort()}";
        var storage = Directory.CreateDirectory(Path.Combine(folder.Path, "storage")).FullName;
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
                using var response = await Http.GetAsync($"http://{Address}/v2/");
                if (response.StatusCode == HttpStatusCode.OK)
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

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        process?.Dispose();
        Http.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
