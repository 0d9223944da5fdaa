namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// How Slipway builds, serves, tests and analyses one app: its <c>.slipway.yml</c> where it says something,
/// what the repository shows everywhere else. Made once per run from the checked-out code.
/// </summary>
public sealed record AppProfile
{
    /// <summary>The PHP version (major.minor).</summary>
    public required string Php { get; init; }

    /// <summary>Where <see cref="Php"/> came from, for the log.</summary>
    public required string PhpSource { get; init; }

    /// <summary>The folder Apache serves, relative to the repository root; "." for the root.</summary>
    public required string Docroot { get; init; }

    /// <summary>The Drupal the docroot holds, if any.</summary>
    public required DrupalKind Drupal { get; init; }

    /// <summary>The app's own Dockerfile (relative to the repository root), or null for Slipway's.</summary>
    public string? Dockerfile { get; init; }

    public required ReadinessCheck Readiness { get; init; }

    /// <summary>Folders the web server may write to, relative to the repository root.</summary>
    public required IReadOnlyList<string> Writable { get; init; }

    /// <summary>Where the playground gets the app's public files, relative to the repository root (Drupal's sites/default/files by default).</summary>
    public string Files { get; init; } = "sites/default/files";

    /// <summary>Who may reach the playground and at what address.</summary>
    public PlaygroundAccess Access { get; init; } = PlaygroundAccess.Open;

    /// <summary>
    /// What the analysis covers, relative to the repository root; null for the whole app minus third-party
    /// folders; empty when a Drupal site has no code of its own.
    /// </summary>
    public IReadOnlyList<string>? AnalysisPaths { get; init; }

    /// <summary>What the analysis leaves out besides the usual third-party folders.</summary>
    public required IReadOnlyList<string> AnalysisExclude { get; init; }

    /// <summary>How many new findings a pull request may add before its analysis is red; null for no limit.</summary>
    public int? MaxNewFindings { get; init; }

    public string? PhpunitConfig { get; init; }

    public string? BehatConfig { get; init; }

    /// <summary>
    /// The runners of <c>tests.runners</c>, each reported under its name; empty for the implicit ones (PHPUnit, then
    /// Behat when the app has a configuration for it), reported as phpunit and behat.
    /// </summary>
    public IReadOnlyList<TestRunner> TestRunners { get; init; } = [];

    /// <summary>The services started beside the app in the playground and the test task.</summary>
    public IReadOnlyList<AppService> Services { get; init; } = [];

    /// <summary>
    /// The test task gets a headless browser that speaks WebDriver and serves the built app to it: asked for by
    /// <c>tests.browser</c>, or by a Behat configuration in the app.
    /// </summary>
    public bool BrowserTests { get; init; }

    /// <summary>Variables the playground gets from <c>.slipway.yml</c> (playground.environment); not secrets.</summary>
    public IReadOnlyDictionary<string, string> PlaygroundEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads <c>.slipway.yml</c> in <paramref name="appRoot"/> (if any) and fills in the rest.</summary>
    /// <exception cref="AppConfigException">The file says something Slipway cannot use.</exception>
    public static AppProfile Load(string appRoot) => Resolve(appRoot, AppConfigFile.ReadFrom(appRoot));

    /// <summary>Fills in what <paramref name="file"/> leaves open from what <paramref name="appRoot"/> holds.</summary>
    public static AppProfile Resolve(string appRoot, AppConfigFile file)
    {
        var (php, phpSource) = file.Php is { } version ? (version, AppConfigKeys.FileName) : PhpVersionDetector.Detect(appRoot);
        var docroot = file.Docroot ?? DocrootDetector.Detect(appRoot);
        RequireFolder(appRoot, docroot, "docroot");
        if (file.Dockerfile is { } dockerfile && !File.Exists(Path.Combine(appRoot, dockerfile)))
        {
            throw new AppConfigException(
                $"{AppConfigKeys.FileName} names the dockerfile '{dockerfile}', which is not in the repository: fix the path (relative to the repository root) or remove the key.");
        }

        var drupal = DrupalSite.Detect(docroot == "." ? appRoot : Path.Combine(appRoot, docroot));
        var readiness = new ReadinessCheck(
            file.ReadinessPath ?? ReadinessCheck.Default.Path,
            file.ReadinessStatuses ?? ReadinessCheck.Default.Statuses,
            file.ReadinessContains,
            drupal == DrupalKind.None || file.ReadinessContains is not null ? null : "Drupal");
        var writable = file.Writable is { } patterns ? WritablePaths.Expand(appRoot, patterns)
            : drupal == DrupalKind.None ? []
            : WritablePaths.DrupalDefaults(appRoot, docroot);
        var analysisPaths = file.AnalysisPaths is { } paths ? WritablePaths.Expand(appRoot, paths).Where(path => Exists(appRoot, path)).ToList()
            : drupal == DrupalKind.None ? null
            : DrupalCodeScope.CustomCode(appRoot, docroot, drupal);
        // Found on disk, these names come from the repository too: only plain ones go on to the tasks.
        analysisPaths = analysisPaths?.Where(path => AppConfigParser.PlainPath().IsMatch(path)).ToList();
        writable = writable.Where(path => AppConfigParser.PlainPath().IsMatch(path)).ToList();
        return new AppProfile
        {
            Php = php,
            PhpSource = phpSource,
            Docroot = docroot,
            Drupal = drupal,
            Dockerfile = file.Dockerfile,
            Readiness = readiness,
            Writable = writable,
            Files = file.Files ?? (docroot == "." ? "" : docroot + "/") + "sites/default/files",
            Access = file.Access,
            AnalysisPaths = analysisPaths,
            AnalysisExclude = file.AnalysisExclude ?? [],
            MaxNewFindings = file.MaxNewFindings,
            PhpunitConfig = file.PhpunitConfig,
            BehatConfig = file.BehatConfig,
            TestRunners = file.TestRunners ?? [],
            Services = file.Services ?? [],
            BrowserTests = file.BrowserTests ?? (file.TestRunners is { } runners
                ? runners.Any(runner => runner.Kind == TestRunnerKind.Behat)
                : file.BehatConfig is not null || BehatConfigFound(appRoot)),
            PlaygroundEnvironment = file.PlaygroundEnvironment ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>The docroot as an absolute path inside the app image.</summary>
    public string DocrootIn(string appFolder) => Docroot == "." ? appFolder : $"{appFolder}/{Docroot}";

    private static bool BehatConfigFound(string appRoot) =>
        new[] { "behat.yml", "behat.yml.dist", "behat.dist.yml" }.Any(name => File.Exists(Path.Combine(appRoot, name)));

    private static bool Exists(string appRoot, string path) =>
        Directory.Exists(Path.Combine(appRoot, path)) || File.Exists(Path.Combine(appRoot, path));

    private static void RequireFolder(string appRoot, string path, string key)
    {
        if (path != "." && !Directory.Exists(Path.Combine(appRoot, path)))
        {
            throw new AppConfigException(
                $"{AppConfigKeys.FileName} names the {key} '{path}', which is not a folder in the repository: fix the path (relative to the repository root) or remove the key to let Slipway find it.");
        }
    }
}
