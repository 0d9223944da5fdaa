using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// Bitbucket Cloud's "create a build status for a commit"
/// (POST /2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build) as documented: Basic
/// (username and app password) or Bearer (access token) authentication, JSON with a "key", a "state" of
/// INPROGRESS|SUCCESSFUL|FAILED|STOPPED and a "url", all required (400 otherwise); a status with an
/// existing key is overwritten; 201 with the status.
/// </summary>
public sealed partial class FakeBitbucketApi : IAsyncDisposable
{
    private readonly string acceptedAuthorization;
    private readonly HashSet<string> repositories;
    private readonly List<PostedCommitStatus> statuses = [];
    private readonly Lock gate = new();

    private FakeBitbucketApi(string acceptedAuthorization, IEnumerable<string> repositories)
    {
        this.acceptedAuthorization = acceptedAuthorization;
        this.repositories = repositories.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Server = new LoopbackHttpServer(Handle);
    }

    public LoopbackHttpServer Server { get; }

    public Uri ApiBaseUrl => Server.BaseUrl;

    public IReadOnlyList<PostedCommitStatus> Statuses
    {
        get
        {
            lock (gate)
            {
                return statuses.ToList();
            }
        }
    }

    public static FakeBitbucketApi WithAppPassword(string username, string appPassword, params string[] repositories) =>
        new($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{appPassword}"))}", repositories);

    public static FakeBitbucketApi WithAccessToken(string accessToken, params string[] repositories) =>
        new($"Bearer {accessToken}", repositories);

    /// <summary>What Bitbucket shows on the commit: the status of each key (a repost overwrites).</summary>
    public IReadOnlyDictionary<string, PostedCommitStatus> LatestByKey(string sha) =>
        Statuses.Where(status => status.Sha == sha)
            .GroupBy(status => status.Context)
            .ToDictionary(group => group.Key, group => group.Last());

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private HttpAnswer Handle(RecordedRequest request)
    {
        if (ReportPath().IsMatch(request.Path))
        {
            return HandleReport(request);
        }

        var match = StatusPath().Match(request.Path);
        if (request.Method != "POST" || !match.Success)
        {
            return Error(404, "Resource not found");
        }

        if (request.Header("Authorization") != acceptedAuthorization)
        {
            return Error(401, "Unauthorized");
        }

        var repository = $"{match.Groups["workspace"].Value}/{match.Groups["slug"].Value}";
        if (!repositories.Contains(repository))
        {
            return Error(404, $"Repository {repository} not found");
        }

        if (request.Json is not { } body)
        {
            return Error(400, "Bad request");
        }

        var key = Text(body["key"]);
        var state = Text(body["state"]);
        var url = Text(body["url"]);
        if (string.IsNullOrEmpty(key))
        {
            return Error(400, "key: This field is required.");
        }

        if (state is not ("INPROGRESS" or "SUCCESSFUL" or "FAILED" or "STOPPED"))
        {
            return Error(400, $"state: '{state}' is not a valid choice.");
        }

        if (string.IsNullOrEmpty(url) || !Uri.IsWellFormedUriString(url, UriKind.Absolute))
        {
            return Error(400, "url: This field is required.");
        }

        var posted = new PostedCommitStatus(repository, match.Groups["commit"].Value, key, state, Text(body["description"]), url, Text(body["refname"]));
        lock (gate)
        {
            statuses.Add(posted);
        }

        return HttpAnswer.Json(201, new JsonObject
        {
            ["type"] = "build",
            ["key"] = key,
            ["state"] = state,
            ["name"] = Text(body["name"]),
            ["url"] = url,
            ["description"] = posted.Description,
            ["refname"] = posted.RefName,
        });
    }

    private static HttpAnswer Error(int status, string message) => HttpAnswer.Json(status, new JsonObject
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["message"] = message },
    });

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    [GeneratedRegex("^/2.0/repositories/(?<workspace>[^/]+)/(?<slug>[^/]+)/commit/(?<commit>[0-9a-f]+)/statuses/build/?$")]
    private static partial Regex StatusPath();
}
