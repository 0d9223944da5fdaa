using System.Text.Json.Nodes;
using Slipway.Status.CommitStatuses;
using Slipway.Status.Http;

namespace Slipway.Status.GitHub;

/// <summary>
/// Posts commit statuses with GitHub's REST API (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>), on
/// github.com or on GitHub Enterprise Server (base URL ending in /api/v3).
/// </summary>
internal sealed class GitHubCommitStatusPublisher(
    HttpClient httpClient,
    DeliveryPolicy policy,
    string token,
    Uri apiBaseUrl) : ICommitStatusPublisher
{
    /// <summary>The public API; GitHub Enterprise Server answers under https://HOST/api/v3.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.github.com/");

    private readonly RetryingRequestSender sender = new(httpClient, policy, "GitHub");

    public VcsProvider Provider => VcsProvider.GitHub;

    public async Task PublishAsync(
        RepositoryCoordinates repository,
        string commitSha,
        CommitStatus status,
        CancellationToken cancellationToken)
    {
        var url = new Uri($"{GitHubRequests.RepositoryUrl(apiBaseUrl, repository)}/statuses/{Uri.EscapeDataString(commitSha)}");
        var body = new JsonObject
        {
            ["state"] = StateOf(status.State),
            ["description"] = status.Description,
            ["context"] = status.Context,
        };
        if (status.TargetUrl is not null)
        {
            body["target_url"] = status.TargetUrl.AbsoluteUri;
        }

        var json = body.ToJsonString();
        var (code, answer) = await sender.SendAsync(
            () => GitHubRequests.Create(HttpMethod.Post, url, json, token),
            $"the {status.Context} status",
            cancellationToken);
        if ((int)code is >= 200 and < 300)
        {
            return;
        }

        throw new StatusReportingException(
            $"GitHub refused the {status.Context} status on {repository} (HTTP {(int)code}{GitHubRequests.MessageOf(answer)}): {Hint((int)code, repository)}");
    }

    /// <summary>GitHub has no "cancelled" state: a stopped stage is an error, a skipped one counts as passed.</summary>
    public static string StateOf(StageState state) => state switch
    {
        StageState.Pending or StageState.Running => "pending",
        StageState.Succeeded or StageState.Skipped => "success",
        StageState.Failed => "failure",
        _ => "error",
    };

    private static string Hint(int code, RepositoryCoordinates repository) => code switch
    {
        401 => "check that GITHUB_TOKEN holds a valid token.",
        403 or 404 => $"check that the token may write commit statuses to {repository.Owner}/{repository.Name}.",
        422 => "the commit may not exist in that repository.",
        _ => "the status was not posted.",
    };
}
