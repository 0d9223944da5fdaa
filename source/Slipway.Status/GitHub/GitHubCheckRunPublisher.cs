using System.Text.Json.Nodes;
using Slipway.Status.Checks;
using Slipway.Status.Http;

namespace Slipway.Status.GitHub;

/// <summary>
/// Posts a stage as a GitHub check run (<c>POST /repos/{owner}/{repo}/check-runs</c>, then
/// <c>PATCH .../check-runs/{id}</c>). GitHub takes at most 50 annotations a request and appends those of each
/// update, so a final check's annotations go 50 at a time. Only GitHub App tokens (installation tokens, which
/// Actions' GITHUB_TOKEN is too) may write check runs.
/// </summary>
internal sealed class GitHubCheckRunPublisher(
    HttpClient httpClient,
    DeliveryPolicy policy,
    string token,
    Uri apiBaseUrl) : ICheckPublisher
{
    /// <summary>GitHub's limit of annotations in one request.</summary>
    public const int AnnotationsPerRequest = 50;

    private readonly RetryingRequestSender sender = new(httpClient, policy, "GitHub");

    public VcsProvider Provider => VcsProvider.GitHub;

    public async Task<string> PublishAsync(
        RepositoryCoordinates repository, string commitSha, StageCheck check, string? checkId, CancellationToken cancellationToken)
    {
        var batches = check.Annotations.Chunk(AnnotationsPerRequest).ToList();
        var body = new JsonObject
        {
            ["status"] = check.Completed ? "completed" : check.State == StageState.Pending ? "queued" : "in_progress",
            ["output"] = Output(check, batches.FirstOrDefault() ?? []),
        };
        if (check.DetailsUrl is { } details && details.Scheme is "http" or "https")
        {
            body["details_url"] = details.AbsoluteUri;
        }

        if (check.Completed)
        {
            body["conclusion"] = ConclusionOf(check.State);
        }

        var checks = $"{GitHubRequests.RepositoryUrl(apiBaseUrl, repository)}/check-runs";
        if (checkId is null)
        {
            body["name"] = check.Name;
            body["head_sha"] = commitSha;
            var created = await SendAsync(HttpMethod.Post, new Uri(checks), body, check, repository, cancellationToken);
            checkId = created?["id"]?.ToString() ?? throw new StatusReportingException(
                $"GitHub created the {check.Name} check run on {repository} but did not say its id, so it cannot be updated.");
        }
        else
        {
            await SendAsync(HttpMethod.Patch, new Uri($"{checks}/{Uri.EscapeDataString(checkId)}"), body, check, repository, cancellationToken);
        }

        foreach (var batch in batches.Skip(1))
        {
            var more = new JsonObject { ["output"] = Output(check, batch) };
            await SendAsync(HttpMethod.Patch, new Uri($"{checks}/{Uri.EscapeDataString(checkId)}"), more, check, repository, cancellationToken);
        }

        return checkId;
    }

    /// <summary>GitHub's conclusions: a stage that failed is a failure, one that was stopped is cancelled.</summary>
    public static string ConclusionOf(StageState state) => state switch
    {
        StageState.Succeeded => "success",
        StageState.Failed => "failure",
        StageState.Skipped => "skipped",
        _ => "cancelled",
    };

    private static JsonObject Output(StageCheck check, IReadOnlyList<CheckAnnotation> annotations)
    {
        var output = new JsonObject { ["title"] = check.Title, ["summary"] = check.Summary };
        if (annotations.Count > 0)
        {
            output["annotations"] = new JsonArray(annotations.Select(annotation => (JsonNode)new JsonObject
            {
                ["path"] = annotation.Path,
                ["start_line"] = annotation.Line,
                ["end_line"] = annotation.Line,
                ["annotation_level"] = annotation.Level,
                ["title"] = Cut(annotation.Title, 255),
                ["message"] = Cut(annotation.Message, 4000),
            }).ToArray());
        }

        return output;
    }

    private async Task<JsonNode?> SendAsync(
        HttpMethod method, Uri url, JsonObject body, StageCheck check, RepositoryCoordinates repository, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var (code, answer) = await sender.SendAsync(
            () => GitHubRequests.Create(method, url, json, token), $"the {check.Name} check run", cancellationToken);
        if ((int)code is >= 200 and < 300)
        {
            return JsonNode.Parse(answer.Length == 0 ? "{}" : answer);
        }

        throw new StatusReportingException(
            $"GitHub refused the {check.Name} check run on {repository} (HTTP {(int)code}{GitHubRequests.MessageOf(answer)}): {Hint((int)code, repository)}");
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    private static string Hint(int code, RepositoryCoordinates repository) => code switch
    {
        401 => "check that GITHUB_TOKEN holds a valid token.",
        403 => $"check runs need a GitHub App installation token with checks:write on {repository.Owner}/{repository.Name}; " +
            "set SLIPWAY_GITHUB_CHECKS=false to post commit statuses with a personal token instead.",
        404 => $"check that the token may see {repository.Owner}/{repository.Name}.",
        422 => "the commit may not exist in that repository, or an annotation's file is not in it.",
        _ => "the check run was not posted.",
    };
}
