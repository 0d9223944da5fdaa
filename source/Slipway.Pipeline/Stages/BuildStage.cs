using System.Security.Cryptography;
using System.Text;
using Slipway.Engine;
using Slipway.Git.Checkout;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Running;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// Checkout, then the app build inside the builder container (composer, theme builds, hooks), then the
/// app image, published where the platform runs it.
/// </summary>
public sealed class BuildStage(PipelineServices services)
{
    private const int FailureTailLines = 15;

    /// <summary>Checks the app out into the branch's working copy (kept between runs).</summary>
    public async Task CheckOutAsync(RunContext run, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        var source = run.Source.WithFetch(run.Settings.FetchRef, run.Settings.FetchFrom, layout.Root);
        Log.Information($"Checking out {source}.");
        run.Checkout = await services.Checkout.CheckOutAsync(source, layout.SourceFolder(run.AppName, run.Slug), cancellationToken);
    }

    /// <summary>Builds the checked-out app (checking it out first when that has not happened yet).</summary>
    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        if (run.Checkout is null)
        {
            await CheckOutAsync(run, cancellationToken);
        }

        run.Tracker.Update(status => status with { CommitSha = run.Checkout!.Revision, RepositoryUrl = run.Checkout.RemoteUrl });
        var sourceFolder = layout.SourceFolder(run.AppName, run.Slug);
        // Read before the build so that a mistake stops it at once; defaults only after it, because the build
        // may make what they look for (composer's Drupal scaffold writes web/index.php).
        var config = ReadConfig(sourceFolder);

        var php = config.Php ?? PhpVersionDetector.Detect(sourceFolder).Version;
        run.BaseImages = await new BaseImageSelector(services.Images).SelectAsync(run.Settings.BaseImages, php, cancellationToken);
        var builder = await EnsureBuilderImageAsync(run.BaseImages, cancellationToken);
        await BuildAppAsync(run, builder, sourceFolder, config.Build, cancellationToken);
        run.Profile = ResolveProfile(sourceFolder, config);

        run.AppImage = $"slipway/{run.AppName}:{run.ImageTag}";
        Directory.CreateDirectory(Path.Combine(sourceFolder, "vendor"));
        Log.Information($"Baking {run.AppImage}{(run.Profile!.Dockerfile is { } own ? $" from the app's own {own}" : "")}.");
        run.AppImageId = await BuildImageAsync(
            await AppImageRequest.CreateAsync(
                layout, sourceFolder, run.Profile, run.AppImage, OwnershipArguments(run, ("BASE_IMAGE", run.BaseImages.PhpApache)), cancellationToken),
            cancellationToken);
        run.PublishedAppImage = await services.Platform.PublishImageAsync(run.AppImage, run.Owner, cancellationToken);
        run.TestsImage = new Lazy<Task<string>>(() => BuildTestsImageAsync(run, cancellationToken));
    }

    /// <summary>The app's <c>.slipway.yml</c>; a mistake in it fails the build.</summary>
    private static AppConfigFile ReadConfig(string sourceFolder)
    {
        try
        {
            return AppConfigFile.ReadFrom(sourceFolder);
        }
        catch (AppConfigException exception)
        {
            throw new BuildFailedException(exception.Message);
        }
    }

    /// <summary>The app's settings with the gaps filled from the built code, logged in one line.</summary>
    private static AppProfile ResolveProfile(string sourceFolder, AppConfigFile config)
    {
        AppProfile profile;
        try
        {
            profile = AppProfile.Resolve(sourceFolder, config);
        }
        catch (AppConfigException exception)
        {
            throw new BuildFailedException(exception.Message);
        }

        var drupal = profile.Drupal switch
        {
            DrupalKind.Legacy => "a Drupal 7 (or older) site",
            DrupalKind.Modern => "a Drupal 8+ site",
            _ => "a PHP app",
        };
        var docroot = profile.Docroot == "." ? "the repository root" : $"{profile.Docroot}/";
        var scope = profile.AnalysisPaths is null ? "the whole app minus third-party folders"
            : profile.AnalysisPaths.Count == 0 ? "nothing (no code of its own found)"
            : string.Join(", ", profile.AnalysisPaths.Take(5)) + (profile.AnalysisPaths.Count > 5 ? $" and {profile.AnalysisPaths.Count - 5} more" : "");
        Log.Information($"App: {drupal}, served from {docroot}, PHP {profile.Php} ({profile.PhpSource}); analysis covers {scope}.");
        return profile;
    }

    /// <summary>The image the test and analysis tasks run: the QA tools with the built app copied in.</summary>
    private async Task<string> BuildTestsImageAsync(RunContext run, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        // Its own tag, not just its own name: a registry with one repository per app (ECR) keeps images apart by tag.
        var image = $"slipway/{run.AppName}-tests:{run.ImageTag}-tests";
        Log.Information($"Baking {image}.");
        run.TestsImageId = await BuildImageAsync(
            new ImageBuildRequest(
                Folders: [],
                Files: new Dictionary<string, string>
                {
                    ["Dockerfile"] = await File.ReadAllTextAsync(layout.Dockerfile("tests"), cancellationToken),
                    ["scripts/run-tests.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "run-tests.sh"), cancellationToken),
                    ["scripts/run-analysis.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "run-analysis.sh"), cancellationToken),
                    ["scripts/report-markers.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "report-markers.sh"), cancellationToken),
                },
                Dockerfile: "Dockerfile",
                Tags: [image],
                BuildArguments: OwnershipArguments(run, ("APP_IMAGE", run.AppImage!), ("QA_IMAGE", run.BaseImages!.Qa))),
            cancellationToken);
        return await services.Platform.PublishImageAsync(image, run.Owner, cancellationToken);
    }

    private async Task<string> EnsureBuilderImageAsync(BaseImageSet bases, CancellationToken cancellationToken)
    {
        var dockerfile = await File.ReadAllTextAsync(services.Layout.Dockerfile("builder"), cancellationToken);
        var script = await File.ReadAllTextAsync(services.Layout.ImageFile("builder", "build-app.sh"), cancellationToken);
        var composerStep = await File.ReadAllTextAsync(services.Layout.ImageFile("builder", "build-app-composer.sh"), cancellationToken);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{dockerfile}\n{script}\n{composerStep}\n{bases.Builder}")))[..12];
        var image = $"slipway/builder:{version}";
        if (await services.Images.ExistsAsync(image, cancellationToken))
        {
            return image;
        }

        Log.Information($"Making the builder image {image} from {bases.Builder}.");
        await BuildImageAsync(
            new ImageBuildRequest(
                Folders: [],
                Files: new Dictionary<string, string>
                {
                    ["Dockerfile"] = dockerfile,
                    ["scripts/build-app.sh"] = script,
                    ["scripts/build-app-composer.sh"] = composerStep,
                },
                Dockerfile: "Dockerfile",
                Tags: [image],
                BuildArguments: new Dictionary<string, string> { ["BASE_IMAGE"] = bases.Builder }),
            cancellationToken);
        return image;
    }

    private async Task BuildAppAsync(RunContext run, string builderImage, string sourceFolder, BuildSettings settings, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        var cache = layout.CacheFolder(run.AppName);
        Directory.CreateDirectory(cache);
        var environment = new Dictionary<string, string>
        {
            ["SLIPWAY_APP"] = run.AppName,
            ["SLIPWAY_BRANCH"] = run.Settings.Branch,
            ["SLIPWAY_COMMIT"] = run.Checkout!.Revision,
            ["SLIPWAY_BUILD_ID"] = run.RunId,
        };
        foreach (var (name, value) in settings.ToEnvironment())
        {
            environment[name] = value;
        }

        // Secrets go in as files mounted for this run and deleted after it, never as environment variables,
        // which docker inspect shows to anyone who can reach the engine for as long as the container exists.
        var secrets = new Dictionary<string, string>();
        if (run.Settings.DatabaseUrl is { Length: > 0 } database)
        {
            secrets["database_url"] = database;
            environment["DATABASE_URL_FILE"] = SecretFiles.ContainerFolder + "/database_url";
        }

        using var secretFiles = SecretFiles.Write(layout.SecretsFolder(run.RunId), secrets);
        var spec = new TaskSpec(
            Name: $"{run.Slug}-build",
            Image: builderImage,
            Kind: TaskKind.Build,
            Owner: run.Owner,
            Environment: run.WithAppEnvironment(environment),
            Mounts:
            [
                new Mount(sourceFolder, "/app"),
                new Mount(layout.DefaultHooks, "/slipway/devops_hooks", ReadOnly: true),
                new Mount(cache, "/cache"),
                .. secretFiles is null ? Array.Empty<Mount>() : [new Mount(secretFiles.Folder, SecretFiles.ContainerFolder, ReadOnly: true)],
            ],
            Timeout: run.Settings.TaskTimeout);

        await using var task = await services.BuildPlatform.StartTaskAsync(spec, cancellationToken);
        var tail = new Queue<LogLine>();
        var streaming = StreamLogAsync(task, tail, cancellationToken);
        var outcome = await task.WaitAsync(cancellationToken);
        await streaming;
        if (!outcome.Succeeded)
        {
            // The script's own verdict goes to stderr as its last line; stdout and stderr may arrive out of
            // order, so the last stderr line says more than the last line.
            var said = tail.Where(line => line.Text.Trim().Length > 0).ToList();
            var last = said.LastOrDefault(line => line.Stream == LogStream.Stderr).Text ?? said.LastOrDefault().Text ?? "no output";
            var reason = outcome.StoppedReason is null ? $"exit code {outcome.ExitCode}" : outcome.StoppedReason;
            throw new BuildFailedException($"The build of {run.AppName} failed ({reason}): {last.Trim()}");
        }
    }

    private static async Task StreamLogAsync(ITaskRun task, Queue<LogLine> tail, CancellationToken cancellationToken)
    {
        await foreach (var page in task.ReadLogAsync(cancellationToken))
        {
            foreach (var line in page)
            {
                Log.Information(line.Text);
                tail.Enqueue(line);
                if (tail.Count > FailureTailLines)
                {
                    tail.Dequeue();
                }
            }
        }
    }

    /// <summary>Builds an image with its progress in the log: step lines a few seconds apart, never a silent minute.</summary>
    private async Task<string> BuildImageAsync(ImageBuildRequest request, CancellationToken cancellationToken)
    {
        using var progress = new ImageBuildProgress(request.Tags.FirstOrDefault() ?? "image", line => Log.Information(line), services.Clock);
        var imageId = await services.Images.BuildAsync(
            request,
            line =>
            {
                Log.Debug(line);
                progress.Accept(line);
            },
            cancellationToken);
        progress.Complete();
        return imageId;
    }

    /// <summary>
    /// The Dockerfiles label the image with its app and branch from these build arguments, early, so the
    /// labels cost no layer of their own on each build. Images carry no run label: an image is the product
    /// of its content, and a later run of the same commit reuses it.
    /// </summary>
    private static Dictionary<string, string> OwnershipArguments(RunContext run, params (string Name, string Value)[] more)
    {
        var arguments = new Dictionary<string, string>
        {
            ["SLIPWAY_APP"] = run.Owner.App,
            ["SLIPWAY_BRANCH"] = run.Owner.Branch,
        };
        foreach (var (name, value) in more)
        {
            arguments[name] = value;
        }

        return arguments;
    }
}
