using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Platform;

namespace Slipway.Composition.Releases;

/// <summary>
/// Asks a registry v2 which manifest a tag names (<c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c>), without
/// pulling anything: anonymously, or with Basic credentials, or with the bearer token the registry's
/// <c>WWW-Authenticate</c> challenge points to. Loopback registries are spoken to over plain HTTP, as the
/// Docker engine does; every other one over HTTPS.
/// </summary>
public sealed partial class RegistryManifestReader(HttpClient http)
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    /// <summary>The digest of <paramref name="repository"/>:<paramref name="tag"/> in <paramref name="registry"/>, or null when it holds no such tag.</summary>
    /// <exception cref="RegistryException">The registry cannot be reached, refuses the credentials, or answers with an error.</exception>
    public async Task<string?> FindDigestAsync(
        string registry,
        string repository,
        string tag,
        RegistryCredentials? credentials,
        CancellationToken cancellationToken)
    {
        var url = new Uri($"{SchemeOf(registry)}://{registry}/v2/{repository}/manifests/{tag}");
        try
        {
            using var anonymous = await HeadAsync(url, authorization: null, cancellationToken);
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized)
            {
                return DigestOf(anonymous, registry, repository, tag);
            }

            var authorization = await AuthorizationAsync(anonymous.Headers.WwwAuthenticate, registry, repository, credentials, cancellationToken);
            using var authorized = await HeadAsync(url, authorization, cancellationToken);
            return DigestOf(authorized, registry, repository, tag);
        }
        catch (HttpRequestException exception)
        {
            throw new RegistryException($"Cannot reach the release registry {registry}: {exception.Message.TrimEnd('.')}; check --release-registry.", exception);
        }
    }

    private async Task<HttpResponseMessage> HeadAsync(Uri url, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        request.Headers.Authorization = authorization;
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<AuthenticationHeaderValue> AuthorizationAsync(
        HttpHeaderValueCollection<AuthenticationHeaderValue> challenges,
        string registry,
        string repository,
        RegistryCredentials? credentials,
        CancellationToken cancellationToken)
    {
        var basic = credentials is null
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        var bearer = challenges.FirstOrDefault(challenge => string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));
        if (bearer?.Parameter is { } parameters)
        {
            return new AuthenticationHeaderValue("Bearer", await TokenAsync(ChallengeParameters(parameters), repository, basic, registry, cancellationToken));
        }

        return basic ?? throw new RegistryException(
            $"The release registry {registry} wants credentials: log in with docker login {registry}, or pass --registry-username and --registry-password for it.");
    }

    private async Task<string> TokenAsync(
        IReadOnlyDictionary<string, string> challenge,
        string repository,
        AuthenticationHeaderValue? basic,
        string registry,
        CancellationToken cancellationToken)
    {
        if (!challenge.TryGetValue("realm", out var realm))
        {
            throw new RegistryException($"The release registry {registry} asks for a token but names no realm to get it from: check --release-registry.");
        }

        var query = new List<string> { $"scope={Uri.EscapeDataString($"repository:{repository}:pull")}" };
        if (challenge.TryGetValue("service", out var service))
        {
            query.Insert(0, $"service={Uri.EscapeDataString(service)}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}{(realm.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{string.Join('&', query)}");
        request.Headers.Authorization = basic;
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException(
                $"The release registry {registry} refused a token for {repository} ({(int)response.StatusCode}): check the credentials for it.");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var name in new[] { "token", "access_token" })
        {
            if (json.RootElement.TryGetProperty(name, out var token) && token.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        throw new RegistryException($"The release registry {registry} answered a token request without a token: check --release-registry.");
    }

    private static string? DigestOf(HttpResponseMessage response, string registry, string repository, string tag)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryException($"The release registry {registry} refused to show {repository}:{tag} ({(int)response.StatusCode}): check the credentials for it.");
        }

        if (!response.IsSuccessStatusCode || !response.Headers.TryGetValues("Docker-Content-Digest", out var digests))
        {
            throw new RegistryException(
                $"The release registry {registry} answered {(int)response.StatusCode} when asked for {repository}:{tag}: check that it is a registry v2.");
        }

        return digests.First();
    }

    // realm="https://auth.example/token",service="registry.example",scope="repository:a:pull,push"
    private static Dictionary<string, string> ChallengeParameters(string parameters) =>
        ChallengeParameterPattern().Matches(parameters)
            .GroupBy(match => match.Groups["name"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Groups["value"].Value, StringComparer.OrdinalIgnoreCase);

    private static string SchemeOf(string registry)
    {
        var host = registry.StartsWith('[') ? registry[1..registry.IndexOf(']', StringComparison.Ordinal)] : registry.Split(':')[0];
        var loopback = host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return loopback ? "http" : "https";
    }

    [GeneratedRegex("""(?<name>[A-Za-z]+)=(?:"(?<value>[^"]*)"|(?<value>[^,]*))""")]
    private static partial Regex ChallengeParameterPattern();
}
