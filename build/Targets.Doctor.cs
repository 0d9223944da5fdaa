using Slipway.Docker.Engine;
using Slipway.Git.Checkout;
using Slipway.Git.Processes;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;

partial class Targets
{
    Target Doctor => _ => _
        .Description("Checks what the pipeline needs (Docker engine, git, base images, AWS settings) and says what to do about anything missing.")
        .Executes(async cancellationToken =>
        {
            var checks = new List<(string Name, bool Ok, string Detail)>
            {
                await CheckDockerAsync(cancellationToken),
                await CheckGitAsync(cancellationToken),
                await CheckBaseImagesAsync(cancellationToken),
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

    async Task<(string, bool, string)> CheckDockerAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
            var version = await docker.GetVersionAsync(cancellationToken);
            var driver = await docker.GetStorageDriverAsync(cancellationToken);
            return ("docker", true, $"engine {version.Version} (API {version.ApiVersion}, storage {driver}) at {docker.Endpoint.Address}");
        }
        catch (DockerException exception)
        {
            return ("docker", false, exception.Message + " On Debian: sudo scripts/install-prerequisites.sh.");
        }
    }

    /// <summary>Runs whose process was killed: marked interrupted, their task containers and secret files removed.</summary>
    async Task<(string, bool, string)> SweepLeftoversAsync(CancellationToken cancellationToken)
    {
        try
        {
            var services = Composition.Services;
            var app = AppName;
            var (runs, resources) = await new Slipway.Pipeline.Running.LeftoverSweeper(services).SweepAsync(app, null, null, cancellationToken);
            return ("leftovers", true, runs + resources == 0
                ? "no run was left behind by a killed process"
                : $"{runs} run(s) whose process is gone marked interrupted, {resources} task container(s) removed");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return ("leftovers", true, $"not checked: {exception.Message}");
        }
    }

    /// <summary>The --app's .slipway.yml, when the app is on this machine (a remote one is checked when it is built).</summary>
    (string, bool, string) CheckAppConfig()
    {
        var source = AppSource.Resolve(App, Branch, null, RootDirectory);
        if (source.Kind == AppSourceKind.GitUrl)
        {
            return ("app config", true, $"{source.DisplayLocation} is remote: its {AppConfigKeys.FileName} is checked when it is built.");
        }

        try
        {
            var profile = AppProfile.Load(source.Location);
            var file = File.Exists(Path.Combine(source.Location, AppConfigKeys.FileName)) ? AppConfigKeys.FileName : $"no {AppConfigKeys.FileName}";
            return ("app config", true,
                $"{file}: docroot {profile.Docroot}, PHP {profile.Php} ({profile.PhpSource}), {profile.AnalysisPaths?.Count.ToString() ?? "all"} analysis path(s) (working tree of {source.DisplayLocation}).");
        }
        catch (AppConfigException exception)
        {
            return ("app config", false, exception.Message);
        }
    }

    async Task<(string, bool, string)> CheckGitAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await new ProcessRunner().RunAsync(new ProcessRequest("git", ["--version"], RootDirectory), cancellationToken);
            return ("git", result.Succeeded, result.Succeeded ? result.StandardOutput.Trim() : "git did not run: install git (apt-get install git).");
        }
        catch (ProcessStartException)
        {
            return ("git", false, "git is not on PATH: install git (apt-get install git).");
        }
    }

    async Task<(string, bool, string)> CheckBaseImagesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
            var images = new Slipway.Docker.Platform.DockerImageBuilder(docker);
            foreach (var set in new[] { BaseImageSet.Official, BaseImageSet.Local })
            {
                var present = 0;
                foreach (var image in set.All)
                {
                    present += await images.ExistsAsync(image, cancellationToken) ? 1 : 0;
                }

                if (present == set.All.Count())
                {
                    return ("base images", true, string.Join(", ", set.All));
                }
            }

            return ("base images", true,
                "none on this engine yet: the official ones are pulled during the build; offline, run scripts/make-base-images.sh.");
        }
        catch (DockerException)
        {
            return ("base images", false, "cannot be checked without the Docker engine.");
        }
    }
}
