namespace Slipway.Status;

/// <summary>
/// Where run status goes. Slack: a bot token and a channel (one message per run, updated), or an incoming
/// webhook URL (one message when the run ends), or neither (the console). Commit statuses: a GitHub token
/// and/or Bitbucket credentials. Tokens, passwords and the webhook URL are secrets: <see cref="ToString"/>
/// only says whether they are set.
/// </summary>
public sealed class StatusSettings
{
    /// <summary>Slack bot token (xoxb-...), secret; environment SLACK_BOT_TOKEN.</summary>
    public string? SlackBotToken { get; init; }

    /// <summary>Channel ID or #name the bot posts to; environment SLACK_CHANNEL.</summary>
    public string? SlackChannel { get; init; }

    /// <summary>Slack incoming-webhook URL, secret; environment SLACK_WEBHOOK_URL.</summary>
    public string? SlackWebhookUrl { get; init; }

    /// <summary>GitHub token with commit status write access, secret; environment GITHUB_TOKEN.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>
    /// Whether GitHub gets check runs (true) or commit statuses (false); environment SLIPWAY_GITHUB_CHECKS. Unset: check
    /// runs when <see cref="GitHubToken"/> is a GitHub App installation token (<c>ghs_</c>, as Actions' GITHUB_TOKEN
    /// is), since GitHub lets only apps write check runs; commit statuses for any other token.
    /// </summary>
    public bool? GitHubChecks { get; init; }

    /// <summary>True when GitHub gets check runs instead of commit statuses (see <see cref="GitHubChecks"/>).</summary>
    public bool UsesGitHubChecks => GitHubToken is not null && (GitHubChecks ?? GitHubToken.StartsWith("ghs_", StringComparison.Ordinal));

    /// <summary>Bitbucket username for app-password authentication; environment BITBUCKET_USERNAME.</summary>
    public string? BitbucketUsername { get; init; }

    /// <summary>Bitbucket app password, secret; environment BITBUCKET_APP_PASSWORD.</summary>
    public string? BitbucketAppPassword { get; init; }

    /// <summary>Bitbucket repository, project or workspace access token, secret; environment BITBUCKET_ACCESS_TOKEN.</summary>
    public string? BitbucketAccessToken { get; init; }

    /// <summary>The provider, when the remote's host does not tell (GitHub Enterprise); environment SLIPWAY_VCS_PROVIDER.</summary>
    public VcsProvider? VcsProvider { get; init; }

    /// <summary>"owner/name" or "workspace/slug", when the statuses go elsewhere than the app's remote; environment SLIPWAY_REPOSITORY.</summary>
    public string? Repository { get; init; }

    /// <summary>Slack Web API root; default https://slack.com/api/.</summary>
    public Uri? SlackApiBaseUrl { get; init; }

    /// <summary>GitHub API root; default https://api.github.com/, https://HOST/api/v3 for GitHub Enterprise Server; environment GITHUB_API_URL.</summary>
    public Uri? GitHubApiBaseUrl { get; init; }

    /// <summary>Bitbucket API root; default https://api.bitbucket.org/.</summary>
    public Uri? BitbucketApiBaseUrl { get; init; }

    /// <summary>Every secret value that is set, so that output can be checked or scrubbed for them.</summary>
    public IReadOnlyList<string> Secrets =>
        new[] { SlackBotToken, SlackWebhookUrl, GitHubToken, BitbucketAppPassword, BitbucketAccessToken }
            .Where(secret => !string.IsNullOrEmpty(secret))
            .Select(secret => secret!)
            .ToList();

    /// <summary>
    /// Reads the settings from environment variables (names on each property); SLACK_API_URL,
    /// GITHUB_API_URL and BITBUCKET_API_URL point the clients at another API root (GitHub Enterprise,
    /// a proxy, a test endpoint).
    /// </summary>
    public static StatusSettings FromEnvironment(Func<string, string?> read)
    {
        var provider = read("SLIPWAY_VCS_PROVIDER");
        return new StatusSettings
        {
            SlackBotToken = Blank(read("SLACK_BOT_TOKEN")),
            SlackChannel = Blank(read("SLACK_CHANNEL")),
            SlackWebhookUrl = Blank(read("SLACK_WEBHOOK_URL")),
            GitHubToken = Blank(read("GITHUB_TOKEN")),
            GitHubChecks = Blank(read("SLIPWAY_GITHUB_CHECKS")) is not { } checks ? null
                : bool.TryParse(checks, out var useChecks) ? useChecks
                : throw new StatusReportingException($"SLIPWAY_GITHUB_CHECKS is '{checks}'; set it to true (check runs) or false (commit statuses)."),
            BitbucketUsername = Blank(read("BITBUCKET_USERNAME")),
            BitbucketAppPassword = Blank(read("BITBUCKET_APP_PASSWORD")),
            BitbucketAccessToken = Blank(read("BITBUCKET_ACCESS_TOKEN")),
            VcsProvider = string.IsNullOrWhiteSpace(provider)
                ? null
                : Enum.TryParse<VcsProvider>(provider, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new StatusReportingException(
                        $"SLIPWAY_VCS_PROVIDER is '{provider}'; set it to GitHub or Bitbucket."),
            Repository = Blank(read("SLIPWAY_REPOSITORY")),
            SlackApiBaseUrl = ApiUrl(read, "SLACK_API_URL", "https://slack.com/api/"),
            GitHubApiBaseUrl = ApiUrl(read, "GITHUB_API_URL", "https://api.github.com"),
            BitbucketApiBaseUrl = ApiUrl(read, "BITBUCKET_API_URL", "https://api.bitbucket.org"),
        };
    }

    /// <summary>The settings with each secret shown only as set or not set.</summary>
    public override string ToString()
    {
        var slack = SlackBotToken is not null
            ? $"Slack bot token (set) to {SlackChannel ?? "(no channel)"}"
            : SlackWebhookUrl is not null ? "Slack webhook (set)" : "Slack not set, console";
        var gitHub = GitHubToken is null ? "GitHub not set"
            : UsesGitHubChecks ? "GitHub token (set), check runs" : "GitHub token (set), commit statuses";
        var bitbucket = BitbucketAccessToken is not null
            ? "Bitbucket access token (set)"
            : BitbucketAppPassword is not null ? $"Bitbucket app password (set) for {BitbucketUsername}" : "Bitbucket not set";
        var repository = Repository is null && VcsProvider is null
            ? "repository from the remote"
            : $"repository {Repository ?? "from the remote"} on {VcsProvider?.ToString() ?? "the remote's host"}";
        return $"{slack}; {gitHub}; {bitbucket}; {repository}";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? ApiUrl(Func<string, string?> read, string variable, string example) =>
        Blank(read(variable)) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url
        : throw new StatusReportingException($"{variable} is '{text}'; set it to an http(s) URL such as {example}.");
}
