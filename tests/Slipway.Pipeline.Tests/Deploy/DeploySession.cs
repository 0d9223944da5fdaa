using Slipway.Git.Checkout;
using Slipway.Git.Releases;
using Slipway.Composition;
using Slipway.Composition.Releases;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// A pipeline run that has got as far as Deploy without the minutes a real build takes: the app checked out
/// by the pipeline's own checkout, the fixture's tiny image as the tested image, and the tests' results.
/// </summary>
public sealed class DeploySession : IDisposable
{
    private readonly PipelineComposition _composition;
    private readonly LocalRegistry _registry;

    private DeploySession(PipelineComposition composition, PipelineSession session, BuiltApp built, RecordingReporter reporter, LocalRegistry registry)
    {
        _composition = composition;
        Session = session;
        Built = built;
        Reporter = reporter;
        _registry = registry;
    }

    public PipelineSession Session { get; }

    public RecordingReporter Reporter { get; }

    public RunContext Run => Session.Run;

    /// <summary>What the build handed to Deploy: the checkout and the tested image.</summary>
    public BuiltApp Built { get; }

    /// <summary>The commit the build checked out: the one a release must tag.</summary>
    public string BuiltCommit => Built.Checkout.Revision;

    /// <summary>The work folder of the run (<c>.nuke/temp</c> in a real one).</summary>
    public string WorkDirectory => _composition.Services.Layout.WorkDirectory;

    /// <summary>
    /// Checks <paramref name="app"/> out at the head of main, with <paramref name="tests"/> (passing by default) as
    /// the run's test results, into <paramref name="workDirectory"/>: a new one unless a later run reuses an earlier one's.
    /// The tested image is the fixture's tiny image of <paramref name="build"/>.
    /// </summary>
    public static async Task<DeploySession> BuiltAsync(
        DeployFixture fixture,
        string app,
        TaskResults? tests = null,
        string? workDirectory = null,
        string build = "first")
    {
        var work = workDirectory ?? fixture.PathOf("work", Guid.NewGuid().ToString("N")[..8]);
        var reporter = new RecordingReporter();
        var composition = new PipelineComposition(new CompositionOptions(RepositoryRoot.Path, work, reporter));
        var settings = new PipelineSettings(RepositoryRoot.Path, work, app, "main");
        var session = new PipelineSession(composition.Services, settings, "Approved");
        var services = composition.Services;
        var sourceFolder = services.Layout.SourceFolder(session.Run.AppName, session.Run.Slug);
        var checkout = await services.Checkout.CheckOutAsync(AppSource.Resolve(app, "main", null), sourceFolder, CancellationToken.None);
        var image = await fixture.TinyImageAsync(build);
        var imageId = (await fixture.Docker.InspectImageAsync(image, CancellationToken.None)).Id;
        var built = new BuiltApp(
            checkout,
            AppProfile.Resolve(sourceFolder, AppConfigFile.ReadFrom(sourceFolder)),
            image,
            imageId,
            image,
            BranchDatabaseAccess.None,
            new Lazy<Task<BuiltImage>>(() => throw new InvalidOperationException("Deploy does not run the tests image.")));
        session.Run.Results.Enqueue(tests ?? PassingTests);
        return new DeploySession(composition, session, built, reporter, fixture.Registry);
    }

    /// <summary>The results of a test task whose tests all passed.</summary>
    public static TaskResults PassingTests { get; } = TestsWith(TestOutcome.Passed);

    /// <summary>The results of a test task with one test of the given outcome.</summary>
    public static TaskResults TestsWith(TestOutcome outcome) => new(
        "tests",
        [],
        [new TestSuiteResult("phpunit", "Unit", null, [new TestCaseResult { Name = "testGreets", ClassName = "GreeterTest", Outcome = outcome }])],
        [],
        [],
        []);

    /// <summary>Runs the Deploy stage as the Deploy target does, releasing to the fixture's registry.</summary>
    public Task<DeployOutcome> DeployAsync(DeployRequest? request = null) =>
        Session.DeployAsync(
            Built,
            request ?? new DeployRequest(VersionRequest.Auto),
            new RegistryReleasePublisher(_composition.Services.ImageStore, _registry.Address),
            CancellationToken.None);

    /// <summary>The deploy stage as the status reporters last saw it.</summary>
    public StageStatus? DeployStage => Reporter.Last?.Stages.FirstOrDefault(stage => stage.Name == StageNames.Deploy);

    public void Dispose() => _composition.Dispose();
}
