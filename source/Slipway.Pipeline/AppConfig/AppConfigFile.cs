namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// What an app's <c>.slipway.yml</c> says, checked but not yet defaulted: null where the file is silent.
/// <see cref="AppProfile"/> fills the gaps from what the repository shows.
/// </summary>
public sealed record AppConfigFile
{
    /// <summary>The largest <c>.slipway.yml</c> Slipway reads.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The file as an app without one has it: every key left to the defaults.</summary>
    public static AppConfigFile Empty { get; } = new();

    /// <summary>The PHP version, major.minor (<c>8.2</c>).</summary>
    public string? Php { get; init; }

    /// <summary>The folder Apache serves, relative to the repository root; "." for the root itself.</summary>
    public string? Docroot { get; init; }

    /// <summary>The app's own Dockerfile, relative to the repository root, built instead of Slipway's.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The path the playground's readiness check asks for.</summary>
    public string? ReadinessPath { get; init; }

    /// <summary>The HTTP statuses that count as ready, after redirects on the playground's own host.</summary>
    public IReadOnlyList<int>? ReadinessStatuses { get; init; }

    /// <summary>Text the ready page must contain.</summary>
    public string? ReadinessContains { get; init; }

    /// <summary>Folders the web server may write to, relative to the repository root; <c>*</c> matches one folder name.</summary>
    public IReadOnlyList<string>? Writable { get; init; }

    /// <summary>Where the playground gets the app's public files (SyncFiles), relative to the repository root.</summary>
    public string? Files { get; init; }

    /// <summary>Who may reach the playground and at what address (<c>playground.unguessable_host</c>, ...).</summary>
    public PlaygroundAccess Access { get; init; } = PlaygroundAccess.Open;

    /// <summary>What the analysis covers, relative to the repository root.</summary>
    public IReadOnlyList<string>? AnalysisPaths { get; init; }

    /// <summary>What the analysis leaves out, relative to the repository root.</summary>
    public IReadOnlyList<string>? AnalysisExclude { get; init; }

    /// <summary>How many new findings a pull request may add before its analysis is red.</summary>
    public int? MaxNewFindings { get; init; }

    /// <summary>The PHPUnit configuration file to run, relative to the repository root.</summary>
    public string? PhpunitConfig { get; init; }

    /// <summary>The Behat configuration file to run, relative to the repository root.</summary>
    public string? BehatConfig { get; init; }

    /// <summary>Whether the tests drive a headless browser (a WebDriver service beside the test task).</summary>
    public bool? BrowserTests { get; init; }

    /// <summary>The test runners the task runs, each reported under its name (<c>tests.runners</c>).</summary>
    public IReadOnlyList<TestRunner>? TestRunners { get; init; }

    /// <summary>The services started beside the app (<c>services:</c>).</summary>
    public IReadOnlyList<AppService>? Services { get; init; }

    /// <summary>The allow-list of commands and the app's cron (<c>commands</c>, <c>cron</c>).</summary>
    public AppCommands? Commands { get; init; }

    /// <summary>The <c>build</c> and <c>hooks</c> sections: which build steps run, the app's commands, its hooks.</summary>
    public BuildSettings Build { get; init; } = BuildSettings.Default;

    /// <summary><c>playground.environment</c>: variables the playground gets (never secrets: they are in the repository).</summary>
    public IReadOnlyDictionary<string, string>? PlaygroundEnvironment { get; init; }

    /// <summary>Reads <c>.slipway.yml</c> from the root of <paramref name="appRoot"/>; <see cref="Empty"/> when there is none.</summary>
    /// <exception cref="AppConfigException">The file says something Slipway cannot use.</exception>
    public static AppConfigFile ReadFrom(string appRoot)
    {
        var path = Path.Combine(appRoot, AppConfigKeys.FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        // The file comes from the repository: a settings file this large is a mistake or an attack.
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new AppConfigException($"{AppConfigKeys.FileName} is larger than {MaxBytes / 1024} KB: keep only Slipway's settings in it.");
        }

        return AppConfigParser.Parse(File.ReadAllText(path));
    }
}
