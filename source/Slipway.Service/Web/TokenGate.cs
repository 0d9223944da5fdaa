using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Slipway.Service.Web;

/// <summary>
/// Protects the page, the API and /metrics with the service token: <c>Authorization: Bearer &lt;token&gt;</c>, or the
/// session cookie the login form sets (a value derived from the token, not the token itself). Webhooks (they carry
/// signatures), /healthz and the login page are open. Without a token everything is open (loopback only).
/// </summary>
public sealed class TokenGate(string? token)
{
    public const string CookieName = "slipway_session";

    private readonly byte[]? _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    private readonly string? _session = token is null
        ? null
        : Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "slipway-session-v1"u8));

    /// <summary>True when a token is set, so that requests are checked.</summary>
    public bool IsEnabled => _tokenHash is not null;

    /// <summary>The cookie value that proves a login.</summary>
    public string? SessionValue => _session;

    /// <summary>True when <paramref name="candidate"/> is the token; compared in constant time.</summary>
    public bool Matches(string? candidate) =>
        _tokenHash is not null && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    /// <summary>The middleware: lets the request through, or answers 401, 403 or a redirect to the login form.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (!IsEnabled || IsOpen(path))
        {
            await next(context);
            return;
        }

        if (BearerToken(context.Request) is { } bearer && Matches(bearer))
        {
            await next(context);
            return;
        }

        if (HasSession(context.Request))
        {
            // A form posted from another site never gets here: RequestOriginGuard refuses it first, token or not.
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsJsonAsync(new { error = "Send the service token as 'Authorization: Bearer <token>'." });
            return;
        }

        var target = path + context.Request.QueryString;
        context.Response.Redirect("/login?next=" + Uri.EscapeDataString(target.ToString()));
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/hooks") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/login");

    private bool HasSession(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value) && value is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), Encoding.ASCII.GetBytes(_session!));

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
