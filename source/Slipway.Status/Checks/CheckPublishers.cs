using System.Net.Http.Headers;
using Slipway.Status.Bitbucket;
using Slipway.Status.GitHub;
using Slipway.Status.Http;

namespace Slipway.Status.Checks;

/// <summary>
/// Which providers get checks: GitHub check runs when the token may write them (<see cref="StatusSettings.UsesGitHubChecks"/>;
/// the commit statuses then stay away from GitHub), Bitbucket Code Insights reports whenever Bitbucket credentials
/// are given (beside its build statuses, which merge checks read).
/// </summary>
internal static class CheckPublishers
{
    public static Dictionary<VcsProvider, ICheckPublisher> Create(
        StatusSettings settings,
        HttpClient http,
        DeliveryPolicy delivery,
        Func<StatusSettings, AuthenticationHeaderValue?> bitbucketAuthorization)
    {
        var publishers = new Dictionary<VcsProvider, ICheckPublisher>();
        if (settings.UsesGitHubChecks)
        {
            publishers[VcsProvider.GitHub] = new GitHubCheckRunPublisher(
                http, delivery, settings.GitHubToken!, settings.GitHubApiBaseUrl ?? GitHubCommitStatusPublisher.DefaultApiBaseUrl);
        }

        if (bitbucketAuthorization(settings) is { } authorization)
        {
            publishers[VcsProvider.Bitbucket] = new BitbucketCodeInsightsPublisher(
                http, delivery, authorization, settings.BitbucketApiBaseUrl ?? BitbucketCommitStatusPublisher.DefaultApiBaseUrl);
        }

        return publishers;
    }
}
