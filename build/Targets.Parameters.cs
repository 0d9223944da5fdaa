using Slipway.Pipeline;
using Slipway.Composition;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.Naming;

partial class Targets
{
    [Parameter("The app to build: a git URL, a local git repository or a folder. Default: the bundled example site.")]
    readonly string App = "examples/drupal-site";

    [Parameter("The branch to build, serve or tear down (for a plain folder: the name its build is known by).")]
    readonly string? Branch;

    [Parameter("An exact commit to build instead of the branch head.")]
    readonly string? Commit;

    [Parameter("Where tasks run: auto (aws when a Cluster is given, local otherwise), local or aws.")]
    readonly PlatformChoice Platform = PlatformChoice.Auto;

    [Parameter("Base images for the Dockerfiles: auto, official (php:8.2-apache ...) or offline (made by scripts/make-base-images.sh).")]
    readonly BaseImageChoice BaseImages = BaseImageChoice.Auto;

    [Parameter("A registry (host:port) the local platform pushes built images to, e.g. 127.0.0.1:5000. Default: none.")]
    readonly string? Registry;

    [Parameter("User name for the registry push.")]
    readonly string? RegistryUsername;

    [Parameter("Password for the registry push."), Secret]
    readonly string? RegistryPassword;

    [Parameter("Seconds to wait for a new playground to answer HTTP 200.")]
    readonly int PlaygroundTimeout = 60;

    [Parameter("Minutes a test or analysis task may run before it is stopped.")]
    readonly int TaskTimeout = 30;

    [Parameter("Teardown: remove every playground and image Slipway started, not just one branch's.")]
    readonly bool All;

    [Parameter("Where runs keep working copies, caches, reports and the state database. Default: .nuke/temp.")]
    readonly AbsolutePath? WorkDirectory;

    AbsolutePath WorkFolder => WorkDirectory ?? TemporaryDirectory;

    [Parameter("The shared development database the drush hooks run against (mysql://user:pass@host/db)."), Secret]
    readonly string? DatabaseUrl;

    [Parameter("The password of the playground's basic auth, for apps whose .slipway.yml has playground.basic_auth (the user is there)."), Secret]
    readonly string? PlaygroundPassword;

    [Parameter("Which findings make the analysis red: never, syntax (code php -l rejects; the default), error (any error-severity finding) or warning.")]
    readonly AnalysisFailsOn AnalysisFailsOn = AnalysisFailsOn.Syntax;

    [Parameter("The pull request the run is for (its web address), linked from Slack and the web page.")]
    readonly string? PullRequestUrl;

    [Parameter("The branch the pull request merges into (e.g. develop): findings and failing tests not in its latest completed run are marked new.")]
    readonly string? BaseBranch;

    [Parameter("When the run was asked for, as an ISO 8601 time (the service passes when the webhook came); default: when the command started.")]
    readonly string? TriggeredAt;

    [Parameter("The fork (owner/name) the branch is in, when it is not the app's own repository's: the run gets the fork's own names.")]
    readonly string? Fork;

    [Parameter("A ref fetched before the commit is resolved: a pull request's refs/pull/<n>/head, or refs/heads/<branch> of --fetch-from.")]
    readonly string? FetchRef;

    [Parameter("Where --fetch-ref is fetched from when it is not the app's own remote (a fork's git URL).")]
    readonly string? FetchFrom;

    string? ValidBaseBranch => BaseBranchProblem is { } problem ? throw new BuildFailedException(problem)
        : string.IsNullOrWhiteSpace(BaseBranch) ? null : BaseBranch.Trim();

    string? BaseBranchProblem =>
        string.IsNullOrWhiteSpace(BaseBranch) || Slipway.Git.Checkout.AppSource.IsValidBranchName(BaseBranch.Trim()) ? null
            : $"--base-branch '{BaseBranch}' is not a valid git branch name: pass the branch pull requests merge into, e.g. develop.";

    string? ValidFork => Fork is null || RunIdentity.IsValidFork(Fork) ? Fork
        : throw new BuildFailedException($"--fork '{Fork}' is not a repository's full name: pass it as owner/name.");

    PipelineSettings PipelineSettings => new(
        SlipwayRoot: RootDirectory,
        WorkDirectory: WorkFolder,
        App: App,
        Branch: Branch!,
        Commit: Commit,
        BaseImages: BaseImages,
        DatabaseUrl: DatabaseUrl,
        PullRequestUrl: PullRequestAddress,
        AnalysisFailsOn: AnalysisFailsOn,
        Fork: ValidFork,
        FetchRef: FetchRef,
        FetchFrom: FetchFrom,
        BaseBranch: ValidBaseBranch,
        TriggeredAt: TriggerTime)
    {
        PlaygroundTimeout = TimeSpan.FromSeconds(PlaygroundTimeout),
        TaskTimeout = TimeSpan.FromMinutes(TaskTimeout),
        PlaygroundPassword = string.IsNullOrEmpty(PlaygroundPassword) ? null : PlaygroundPassword,
    };

    /// <summary>The app's name (a slug of its folder or repository name): labels its runs' resources.</summary>
    string AppName => Slipway.Pipeline.Running.PipelineSession.AppNameOf(App, RootDirectory);

    /// <summary>What is wrong with --app, --branch, --commit or --base-branch as given (a usage error before anything runs), or null.</summary>
    string? CheckoutProblem
    {
        get
        {
            try
            {
                Slipway.Git.Checkout.AppSource.Resolve(App, Branch, Commit, RootDirectory);
                return BaseBranchProblem;
            }
            catch (Slipway.Git.Checkout.CheckoutException exception)
            {
                return exception.Message;
            }
        }
    }

    DateTimeOffset? TriggerTime => TriggeredAt is null ? null
        : DateTimeOffset.TryParse(TriggeredAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new BuildFailedException($"--triggered-at '{TriggeredAt}' is not a time: pass it as ISO 8601, e.g. 2026-12-05T20:00:00Z.");

    Uri? PullRequestAddress => PullRequestUrl is null ? null
        : Uri.TryCreate(PullRequestUrl, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" ? address
        : throw new BuildFailedException(
            $"--pull-request-url '{PullRequestUrl}' is not a web address: pass the pull request's https:// link.");
}
