using Slipway.Git;
using Slipway.Service.Hosting;
using Slipway.Service.Schedules;

namespace Slipway.Service;

/// <summary>What releases a commit of an app's own repository.</summary>
public enum ReleaseTrigger
{
    /// <summary>An approving review by someone who may write to the repository: the reviewed commit.</summary>
    Approval,

    /// <summary>The pull request's merge: the merge commit on the base branch.</summary>
    Merge,
}

/// <summary>The service's settings, resolved from the Serve target's parameters.</summary>
public sealed record ServiceOptions
{
    /// <summary>The Slipway checkout: relative app paths start here.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The SQLite file the queue shares with the pipeline's state (.nuke/temp/slipway.db).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Where the page, the API and the webhooks are served: <c>host:port</c>.</summary>
    public string Listen { get; init; } = "127.0.0.1:8080";

    /// <summary>How many runs execute at once.</summary>
    public int MaxConcurrentRuns { get; init; } = 2;

    /// <summary>Protects the page and the API (secret); required when <see cref="Listen"/> is not a loopback address.</summary>
    public string? Token { get; init; }

    /// <summary>The secret GitHub signs webhook deliveries with (X-Hub-Signature-256).</summary>
    public string? GitHubWebhookSecret { get; init; }

    /// <summary>The secret Bitbucket Cloud signs webhook deliveries with (X-Hub-Signature).</summary>
    public string? BitbucketWebhookSecret { get; init; }

    /// <summary>When every playground not marked keep is torn down: a Quartz cron expression.</summary>
    public string TeardownSchedule { get; init; } = CronSchedule.WeekdaysAtSeven;

    /// <summary>The time zone of <see cref="TeardownSchedule"/> (IANA id); null for the machine's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The app a form or API request means when it names none (the build's App parameter).</summary>
    public string DefaultApp { get; init; } = "examples/drupal-site";

    /// <summary>Repository full name (owner/name, workspace/slug) → the app source to build for it; deliveries from any other repository are ignored.</summary>
    public IReadOnlyDictionary<string, string> Apps { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The host names the page and the API answer to besides localhost, 127.0.0.1 and ::1 (the name people and
    /// GitHub reach the service by); a request for any other name is refused, token or not.
    /// </summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>
    /// The address people reach the service at (https://slipway.example.com): Slack and commit statuses link each run's
    /// page and screenshots under it, and the service answers to its host name. Null: no links to the service.
    /// </summary>
    public string? PublicUrl { get; init; }

    /// <summary>
    /// Branches that live on (a pull request's close never tears them down, nor does close of business). A GitHub
    /// repository's default branch, as its deliveries name it, counts too.
    /// </summary>
    public IReadOnlyList<string> LongLivedBranches { get; init; } = ["main", "master", "develop"];

    /// <summary>
    /// When a commit of the app's own repository is released: on an approval by someone who may write to it (the
    /// default), or when its pull request is merged (the merge commit). A service option until <c>.slipway.yml</c>
    /// carries it (issue 13).
    /// </summary>
    public ReleaseTrigger ReleaseOn { get; init; } = ReleaseTrigger.Approval;

    /// <summary>
    /// The Bitbucket accounts (uuid such as <c>{aa0b...}</c>, or account id) whose approval counts: they release a commit of
    /// the app's repository, or trust a fork's pull request. Bitbucket deliveries do not say who may write, so without
    /// this list no Bitbucket approval counts.
    /// </summary>
    public IReadOnlyList<string> BitbucketApprovers { get; init; } = [];

    /// <summary>
    /// When each app's cron runs (docs/operations.md), as a Quartz cron expression; null or "off" for never, the
    /// service's own default. The Serve target sets hourly.
    /// </summary>
    public string? AppCronSchedule { get; init; }

    /// <summary>Apps whose cron runs on a schedule of their own: app name → Quartz cron expression (or "off").</summary>
    public IReadOnlyDictionary<string, string> AppCronSchedules { get; init; } = new Dictionary<string, string>();

    /// <summary>When each app's sanitized database dump is queued; null when no source database is configured.</summary>
    public string? DumpSchedule { get; init; }

    /// <summary>When each app that has a files source (<see cref="FilesSources"/>) has its public files synced into the store; null or "off" for never.</summary>
    public string? FilesSchedule { get; init; }

    /// <summary>
    /// The apps whose files are synced nightly: app name → where its files come from (a folder or s3://bucket/prefix/), as
    /// the schedules page shows it. An app not named has no files sync.
    /// </summary>
    public IReadOnlyDictionary<string, string> FilesSources { get; init; } = new Dictionary<string, string>();

    /// <summary>True when <paramref name="branch"/> is one of <see cref="LongLivedBranches"/> (or <paramref name="defaultBranch"/>).</summary>
    public bool IsLongLived(string branch, string? defaultBranch = null) =>
        string.Equals(branch, defaultBranch, StringComparison.Ordinal) || LongLivedBranches.Contains(branch, StringComparer.Ordinal);

    /// <summary><see cref="Listen"/> read as an address and a port.</summary>
    /// <exception cref="ServiceSettingsException">It is neither.</exception>
    public ListenAddress ListenAddress => ListenAddress.Parse(Listen);

    /// <summary><see cref="PublicUrl"/> read as an address; null when it is not set.</summary>
    /// <exception cref="ServiceSettingsException">It is not the web address of another machine.</exception>
    public PublicAddress? PublicAddress => PublicAddress.Parse(PublicUrl);

    /// <summary>Every secret value the service knows, to mask them wherever they might be written.</summary>
    public IReadOnlyList<string> Secrets =>
        new[] { Token, GitHubWebhookSecret, BitbucketWebhookSecret }
            .Where(secret => !string.IsNullOrEmpty(secret))
            .Select(secret => secret!)
            .Concat(CredentialRedactor.SecretsIn(Apps.Values.Append(DefaultApp)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads <c>owner/name=source</c> entries (the ServiceApps parameter) into <see cref="Apps"/>.</summary>
    /// <exception cref="ServiceSettingsException">An entry has no '=' or an empty side.</exception>
    public static IReadOnlyDictionary<string, string> ParseApps(IEnumerable<string>? entries)
    {
        var apps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries ?? [])
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var repository = separator > 0 ? entry[..separator].Trim() : string.Empty;
            var source = separator > 0 ? entry[(separator + 1)..].Trim() : string.Empty;
            if (repository.Length == 0 || source.Length == 0 || !repository.Contains('/', StringComparison.Ordinal))
            {
                throw new ServiceSettingsException(
                    $"ServiceApps entry '{CredentialRedactor.Redact(entry)}' is not 'owner/name=source'; write it like acme/site=https://github.com/acme/site.git.");
            }

            apps[repository] = source;
        }

        return apps;
    }

    /// <summary>Checks the settings fit together.</summary>
    /// <exception cref="ServiceSettingsException">The first setting that does not, in one sentence.</exception>
    public void Validate()
    {
        var listen = ListenAddress;
        if (!listen.IsLoopback && string.IsNullOrEmpty(Token))
        {
            throw new ServiceSettingsException(
                $"The service would listen on {listen}, which other machines can reach: set ServiceToken (--service-token or SLIPWAY_SERVICE_TOKEN) to protect the page and the API, or listen on 127.0.0.1.");
        }

        PublicAddress.Check(PublicUrl);
        if (MaxConcurrentRuns < 1)
        {
            throw new ServiceSettingsException($"MaxConcurrentRuns is {MaxConcurrentRuns}; set it to 1 or more.");
        }

        _ = CronSchedule.Parse(TeardownSchedule, TimeZone);
        foreach (var (setting, expression) in AppCronSchedules.Select(pair => ($"AppCronSchedules {pair.Key}", (string?)pair.Value))
                     .Append((nameof(AppCronSchedule), AppCronSchedule)).Append((nameof(DumpSchedule), DumpSchedule)).Append((nameof(FilesSchedule), FilesSchedule)))
        {
            if (!string.IsNullOrWhiteSpace(expression) && !string.Equals(expression.Trim(), ScheduleRegistrations.Off, StringComparison.OrdinalIgnoreCase))
            {
                _ = CronSchedule.Parse(expression, TimeZone, setting);
            }
        }
    }

    /// <summary>The settings with each secret shown only as set or not set.</summary>
    public override string ToString() =>
        $"listen {Listen}, {MaxConcurrentRuns} run(s) at once, token {(Token is null ? "not set" : "set")}, " +
        $"GitHub webhook secret {(GitHubWebhookSecret is null ? "not set" : "set")}, " +
        $"Bitbucket webhook secret {(BitbucketWebhookSecret is null ? "not set" : "set")}, teardown '{TeardownSchedule}' in {TimeZone ?? "local time"}" +
        (PublicUrl is null ? "" : $", public at {PublicUrl}");
}
