using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Docker.Engine;

/// <summary>
/// A client for the Docker Engine HTTP API, split by concern into partial files (system, images, build, push,
/// containers, logs). The API version is negotiated on first use: the lower of the engine's version and
/// <see cref="TargetApiVersion"/>.
/// </summary>
public sealed partial class DockerClient : IDisposable
{
    /// <summary>The API version this client is written against (Docker Engine 20.10).</summary>
    public const string TargetApiVersion = "1.41";

    private readonly HttpClient http;
    private readonly SemaphoreSlim negotiation = new(1, 1);
    private string? apiPrefix;

    /// <summary>A client for the engine DOCKER_HOST names, or the default unix socket.</summary>
    public DockerClient()
        : this(DockerEndpoint.FromEnvironment())
    {
    }

    /// <summary>A client for the engine at <paramref name="endpoint"/>.</summary>
    /// <param name="dockerConfig">Where push credentials are looked up when none are given; the user's ~/.docker/config.json by default.</param>
    public DockerClient(DockerEndpoint endpoint, DockerConfigFile? dockerConfig = null)
    {
        Endpoint = endpoint;
        DockerConfig = dockerConfig ?? DockerConfigFile.ForCurrentUser();
        http = EngineHttpClient.Create(endpoint);
    }

    /// <summary>The engine this client talks to.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>The Docker CLI configuration push credentials come from when none are given.</summary>
    public DockerConfigFile DockerConfig { get; }

    public void Dispose()
    {
        http.Dispose();
        negotiation.Dispose();
    }

    /// <summary>Picks the API version to use with an engine that speaks <paramref name="engineVersion"/> at most.</summary>
    internal static string NegotiateApiVersion(string engineVersion, string? engineMinimumVersion)
    {
        var target = Version.Parse(TargetApiVersion);
        if (engineMinimumVersion is not null && Version.TryParse(engineMinimumVersion, out var minimum) && minimum > target)
        {
            throw new DockerException(
                $"The Docker engine needs API version {engineMinimumVersion} or later but Slipway speaks {TargetApiVersion}: use a Docker engine that still accepts API {TargetApiVersion}.");
        }

        return Version.TryParse(engineVersion, out var engine) && engine < target ? engineVersion : TargetApiVersion;
    }

    internal static string EscapePath(string name) =>
        string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    internal async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        CancellationToken cancellationToken,
        QueryString? query = null,
        HttpContent? content = null,
        IReadOnlyDictionary<string, string>? headers = null,
        bool versioned = true)
    {
        var prefix = versioned ? await ApiPrefixAsync(cancellationToken) : string.Empty;

        // Not disposed here: disposing a request disposes its content, which may still be streaming a build context.
        var request = new HttpRequestMessage(method, prefix + path + query) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception) when (FindInner<DockerException>(exception) is { } contentError)
        {
            // The request body (a build context) could not be written; its own message says why.
            throw contentError;
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(exception);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new DockerException(EngineMessage.FromBody(body, (int)response.StatusCode), response.StatusCode);
        }
    }

    internal async Task<JsonElement> SendForJsonAsync(
        HttpMethod method,
        string path,
        CancellationToken cancellationToken,
        QueryString? query = null,
        JsonNode? body = null,
        bool versioned = true)
    {
        using var response = await SendAsync(method, path, cancellationToken, query, JsonBody(body), versioned: versioned);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    internal async Task SendAndForgetAsync(
        HttpMethod method,
        string path,
        CancellationToken cancellationToken,
        QueryString? query = null,
        JsonNode? body = null)
    {
        using var response = await SendAsync(method, path, cancellationToken, query, JsonBody(body));
    }

    private static StringContent? JsonBody(JsonNode? body) =>
        body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async ValueTask<string> ApiPrefixAsync(CancellationToken cancellationToken)
    {
        if (apiPrefix is not null)
        {
            return apiPrefix;
        }

        await negotiation.WaitAsync(cancellationToken);
        try
        {
            if (apiPrefix is null)
            {
                var version = await ReadVersionAsync(versioned: false, cancellationToken);
                apiPrefix = "/v" + NegotiateApiVersion(version.ApiVersion, version.MinimumApiVersion);
            }

            return apiPrefix;
        }
        finally
        {
            negotiation.Release();
        }
    }

    private DockerException Unreachable(HttpRequestException exception)
    {
        var socketError = FindSocketError(exception);
        if (socketError == SocketError.AccessDenied)
        {
            return new DockerException(
                $"Cannot reach the Docker engine at {Endpoint.Address}: permission denied on its socket; add your user to the docker group or set DOCKER_HOST.",
                null,
                exception);
        }

        if (exception.HttpRequestError == HttpRequestError.ConnectionError || socketError is not null)
        {
            return new DockerException(
                $"Cannot reach the Docker engine at {Endpoint.Address}: start it (sudo systemctl start docker, or `dockerd &`) or set DOCKER_HOST.",
                null,
                exception);
        }

        return new DockerException(
            $"The Docker engine at {Endpoint.Address} broke off the request ({exception.Message}); check that the engine is still running.",
            null,
            exception);
    }

    private static SocketError? FindSocketError(Exception exception) =>
        FindInner<SocketException>(exception)?.SocketErrorCode;

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
