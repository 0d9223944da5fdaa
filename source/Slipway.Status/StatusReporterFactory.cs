using Slipway.Status.Bitbucket;
using Slipway.Status.Checks;
using Slipway.Status.CommitStatuses;
using Slipway.Status.GitHub;
using Slipway.Status.Http;
using Slipway.Status.Slack;

namespace Slipway.Status;

/// <summary>Builds the reporters a run's settings ask for, behind one <see cref="CompositeStatusReporter"/>.</summary>
public static class StatusReporterFactory
{
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        // Each request has its own limit (DeliveryPolicy.RequestTimeout).
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>
    /// Slack (bot or webhook) or else the console, plus commit statuses when GitHub or Bitbucket credentials
    /// are given, and checks (GitHub check runs instead of statuses for an app token; Bitbucket Code Insights
    /// reports beside the statuses). Warnings (a reporter that failed, settings that do not fit) go to <paramref name="warn"/>
    /// with every secret of <paramref name="settings"/> scrubbed out.
    /// </summary>
    /// <exception cref="StatusReportingException">The settings contradict themselves (the message says which to fix).</exception>
    public static CompositeStatusReporter Create(
        StatusSettings settings,
        TextWriter console,
        Action<string> warn,
        HttpClient? httpClient = null,
        DeliveryPolicy? policy = null)
    {
        var scrubber = new SecretScrubber(settings.Secrets);
        var safeWarn = (string message) => warn(scrubber.Scrub(message));
        var http = httpClient ?? SharedHttpClient.Value;
        var delivery = policy ?? DeliveryPolicy.Default;

        var reporters = new List<IRunStatusReporter> { CreateSlackReporter(settings, console, safeWarn, http, delivery) };
        var publishers = CreatePublishers(settings, http, delivery);
        if (publishers.Count > 0)
        {
            reporters.Add(new CommitStatusReporter(publishers, new RepositoryResolver(settings.VcsProvider, settings.Repository)));
        }

        var checks = CheckPublishers.Create(settings, http, delivery, BitbucketAuthorization);
        if (checks.Count > 0)
        {
            reporters.Add(new CheckReporter(checks, new RepositoryResolver(settings.VcsProvider, settings.Repository)));
        }

        return new CompositeStatusReporter(reporters, safeWarn);
    }

    private static IRunStatusReporter CreateSlackReporter(
        StatusSettings settings,
        TextWriter console,
        Action<string> warn,
        HttpClient http,
        DeliveryPolicy delivery)
    {
        if (settings.SlackBotToken is not null)
        {
            if (string.IsNullOrWhiteSpace(settings.SlackChannel))
            {
                throw new StatusReportingException("SLACK_CHANNEL is not set: name the channel (ID or #name) the Slack bot posts to.");
            }

            var api = new SlackWebApi(http, delivery, settings.SlackBotToken, settings.SlackApiBaseUrl ?? SlackWebApi.DefaultApiBaseUrl);
            return new SlackStatusReporter(api, settings.SlackChannel);
        }

        if (settings.SlackWebhookUrl is not null)
        {
            if (!Uri.TryCreate(settings.SlackWebhookUrl, UriKind.Absolute, out var webhookUrl) || webhookUrl.Scheme is not ("https" or "http"))
            {
                throw new StatusReportingException(
                    "SLACK_WEBHOOK_URL is not an http(s) URL: copy it from the Slack app's Incoming Webhooks page.");
            }

            return new SlackWebhookStatusReporter(http, delivery, webhookUrl);
        }

        if (!string.IsNullOrWhiteSpace(settings.SlackChannel))
        {
            warn("SLACK_CHANNEL is set but SLACK_BOT_TOKEN is not, so run status goes to the console only.");
        }

        return new ConsoleStatusReporter(console);
    }

    private static Dictionary<VcsProvider, ICommitStatusPublisher> CreatePublishers(
        StatusSettings settings,
        HttpClient http,
        DeliveryPolicy delivery)
    {
        var publishers = new Dictionary<VcsProvider, ICommitStatusPublisher>();
        if (settings.GitHubToken is not null && !settings.UsesGitHubChecks)
        {
            publishers[VcsProvider.GitHub] = new GitHubCommitStatusPublisher(
                http, delivery, settings.GitHubToken, settings.GitHubApiBaseUrl ?? GitHubCommitStatusPublisher.DefaultApiBaseUrl);
        }

        if (BitbucketAuthorization(settings) is { } authorization)
        {
            publishers[VcsProvider.Bitbucket] = new BitbucketCommitStatusPublisher(
                http, delivery, authorization, settings.BitbucketApiBaseUrl ?? BitbucketCommitStatusPublisher.DefaultApiBaseUrl);
        }

        return publishers;
    }

    internal static System.Net.Http.Headers.AuthenticationHeaderValue? BitbucketAuthorization(StatusSettings settings)
    {
        if (settings.BitbucketAccessToken is null && settings.BitbucketUsername is null && settings.BitbucketAppPassword is null)
        {
            return null;
        }

        return settings.BitbucketAccessToken is not null
            ? BitbucketCommitStatusPublisher.BearerAuthorization(settings.BitbucketAccessToken)
            : BitbucketCommitStatusPublisher.BasicAuthorization(
                settings.BitbucketUsername ?? throw new StatusReportingException(
                    "BITBUCKET_USERNAME is not set: Bitbucket app passwords need the username they belong to."),
                settings.BitbucketAppPassword ?? throw new StatusReportingException(
                    "BITBUCKET_APP_PASSWORD is not set: give an app password with repository write access, or BITBUCKET_ACCESS_TOKEN."));
    }
}
