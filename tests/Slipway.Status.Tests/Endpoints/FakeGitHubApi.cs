using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// GitHub's "create a commit status" (POST /repos/{owner}/{repo}/statuses/{sha}) as documented: a token in
/// Authorization (401 "Bad credentials"), a User-Agent (403 without), API version 2022-11-28 (400
/// otherwise), state one of error|failure|pending|success and a description of up to 140 characters (422
/// "Validation Failed"), context defaulting to "default"; 201 with the status created.
/// </summary>
public sealed partial class FakeGitHubApi : IAsyncDisposable
{
    private readonly string acceptedToken;
    private readonly string pathPrefix;
    private readonly HashSet<string> repositories;
    private readonly List<PostedCommitStatus> statuses = [];
    private readonly Lock gate = new();

    /// <param name="pathPrefix">"" for api.github.com, "/api/v3" for GitHub Enterprise Server.</param>
    public FakeGitHubApi(string acceptedToken, IEnumerable<string> repositories, string pathPrefix = "")
    {
        this.acceptedToken = acceptedToken;
        this.pathPrefix = pathPrefix;
        this.repositories = repositories.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Server = new LoopbackHttpServer(Handle);
    }

    public LoopbackHttpServer Server { get; }

    public Uri ApiBaseUrl => new(Server.BaseUrl, pathPrefix.TrimStart('/'));

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

    /// <summary>What GitHub shows on the commit: the latest status of each context.</summary>
    public IReadOnlyDictionary<string, PostedCommitStatus> LatestByContext(string sha) =>
        Statuses.Where(status => status.Sha == sha)
            .GroupBy(status => status.Context, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last());

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private HttpAnswer Handle(RecordedRequest request)
    {
        var path = request.Path.StartsWith(pathPrefix, StringComparison.Ordinal) ? request.Path[pathPrefix.Length..] : "";
        if (CheckRunsPath().IsMatch(path))
        {
            return HandleCheckRun(request, path);
        }

        var match = StatusPath().Match(path);
        if (request.Method != "POST" || !match.Success)
        {
            return Message(404, "Not Found");
        }

        if (string.IsNullOrEmpty(request.Header("User-Agent")))
        {
            return Message(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header");
        }

        if (request.Header("Authorization") is not { } authorization ||
            (authorization != $"Bearer {acceptedToken}" && authorization != $"token {acceptedToken}"))
        {
            return Message(401, "Bad credentials");
        }

        if (request.Header("X-GitHub-Api-Version") is { } version && version != "2022-11-28")
        {
            return Message(400, $"API version {version} is not supported.");
        }

        if (request.Header("Accept") is not { } accept || !accept.Contains("application/vnd.github+json", StringComparison.Ordinal))
        {
            return Message(415, "Unsupported 'Accept' header");
        }

        var repository = $"{match.Groups["owner"].Value}/{match.Groups["repo"].Value}";
        if (!repositories.Contains(repository))
        {
            return Message(404, "Not Found");
        }

        if (request.Json is not { } body)
        {
            return Message(400, "Problems parsing JSON");
        }

        var state = Text(body["state"]);
        var description = Text(body["description"]);
        if (state is not ("error" or "failure" or "pending" or "success"))
        {
            return Invalid("state", "invalid");
        }

        if (description is { Length: > 140 })
        {
            return Invalid("description", "description is too long (maximum is 140 characters)");
        }

        var posted = new PostedCommitStatus(
            repository,
            match.Groups["sha"].Value,
            Text(body["context"]) ?? "default",
            state,
            description,
            Text(body["target_url"]));
        lock (gate)
        {
            statuses.Add(posted);
        }

        return HttpAnswer.Json(201, new JsonObject
        {
            ["id"] = statuses.Count,
            ["state"] = posted.State,
            ["description"] = posted.Description,
            ["target_url"] = posted.TargetUrl,
            ["context"] = posted.Context,
        });
    }

    private static HttpAnswer Message(int status, string message) =>
        HttpAnswer.Json(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" });

    private static HttpAnswer Invalid(string field, string code) => HttpAnswer.Json(422, new JsonObject
    {
        ["message"] = "Validation Failed",
        ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Status", ["field"] = field, ["code"] = code }),
    });

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/statuses/(?<sha>[0-9a-f]{40})$")]
    private static partial Regex StatusPath();
}
