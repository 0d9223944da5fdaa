using System.Net;
using Microsoft.AspNetCore.Http;

namespace Slipway.Service.Web;

/// <summary>
/// Checks every request, token or not, before anything else: the Host header must be a name this service answers
/// to (so a page whose DNS name was re-pointed at this machine cannot read the API), and a request that changes
/// something must come from this service's own pages (so another site open in the QA person's browser cannot post
/// <c>pipeline=Approved</c> to it). Webhooks are checked by their signatures instead and /healthz reveals nothing,
/// so both stay reachable by any name (a load balancer's probe, a proxy that rewrites Host).
/// </summary>
public sealed class RequestOriginGuard
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1"];
    private readonly HashSet<string> _hosts;

    /// <param name="hosts">The names the service answers to besides the loopback ones (the ServiceHosts parameter).</param>
    /// <param name="listen">Where the service listens: a specific address is answered to as well.</param>
    public RequestOriginGuard(IEnumerable<string> hosts, IPAddress? listen = null)
    {
        _hosts = new HashSet<string>(LoopbackNames, StringComparer.OrdinalIgnoreCase);
        foreach (var host in hosts)
        {
            _hosts.Add(host.Trim().Trim('[', ']'));
        }

        if (listen is not null && !listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any))
        {
            _hosts.Add(listen.ToString());
        }
    }

    /// <summary>The middleware: lets the request through, or answers 400 (unknown host) or 403 (another site's form).</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/hooks") || request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }

        if (!AnswersTo(request.Host))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest,
                $"This service does not answer to the host name '{Printable(request.Host.Host)}'; add it to ServiceHosts (--service-hosts) if it is this service's name.");
            return;
        }

        if (ChangesState(request.Method) && !FromThisSite(request))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden,
                "This request was sent from another site's page; start runs and change playgrounds from this service's own pages or with the API.");
            return;
        }

        await next(context);
    }

    private bool AnswersTo(HostString host) => host.HasValue && _hosts.Contains(host.Host.Trim('[', ']'));

    private static bool ChangesState(string method) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) && !HttpMethods.IsTrace(method);

    /// <summary>
    /// Browsers send Origin with every cross-site POST (<c>null</c> when the page hides where it is from), so a
    /// request with neither Origin nor Referer comes from a script or curl, which no other site can make a browser send.
    /// </summary>
    private static bool FromThisSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return SameAuthority(origin, request.Host);
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length == 0 || SameAuthority(referer, request.Host);
    }

    private static bool SameAuthority(string address, HostString host) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase);

    private static string Printable(string text) =>
        new(text.Take(100).Select(character => char.IsControl(character) ? '?' : character).ToArray());

    private static async Task RefuseAsync(HttpContext context, int status, string sentence)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(sentence + "\n");
    }
}
