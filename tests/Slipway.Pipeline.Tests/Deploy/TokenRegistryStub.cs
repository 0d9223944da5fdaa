using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// A loopback stand-in for a registry behind token authentication (Docker Hub, GHCR), as the registry v2
/// token specification describes it: a manifest HEAD without a token gets a <c>Bearer realm=...</c> challenge,
/// the realm hands out a token for the user's Basic login, and the HEAD with that token gets the digest.
/// </summary>
public sealed class TokenRegistryStub : IDisposable
{
    public const string Digest = "sha256:5f2b6d4a0f1e7c3b9a8d6e4f2a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b";
    private const string Token = "stub-token";

    private readonly HttpListener _listener = new();
    private readonly string _expectedLogin;
    private readonly Task _serving;

    public TokenRegistryStub(string username, string password)
    {
        var port = FreePort();
        Address = $"127.0.0.1:{port}";
        _expectedLogin = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _listener.Prefixes.Add($"http://{Address}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>host:port.</summary>
    public string Address { get; }

    /// <summary>The scopes token requests asked for, in order.</summary>
    public List<string> RequestedScopes { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        if (path == "/token")
        {
            RequestedScopes.Add(request.QueryString["scope"] ?? string.Empty);
            var authorized = request.Headers["Authorization"] == _expectedLogin && request.QueryString["service"] == "stub-registry";
            response.StatusCode = authorized ? 200 : 401;
            var body = Encoding.UTF8.GetBytes(authorized ? $$"""{"token":"{{Token}}"}""" : "{}");
            response.ContentType = "application/json";
            response.OutputStream.Write(body);
        }
        else if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            response.StatusCode = 401;
            response.AddHeader(
                "WWW-Authenticate",
                $"Bearer realm=\"http://{Address}/token\",service=\"stub-registry\",scope=\"repository:shop:pull,push\"");
        }
        else if (path == "/v2/shop/manifests/1.4.0")
        {
            response.StatusCode = 200;
            response.AddHeader("Docker-Content-Digest", Digest);
        }
        else
        {
            response.StatusCode = 404;
        }

        response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
