using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// Debian's docker-registry on a free 127.0.0.1 port, storing in a folder of its own, read back over the
/// registry v2 HTTP API; stopped by its PID when disposed.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private const string Binary = "/usr/bin/docker-registry";
    private const string ManifestV2 = "application/vnd.docker.distribution.manifest.v2+json";

    private readonly Process _process;
    private readonly HttpClient _http;

    private LocalRegistry(Process process, string address)
    {
        _process = process;
        Address = address;
        _http = new HttpClient { BaseAddress = new Uri($"http://{address}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>host:port, e.g. 127.0.0.1:40123: what <c>--release-registry</c> takes.</summary>
    public string Address { get; }

    /// <summary>Starts a registry storing under <paramref name="folder"/>; with <paramref name="htpasswd"/> (user:bcrypt) it demands that login.</summary>
    public static async Task<LocalRegistry> StartAsync(string folder, string? htpasswd = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's docker-registry package.");
        }

        var address = $"127.0.0.1:{FreePort()}";
        var storage = Directory.CreateDirectory(Path.Combine(folder, "storage")).FullName;
        var config = Path.Combine(folder, "config.yml");
        var auth = string.Empty;
        if (htpasswd is not null)
        {
            var users = Path.Combine(folder, "htpasswd");
            await File.WriteAllTextAsync(users, htpasswd + "\n");
            auth = $"""
                auth:
                  htpasswd:
                    realm: slipway-deploy-tests
                    path: {users}
                """;
        }

        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
            http:
              addr: {address}
            {auth}
            """);
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var registry = new LocalRegistry(process, address);
        try
        {
            await registry.WaitUntilListeningAsync();
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>The tags of a repository; none when the registry has never seen it.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(string repository)
    {
        using var response = await _http.GetAsync($"v2/{repository}/tags/list");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(tag => tag.GetString()!).ToList()
            : [];
    }

    /// <summary>The manifest digest of <paramref name="repository"/>:<paramref name="tag"/> (HEAD, schema 2), or null when absent.</summary>
    public async Task<string?> ManifestDigestAsync(string repository, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/manifests/{tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ManifestV2));
        using var response = await _http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    /// <summary>The image config digest the manifest names: the image id the engine that built the image shows.</summary>
    public async Task<string> ConfigDigestAsync(string repository, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ManifestV2));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
    }

    /// <summary>Deletes a manifest, and with it every tag naming it, as an operator cleaning up would.</summary>
    public async Task DeleteAsync(string repository, string digest)
    {
        using var response = await _http.DeleteAsync($"v2/{repository}/manifests/{digest}");
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await _http.GetAsync("v2/");
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"docker-registry did not answer on {Address} within 10 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
