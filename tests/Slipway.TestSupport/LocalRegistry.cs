using System.Text.Json.Nodes;

namespace Slipway.TestSupport;

/// <summary>A registry v2 (Debian's docker-registry) on a free loopback port, standing in for the ECR host moto does not have.</summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private const string ManifestType = "application/vnd.docker.distribution.manifest.v2+json";

    private readonly PeerProcess _process;
    private readonly string _folder;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    private LocalRegistry(PeerProcess process, string folder, string host)
    {
        _process = process;
        _folder = folder;
        Host = host;
    }

    /// <summary>host:port of the registry.</summary>
    public string Host { get; }

    public static async Task<LocalRegistry> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-aws-registry-").FullName;
        var port = LoopbackPort.Free();
        var host = $"127.0.0.1:{port}";
        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "storage")}
              delete:
                enabled: true
            http:
              addr: {host}
            """);
        var process = await PeerProcess.StartAsync("docker-registry", ["serve", config], port);
        return new LocalRegistry(process, folder, host);
    }

    /// <summary>The tags pushed to a repository; none when nothing was pushed to it.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(string repository)
    {
        using var response = await _http.GetAsync($"http://{Host}/v2/{repository}/tags/list");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return answer["tags"]?.AsArray().Select(tag => tag!.GetValue<string>()).ToList() ?? [];
    }

    /// <summary>The manifest pushed under a tag, as ECR would record it.</summary>
    public async Task<string> ManifestAsync(string repository, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{Host}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd(ManifestType);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
