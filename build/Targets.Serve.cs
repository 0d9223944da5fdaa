using Slipway.Engine.Parameters;
using Slipway.Pipeline.Playground;
using Slipway.Service;
using Slipway.Service.Execution;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;
using Slipway.Status;

partial class Targets
{
    [Parameter("Serve: where the service listens, host:port. Any address but a loopback one needs ServiceToken.")]
    readonly string Listen = "127.0.0.1:8080";

    [Parameter("Serve: the host names the page and the API answer to besides localhost, 127.0.0.1 and ::1 (the service's DNS name); any other Host is refused.")]
    readonly string[] ServiceHosts = [];

    [Parameter("Serve: the address people open the service at (https://slipway.example.com); Slack and commit statuses link each run's page and screenshots under it.")]
    readonly string? PublicUrl;

    [Parameter("Serve: how many runs execute at once.")]
    readonly int MaxConcurrentRuns = 2;

    [Parameter("Serve: the token that protects the page and the API (login form, or Authorization: Bearer)."), Secret]
    readonly string? ServiceToken;

    [Parameter("Serve: when every playground not marked keep is torn down, as a Quartz cron expression (default weekdays 19:00).")]
    readonly string TeardownSchedule = "0 0 19 ? * MON-FRI";

    [Parameter("Serve: the time zone of TeardownSchedule, an IANA id such as Europe/Berlin. Default: the machine's.")]
    readonly string? TimeZone;

    [Parameter("Serve: the secret GitHub signs webhook deliveries with.", Name = "GithubWebhookSecret"), Secret]
    readonly string? GitHubWebhookSecret;

    [Parameter("Serve: the secret Bitbucket Cloud signs webhook deliveries with."), Secret]
    readonly string? BitbucketWebhookSecret;

    [Parameter("Serve: the app to build for a webhook's repository, as owner/name=source entries; other repositories' webhooks start nothing.")]
    readonly string[] ServiceApps = [];

    [Parameter("Serve: branches a pull request's close and close of business never tear down (a GitHub repository's default branch counts too).")]
    readonly string[] LongLivedBranches = ["main", "master", "develop"];

    [Parameter("Serve: what releases a commit of the app's repository: approval (an approving review by someone who may write) or merge (the merge commit). Moves to .slipway.yml once it exists.")]
    readonly ReleaseTrigger ReleaseOn = ReleaseTrigger.Approval;

    [Parameter("Serve: the Bitbucket accounts (uuid or account id) whose approval releases a commit or trusts a fork's pull request.")]
    readonly string[] BitbucketApprovers = [];

    [Parameter("Serve: when each app's cron runs against its development environment (and opted-in playgrounds), a Quartz cron expression; off for never.")]
    readonly string CronSchedule = "0 0 * ? * *";

    [Parameter("Serve: apps whose cron runs on a schedule of their own, as app=expression entries (expression may be off).")]
    readonly string[] CronSchedules = [];

    [Parameter("Serve: when each app's sanitized database dump runs, when a source database is configured (SOURCE_DATABASE_URL); off for never.")]
    readonly string DumpSchedule = "0 0 2 ? * *";

    [Parameter("Serve: when each app's public files are synced from --files-source into the store, when one is given; off for never.")]
    readonly string FilesSchedule = "0 30 2 ? * *";

    Target Serve => _ => _
        .Description("Runs the Slipway service: GitHub and Bitbucket webhooks, a durable run queue, the close-of-business teardown and a web page.")
        .Executes(async cancellationToken =>
        {
            var services = Composition.Services;
            var options = new ServiceOptions
            {
                RootDirectory = RootDirectory,
                DatabasePath = services.Layout.StateDatabase,
                Listen = Listen,
                Hosts = ServiceHosts,
                PublicUrl = PublicUrl,
                MaxConcurrentRuns = MaxConcurrentRuns,
                Token = ServiceToken,
                GitHubWebhookSecret = GitHubWebhookSecret,
                BitbucketWebhookSecret = BitbucketWebhookSecret,
                TeardownSchedule = TeardownSchedule,
                TimeZone = TimeZone,
                DefaultApp = App,
                Apps = ServiceOptions.ParseApps(ServiceApps),
                LongLivedBranches = LongLivedBranches,
                ReleaseOn = ReleaseOn,
                BitbucketApprovers = BitbucketApprovers,
                AppCronSchedule = CronSchedule,
                AppCronSchedules = KeyedEntries.Read(CronSchedules, "--cron-schedules", "app=expression", "drupal-site=\"0 */15 * ? * *\""),
                DumpSchedule = SourceDatabaseUrl is null && SourceDatabaseUrlFile is null ? null : DumpSchedule,
                FilesSchedule = FilesSchedule,
                FilesSources = FilesSources.Locations,
            };
            // Every run the service starts goes through the same runner as this invocation's targets: the same
            // platform, work folder, settings and branch databases, given as typed values.
            using var bitbucketHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var dependencies = new ServiceDependencies(
                new OperationsRunner(Runner, this),
                new OwnedResourceCleaner(services.Platform, services.Store, services.Clock),
                services.Store)
            {
                Playgrounds = new PlaygroundReconciler(services.Platform, services.Store),
                BitbucketPermissions = Slipway.Status.Bitbucket.BitbucketPermissionLookup.From(
                    StatusSettings.FromEnvironment(Environment.GetEnvironmentVariable), bitbucketHttp),
            };
            await ServiceHost.RunAsync(options, dependencies, cancellationToken);
            ReportSummary("stopped");
        });
}
