using Slipway.Pipeline.Stages;
using Slipway.Service;
using Slipway.Service.Execution;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;

partial class Targets
{
    [Parameter("Serve: where the service listens, host:port. Any address but a loopback one needs ServiceToken.")]
    readonly string Listen = "127.0.0.1:8080";

    [Parameter("Serve: the host names the page and the API answer to besides localhost, 127.0.0.1 and ::1 (the service's DNS name); any other Host is refused.")]
    readonly string[] ServiceHosts = [];

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
            };
            var dependencies = new ServiceDependencies(
                new TargetsExecutor(this),
                new OwnedResourceCleaner(services.Platform, services.Store, services.Clock),
                services.Store);
            await ServiceHost.RunAsync(options, dependencies, cancellationToken);
            ReportSummary("stopped");
        });

    /// <summary>The options of this invocation that every run the service starts inherits.</summary>
    IEnumerable<string> InheritedOptions()
    {
        // The runs must keep their state, checkouts and reports where the service reads them (its page, the teardown).
        yield return "--work-directory";
        yield return WorkFolder;
        yield return "--platform";
        yield return Platform.ToString();
        yield return "--base-images";
        yield return BaseImages.ToString();
        yield return "--playground-timeout";
        yield return PlaygroundTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--task-timeout";
        yield return TaskTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--analysis-fails-on";
        yield return AnalysisFailsOn.ToString();
        foreach (var (option, value) in new[] { ("--registry", Registry), ("--registry-username", RegistryUsername), ("--registry-password", RegistryPassword), ("--database-url", DatabaseUrl) })
        {
            if (value is not null)
            {
                yield return option;
                yield return value;
            }
        }

        foreach (var option in DataOptions())
        {
            yield return option;
        }
    }

    /// <summary>Runs a queued run with a new Targets in this process: the same targets and pipeline code as build.sh.</summary>
    sealed class TargetsExecutor(Targets serving) : IPipelineExecutor
    {
        public async Task<int> ExecuteAsync(PipelineExecution execution)
        {
            var request = execution.Request;
            if (request.Pipeline == PipelineNames.Teardown)
            {
                // A playground may be known by its app's name only (the schedule, the page): the Teardown target's own stage takes that.
                var services = serving.Composition.Services;
                await new TeardownStage(services.Platform, services.Store).RunAsync(request.AppName, request.Branch, execution.Cancellation);
                await serving.DropBranchDatabasesAsync(request.AppName, request.Branch, execution.Cancellation);
                return ExitCodes.Success;
            }

            var build = new Targets();
            var watch = new SessionWatch(build, execution);
            using var watching = Log.AddFlowSink(watch);
            execution.OnSuperseded(watch.MarkSuperseded);
            // name=value words: a value is never read as an option of its own, whatever it starts with.
            string[] arguments =
            [
                request.Pipeline, $"--app={request.App ?? serving.App}", .. ForkCheckout.Arguments(request, request.App ?? serving.App),
                .. request.Commit is null ? Array.Empty<string>() : [$"--commit={request.Commit}"],
                .. Uri.TryCreate(request.PullRequestUrl, UriKind.Absolute, out _) ? [$"--pull-request-url={request.PullRequestUrl}"] : Array.Empty<string>(),
                .. serving.InheritedOptions(),
            ];
            try
            {
                return await InProcessBuild.RunAsync(
                    () => build, arguments, new InProcessBuildOptions { Error = new LogLineWriter(LogLevel.Error) }, execution.Cancellation);
            }
            finally
            {
                // Each run's Targets made its own connection to the Docker engine; the service runs for weeks.
                build._composition?.Dispose();
            }
        }
    }

    /// <summary>
    /// Sees every line the run logs, and on the first ones after the run's session exists: reports the pipeline's run id
    /// (it labels what the run starts), adds the webhook's repository to the status, and marks the status superseded when a
    /// newer push replaced the run, so that its stop posts no failed or stopped check.
    /// </summary>
    sealed class SessionWatch(Targets build, PipelineExecution execution) : ILogSink
    {
        readonly Lock _gate = new();
        bool _reported;
        bool _described;
        bool _marked;

        public void Write(LogEntry entry)
        {
            if (build._session is not { } session)
            {
                return;
            }

            lock (_gate)
            {
                if (!_reported)
                {
                    _reported = true;
                    execution.ReportPipelineRun(session.Run.RunId, session.RunFolder);
                }

                _described = _described || TryUpdate(session, status => status with
                {
                    RepositoryUrl = execution.Request.RepositoryUrl ?? status.RepositoryUrl,
                });
            }

            if (execution.IsSuperseded)
            {
                MarkSuperseded();
            }
        }

        public void MarkSuperseded()
        {
            lock (_gate)
            {
                if (!_marked && build._session is { } session)
                {
                    _marked = TryUpdate(session, status => status with { Superseded = true });
                }
            }
        }

        /// <summary>False while the session's status does not exist yet; a later line tries again.</summary>
        static bool TryUpdate(Slipway.Pipeline.Running.PipelineSession session, Func<Slipway.Status.RunStatus, Slipway.Status.RunStatus> update)
        {
            try
            {
                session.Run.Tracker.Update(update);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
