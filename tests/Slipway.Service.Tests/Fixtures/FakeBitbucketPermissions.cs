using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.TestSupport;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>
/// Bitbucket Cloud's "list a repository's permissions for a workspace"
/// (<c>GET /2.0/workspaces/{workspace}/permissions/repositories/{repo_slug}?q=user.uuid="{uuid}"</c>) on 127.0.0.1, as
/// documented: the access token is required (401 with Bitbucket's error body otherwise), the <c>q</c> filter is
/// applied, and the answer is a page of <c>values</c> (one per page, so <c>next</c> is followed) with <c>next</c>
/// while more remain. Or, scripted, a failure for every request.
/// </summary>
public sealed partial class FakeBitbucketPermissions : IAsyncDisposable
{
    private readonly string _token;
    private readonly List<(string Repository, string Uuid, string Permission)> _grants = [];
    private readonly List<string> _requests = [];
    private readonly LoopbackHttpEndpoint _server;

    public FakeBitbucketPermissions(string token)
    {
        _token = token;
        _server = new LoopbackHttpEndpoint(ServeAsync);
    }

    public Uri BaseUrl => _server.Url;

    /// <summary>When set, every request is answered with this status and a Bitbucket error body.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, requests are taken and never answered, like a Bitbucket that hangs.</summary>
    public bool Stalls { get; set; }

    /// <summary>The path and query of every request that carried the token.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Gives the account a permission (read, write, admin) on the repository; several grants give several entries.</summary>
    public FakeBitbucketPermissions Grant(string repository, string uuid, string permission)
    {
        lock (_grants)
        {
            _grants.Add((repository, uuid, permission));
        }

        return this;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<LoopbackResponse> ServeAsync(LoopbackRequest request, CancellationToken stopping)
    {
        if (Stalls)
        {
            // Taken and never answered, until the server stops.
            await Task.Delay(Timeout.Infinite, stopping);
        }

        var (status, body) = Answer(request);
        return LoopbackResponse.Text((int)status, body, "application/json");
    }

    private (HttpStatusCode, string) Answer(LoopbackRequest request)
    {
        if (request.Header("Authorization") != $"Bearer {_token}")
        {
            return (HttpStatusCode.Unauthorized, Error("Access token expired or invalid."));
        }

        lock (_requests)
        {
            _requests.Add(request.Target);
        }

        if (FailWith is { } failure)
        {
            return (failure, Error("Something went wrong."));
        }

        var path = PathPattern().Match(request.Path);
        if (request.Method != "GET" || !path.Success)
        {
            return (HttpStatusCode.NotFound, Error("Resource not found"));
        }

        var repository = $"{path.Groups[1].Value}/{path.Groups[2].Value}";
        var wanted = QueryPattern().Match(request.Query("q") ?? "") is { Success: true } query ? query.Groups[1].Value : null;
        List<(string Repository, string Uuid, string Permission)> matching;
        lock (_grants)
        {
            matching = _grants.Where(grant => grant.Repository == repository && (wanted is null || grant.Uuid == wanted)).ToList();
        }

        var page = int.TryParse(request.Query("page"), out var number) ? number : 1;
        var values = matching.Skip(page - 1).Take(1).Select(grant => new
        {
            type = "repository_permission",
            permission = grant.Permission,
            user = new { type = "user", uuid = grant.Uuid, display_name = "someone" },
            repository = new { type = "repository", full_name = grant.Repository },
        });
        var next = page < matching.Count
            ? new Uri(BaseUrl, $"{request.Path}?q={Uri.EscapeDataString(request.Query("q") ?? "")}&page={page + 1}").AbsoluteUri
            : null;
        return (HttpStatusCode.OK, JsonSerializer.Serialize(new { pagelen = 1, page, values, next }));
    }

    private static string Error(string message) => JsonSerializer.Serialize(new { type = "error", error = new { message } });

    [GeneratedRegex("^/2\\.0/workspaces/([^/]+)/permissions/repositories/([^/]+)$")]
    private static partial Regex PathPattern();

    [GeneratedRegex("^user\\.uuid=\"([^\"]+)\"$")]
    private static partial Regex QueryPattern();
}
