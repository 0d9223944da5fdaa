using Slipway.Composition.Doctor;
using Slipway.Git.Checkout;
using Slipway.Git.Processes;
using Slipway.Pipeline.AppConfig;

partial class Targets
{
    Target Doctor => _ => _
        .Description("Checks what the pipeline needs (Docker engine, git, base images, AWS settings) and says what to do about anything missing.")
        .Executes(async cancellationToken =>
        {
            var checks = new List<SetupCheck>
            {
                await DockerSetupCheck.CheckEngineAsync(cancellationToken),
                await CheckGitAsync(cancellationToken),
                await DockerSetupCheck.CheckBaseImagesAsync(AppPhpVersion(), cancellationToken),
                CheckAppConfig(),
            };
            checks.AddRange(await CheckAwsAsync(cancellationToken));
            checks.Add(await SweepLeftoversAsync(cancellationToken));

            foreach (var (name, ok, detail) in checks)
            {
                Log.Information($"{(ok ? "ok     " : "missing")}  {name,-12} {detail}");
            }

            var missing = checks.Where(check => !check.Ok).Select(check => check.Name).Distinct().ToList();
            if (missing.Count > 0)
            {
                throw new BuildFailedException($"Missing: {string.Join(", ", missing)} (see above for what to do).");
            }

            ReportSummary($"{checks.Count} checks passed");
        });

    /// <summary>Runs whose process was killed: marked interrupted, their task containers and secret files removed.</summary>
    async Task<SetupCheck> SweepLeftoversAsync(CancellationToken cancellationToken)
    {
        try
        {
            var services = Composition.Services;
            var app = AppName;
            var (runs, resources) = await new Slipway.Pipeline.Running.LeftoverSweeper(services).SweepAsync(app, null, null, cancellationToken);
            return new SetupCheck("leftovers", true, runs + resources == 0
                ? "no run was left behind by a killed process"
                : $"{runs} run(s) whose process is gone marked interrupted, {resources} task container(s) removed");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new SetupCheck("leftovers", true, $"not checked: {exception.Message}");
        }
    }

    /// <summary>The PHP version of the --app when it is on this machine and readable; Slipway's default otherwise.</summary>
    string AppPhpVersion()
    {
        var source = AppSource.Resolve(App, Branch, null, RootDirectory);
        try
        {
            return source.Kind == AppSourceKind.GitUrl ? "8.2" : AppProfile.Load(source.Location).Php;
        }
        catch (AppConfigException)
        {
            return "8.2";
        }
    }

    /// <summary>The --app's .slipway.yml, when the app is on this machine (a remote one is checked when it is built).</summary>
    SetupCheck CheckAppConfig()
    {
        var source = AppSource.Resolve(App, Branch, null, RootDirectory);
        if (source.Kind == AppSourceKind.GitUrl)
        {
            return new SetupCheck("app config", true, $"{source.DisplayLocation} is remote: its {AppConfigKeys.FileName} is checked when it is built.");
        }

        try
        {
            var profile = AppProfile.Load(source.Location);
            var file = File.Exists(Path.Combine(source.Location, AppConfigKeys.FileName)) ? AppConfigKeys.FileName : $"no {AppConfigKeys.FileName}";
            return new SetupCheck("app config", true,
                $"{file}: docroot {profile.Docroot}, PHP {profile.Php} ({profile.PhpSource}), {profile.AnalysisPaths?.Count.ToString() ?? "all"} analysis path(s) (working tree of {source.DisplayLocation}).");
        }
        catch (AppConfigException exception)
        {
            return new SetupCheck("app config", false, exception.Message);
        }
    }

    async Task<SetupCheck> CheckGitAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await new ProcessRunner().RunAsync(new ProcessRequest("git", ["--version"], RootDirectory), cancellationToken);
            return new SetupCheck("git", result.Succeeded, result.Succeeded ? result.StandardOutput.Trim() : "git did not run: install git (apt-get install git).");
        }
        catch (ProcessStartException)
        {
            return new SetupCheck("git", false, "git is not on PATH: install git (apt-get install git).");
        }
    }
}
