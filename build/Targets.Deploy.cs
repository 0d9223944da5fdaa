using Slipway.Git.Checkout;
using Slipway.Git.Releases;
using Slipway.Pipeline.Releases;
using Slipway.Status;

partial class Targets
{
    [Parameter("Deploy: how the version rises from the last release: auto (from the conventional commits since), patch, minor or major.")]
    readonly BumpLevel Bump = BumpLevel.Auto;

    [Parameter("Deploy: an exact version to release instead of a bump, e.g. 1.4.0; it must be greater than the last release.")]
    readonly string? Version;

    [Parameter("Deploy: say what would be tagged and pushed, make the same checks, and change nothing.")]
    readonly bool DryRun;

    [Parameter("Deploy: the registry (host:port) the release image is pushed to, e.g. 127.0.0.1:5000. Default: where the platform publishes images (ECR on AWS).")]
    readonly string? ReleaseRegistry;

    [Parameter("Deploy: the repository of the release image. Default: the app's name.")]
    readonly string? ReleaseRepository;

    [Parameter("Deploy: the remote of the app's repository the version tag is pushed to: a remote name of that repository, or a URL.")]
    readonly string Remote = ReleaseOptions.DefaultRemote;

    Target Deploy => _ => _
        .Description("After Test passed: tags the built commit with the next semantic version, pushes the tag and the tested image under it.")
        .DependsOn(Test)
        .OnlyWhenStatic(DeployInputsAreValid)
        .Executes(async cancellationToken =>
        {
            var outcome = await Session.DeployAsync(Built, DeployRequest, ReleasePublisher, cancellationToken);
            ReportSummary(outcome.StageSummary);
        });

    Target Approved => _ => _
        .Description("Build, Test (any failing test fails the run), then Deploy: the pipeline of an approved pull request.")
        .DependsOn(Deploy)
        .Executes(() => ReportSummary(SummaryOf(StageNames.Deploy)));

    DeployRequest DeployRequest => new(
        Version is null ? new VersionRequest(Bump) : VersionRequest.Parse(Version),
        ReleaseRepository,
        Remote,
        DryRun);

    IReleaseImagePublisher ReleasePublisher => Composition.ReleasePublisher(ReleaseRegistry);

    /// <summary>
    /// Checked while planning, so that a wrong --version or a plain-folder app is refused before a build that
    /// takes minutes. It never skips Deploy: it throws, and the engine shows the exception's sentence. (Requires
    /// would read better, but it evaluates through reflection and would show only the wrapping exception.)
    /// </summary>
    bool DeployInputsAreValid()
    {
        if (Version is not null)
        {
            VersionRequest.Parse(Version);
        }

        if (!AppSource.Resolve(App, Branch, Commit, RootDirectory).IsGit)
        {
            throw new ReleaseException(
                $"Deploy tags a git commit, but the app '{App}' is a plain folder: point --app at a git repository or URL.");
        }

        return true;
    }
}
