using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Status.CommitStatuses;
using Slipway.Status.Http;

namespace Slipway.Status.Bitbucket;

/// <summary>
/// Posts build statuses with Bitbucket Cloud's API
/// (<c>POST /2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build</c>).
/// </summary>
internal sealed class BitbucketCommitStatusPublisher(
    HttpClient httpClient,
    DeliveryPolicy policy,
    AuthenticationHeaderValue authorization,
    Uri apiBaseUrl) : ICommitStatusPublisher
{
    /// <summary>Bitbucket Cloud's API host.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.bitbucket.org/");

    private readonly RetryingRequestSender sender = new(httpClient, policy, "Bitbucket");

    public VcsProvider Provider => VcsProvider.Bitbucket;

    /// <summary>Basic authentication with a username and an app password.</summary>
    public static AuthenticationHeaderValue BasicAuthorization(string username, string appPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{appPassword}")));

    /// <summary>A repository, project or workspace access token.</summary>
    public static AuthenticationHeaderValue BearerAuthorization(string accessToken) => new("Bearer", accessToken);

    public async Task PublishAsync(
        RepositoryCoordinates repository,
        string commitSha,
        CommitStatus status,
        CancellationToken cancellationToken)
    {
        var url = new Uri($"{BitbucketRequests.CommitUrl(apiBaseUrl, repository, commitSha)}/statuses/build");

        // Bitbucket requires a link on every status: the stage's page, else the repository itself.
        var body = new JsonObject
        {
            ["key"] = status.Context,
            ["state"] = StateOf(status.State),
            ["name"] = $"Slipway {status.StageName}",
            ["url"] = (status.TargetUrl ?? repository.WebUrl).AbsoluteUri,
            ["description"] = status.Description,
        };
        if (status.Branch is not null)
        {
            // The branch the commit was built from, as Bitbucket's API documents the field.
            body["refname"] = status.Branch;
        }

        var json = body.ToJsonString();
        var (code, answer) = await sender.SendAsync(
            () => BitbucketRequests.Create(HttpMethod.Post, url, json, authorization),
            $"the {status.Context} status",
            cancellationToken);
        if ((int)code is >= 200 and < 300)
        {
            return;
        }

        throw new StatusReportingException(
            $"Bitbucket refused the {status.Context} status on {repository} (HTTP {(int)code}{BitbucketRequests.MessageOf(answer)}): {Hint((int)code, repository)}");
    }

    /// <summary>A skipped stage counts as passed, as it does on GitHub.</summary>
    public static string StateOf(StageState state) => state switch
    {
        StageState.Pending or StageState.Running => "INPROGRESS",
        StageState.Succeeded or StageState.Skipped => "SUCCESSFUL",
        StageState.Failed => "FAILED",
        _ => "STOPPED",
    };

    private static string Hint(int code, RepositoryCoordinates repository) => code switch
    {
        401 => "check BitbucketUsername and BitbucketAppPassword, or BitbucketAccessToken.",
        403 or 404 => $"check that the credentials may write to {repository.Owner}/{repository.Name} (repository:write).",
        _ => "the status was not posted.",
    };
}
