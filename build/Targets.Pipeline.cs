using Slipway.Pipeline.Naming;
using Slipway.Composition;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Stages;
using Slipway.Status;

partial class Targets
{
    readonly Lock _sessionGate = new();
    PipelineComposition? _composition;
    PipelineRunner? _runner;
    PipelineSession? _session;

    // What the Build target made, handed to the targets after it; and the branch database BranchDatabase gives the build.
    BuiltApp? _built;
    BranchDatabaseAccess _database = BranchDatabaseAccess.None;

    BuiltApp Built => _built ?? throw new InvalidOperationException("Build has not run.");

    /// <summary>The run the invoked targets make up; created by the first target that needs it.</summary>
    PipelineSession Session
    {
        get
        {
            lock (_sessionGate)
            {
                return _session ??= Runner.Open(Request, pipelines: InvokedTargets);
            }
        }
    }

    PipelineComposition Composition
    {
        get
        {
            lock (_sessionGate)
            {
                return _composition ??= new PipelineComposition(CompositionOptions);
            }
        }
    }

    /// <summary>The one entry that runs pipelines, for these targets and for the service's runs alike.</summary>
    PipelineRunner Runner
    {
        get
        {
            lock (_sessionGate)
            {
                return _runner ??= new PipelineRunner(Composition.Services with { Files = new AppFilesInStore(Data), Screenshots = ScreenshotStore }, PipelineSettings, BranchDatabases, () => ReleasePublisher);
            }
        }
    }

    /// <summary>What the invoked targets ask to run, as typed values.</summary>
    PipelineRequest Request => new(InvokedTargets.FirstOrDefault() ?? PipelineNames.Build, App, Branch)
    {
        Commit = Commit,
        Fork = ValidFork,
        FetchRef = FetchRef,
        FetchFrom = FetchFrom,
        PullRequestUrl = PullRequestAddress,
        BaseBranch = ValidBaseBranch,
        TriggeredAt = TriggerTime,
        Deploy = DeployRequest,
    };

    bool InPullRequest => InvokedTargets.Contains(nameof(PullRequest), StringComparer.OrdinalIgnoreCase);

    Target Build => _ => _
        .Description("Checks the app out and builds it: composer, theme builds, hooks, then the PHP/Apache image.")
        .Requires(() => Branch)
        .Validates(() => CheckoutProblem)
        .Executes(async cancellationToken =>
        {
            _built = await Session.BuildAsync(_database, cancellationToken);
            ReportSummary(_built.Image);
        });

    Target Test => _ => _
        .Description("Runs the app's tests in a task of their own and reads the results back from its log.")
        .DependsOn(Build)
        .Executes(async cancellationToken =>
        {
            // Inside PullRequest failing tests do not stop the run (the playground still comes up for QA): the
            // test stage is red, the target reports a failed check, and the build ends with exit code 3.
            ReportVerdict(await Session.TestAsync(Built, stopOnFailingTests: !InPullRequest, cancellationToken));
        });

    Target Analyse => _ => _
        .Description("Runs php -l, phpcs, phpmd, phpcpd, phploc (and phpstan when the app has it) in a task of their own.")
        .DependsOn(Build)
        .Executes(async cancellationToken =>
        {
            ReportVerdict(await Session.AnalyseAsync(Built, cancellationToken));
        });

    Target Playground => _ => _
        .Description("Serves the built branch at its own URL until Teardown.")
        .DependsOn(Build)
        .Executes(async cancellationToken =>
        {
            var url = await Session.PlaygroundAsync(Built, cancellationToken);
            ReportSummary(url.ToString());
        });

    Target PullRequest => _ => _
        .Description("Build, then Test, Analyse and Playground in parallel; failing tests and red analysis are reported, the run goes on and exits with 3.")
        .DependsOn(Test, Analyse, Playground)
        .Executes(() => ReportSummary(SummaryOf(StageNames.Test) + "; " + SummaryOf(StageNames.Analysis)));

    Target Teardown => _ => _
        .Description("Stops and removes a branch's playground and images (--branch X), or everything Slipway started (--all).")
        .Requires(() => Branch != null || All, "pass --branch <name> to remove one branch's playground, or --all to remove everything Slipway started")
        .Executes(async cancellationToken =>
        {
            // A fork's branch is keyed apart from upstream's branch of the same name (see docs/naming.md).
            var key = All ? null : new RunIdentity(AppName, Branch!, ValidFork).Key;
            var finished = await Runner.RunAsync(
                new PipelineRequest(PipelineNames.Teardown, App, key) { AppName = AppName }, _ => Task.CompletedTask, cancellationToken);
            ReportSummary(finished.Summary);
        });

    /// <summary>Writes the run's report and final status, whatever happened before.</summary>
    Target Report => _ => _
        .Unlisted()
        .AssuredAfterFailure()
        .TriggeredBy(Build)
        .After(Test, Analyse, Playground, PullRequest, Deploy)
        .Executes(async cancellationToken =>
        {
            if (_session is null)
            {
                return;
            }

            // Every run that started gets a report, so a run that failed before its tasks still says why.
            await _session.PublishReportAsync();

            var outcome = await _session.FinishAsync(cancellationToken.IsCancellationRequested);
            ReportSummary($"run {_session.Run.RunId}: {outcome?.ToString().ToLowerInvariant()}; {PipelineSession.SummaryOf(_session.Run.Tracker.Status.Stages)}");
        });

    /// <summary>Shows a results stage's verdict: its summary, as a failed check when the stage is red.</summary>
    void ReportVerdict(StageVerdict verdict)
    {
        if (verdict.Passed)
        {
            ReportSummary(verdict.Summary);
        }
        else
        {
            ReportCheckFailed(verdict.Summary);
        }
    }

    string SummaryOf(string stage) =>
        Session.Run.Tracker.Status.Stages.FirstOrDefault(s => s.Name == stage)?.Summary ?? "not run";
}
