using System.Text;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// A loopback stand-in for a registry behind token authentication (Docker Hub, GHCR), as the registry v2
/// token specification describes it: a manifest HEAD without a token gets a <c>Bearer realm=...</c> challenge,
/// the realm hands out a token for the user's Basic login, and the HEAD with that token gets the digest.
/// </summary>
public sealed class TokenRegistryStub : IAsyncDisposable
{
    public const string Digest = "sha256:5f2b6d4a0f1e7c3b9a8d6e4f2a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b";
    private const string Token = "stub-token";

    private readonly string _expectedLogin;
    private readonly LoopbackHttpEndpoint _server;

    public TokenRegistryStub(string username, string password)
    {
        _expectedLogin = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _server = new LoopbackHttpEndpoint(Answer);
    }

    /// <summary>host:port.</summary>
    public string Address => _server.Address;

    /// <summary>The scopes token requests asked for, in order.</summary>
    public List<string> RequestedScopes { get; } = [];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private LoopbackResponse Answer(LoopbackRequest request)
    {
        if (request.Path == "/token")
        {
            lock (RequestedScopes)
            {
                RequestedScopes.Add(request.Query("scope") ?? string.Empty);
            }

            var authorized = request.Header("Authorization") == _expectedLogin && request.Query("service") == "stub-registry";
            return LoopbackResponse.Text(authorized ? 200 : 401, authorized ? $$"""{"token":"{{Token}}"}""" : "{}", "application/json");
        }

        if (request.Header("Authorization") != $"Bearer {Token}")
        {
            return new LoopbackResponse(
                401,
                [new("WWW-Authenticate", $"Bearer realm=\"http://{Address}/token\",service=\"stub-registry\",scope=\"repository:shop:pull,push\"")],
                []);
        }

        return request.Path == "/v2/shop/manifests/1.4.0"
            ? new LoopbackResponse(200, [new("Docker-Content-Digest", Digest)], [])
            : new LoopbackResponse(404, [], []);
    }
}
