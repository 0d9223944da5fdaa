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

    /// <summary>Whether the run goes on to a playground: then what the playground needs is checked before anything is built.</summary>
    public bool ServesPlayground { get; init; }

    /// <summary>Checks the app out into the branch's working copy (kept between runs).</summary>
    public async Task<CheckoutResult> CheckOutAsync(RunContext run, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        var source = run.Source.WithFetch(run.Settings.FetchRef, run.Settings.FetchFrom, layout.Root);
        Log.Information($"Checking out {source}.");
        return await services.Checkout.CheckOutAsync(source, layout.SourceFolder(run.AppName, run.Slug), cancellationToken);
    }

    /// <summary>Builds the checked-out app, with the branch <paramref name="database"/> for its hooks, and hands on what it made.</summary>
    public async Task<BuiltApp> RunAsync(
        RunContext run, CheckoutResult checkout, BranchDatabaseAccess database, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        run.Tracker.Update(status => status with { CommitSha = checkout.Revision, RepositoryUrl = checkout.RemoteUrl });
        var sourceFolder = layout.SourceFolder(run.AppName, run.Slug);
        // Read before the build so that a mistake stops it at once; defaults only after it, because the build
        // may make what they look for (composer's Drupal scaffold writes web/index.php).
        var config = ReadConfig(sourceFolder);
        if (ServesPlayground && config.Access.BasicAuth is not null && run.Settings.PlaygroundPassword is not { Length: > 0 })
        {
            throw new BuildFailedException(PlaygroundBasicAuth.MissingPassword(run.Settings.Branch));
        }

        var php = config.Php ?? PhpVersionDetector.Detect(sourceFolder).Version;
        var baseImages = await new BaseImageSelector(services.Images).SelectAsync(run.Settings.BaseImages, php, cancellationToken);
        var builder = await EnsureBuilderImageAsync(baseImages, cancellationToken);
        await BuildAppAsync(run, checkout, database, builder, sourceFolder, config.Build, cancellationToken);
        var profile = ResolveProfile(sourceFolder, config);

        var imageTag = run.Identity.ImageTag(checkout.ShortRevision);
        var appImage = $"slipway/{run.AppName}:{imageTag}";
        Directory.CreateDirectory(Path.Combine(sourceFolder, "vendor"));
        Log.Information($"Baking {appImage}{(profile.Dockerfile is { } own ? $" from the app's own {own}" : "")}.");
        var appImageId = await BuildImageAsync(
            await AppImageRequest.CreateAsync(
                layout, sourceFolder, profile, appImage, OwnershipArguments(run, ("BASE_IMAGE", baseImages.PhpApache)), cancellationToken),
            cancellationToken);
        var published = await services.Platform.PublishImageAsync(appImage, run.Owner, cancellationToken);
        return new BuiltApp(
            checkout,
            profile,
            appImage,
            appImageId,
            published,
            database,
            new Lazy<Task<BuiltImage>>(() => BuildTestsImageAsync(run, imageTag, appImage, baseImages, cancellationToken)));
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
    private async Task<BuiltImage> BuildTestsImageAsync(
        RunContext run, string imageTag, string appImage, BaseImageSet baseImages, CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        // Its own tag, not just its own name: a registry with one repository per app (ECR) keeps images apart by tag.
        var image = $"slipway/{run.AppName}-tests:{imageTag}-tests";
        Log.Information($"Baking {image}.");
        var imageId = await BuildImageAsync(
            new ImageBuildRequest(
                Folders: [],
                Files: new Dictionary<string, string>
                {
                    ["Dockerfile"] = await File.ReadAllTextAsync(layout.Dockerfile("tests"), cancellationToken),
                    ["scripts/run-tests.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "run-tests.sh"), cancellationToken),
                    ["scripts/run-analysis.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "run-analysis.sh"), cancellationToken),
                    ["scripts/report-markers.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "report-markers.sh"), cancellationToken),
                    ["scripts/test-runners.sh"] = await File.ReadAllTextAsync(layout.ImageFile("tests", "test-runners.sh"), cancellationToken),
                },
                Dockerfile: "Dockerfile",
                Tags: [image],
                BuildArguments: OwnershipArguments(run, ("APP_IMAGE", appImage), ("QA_IMAGE", baseImages.Qa))),
            cancellationToken);
        return new BuiltImage(imageId, await services.Platform.PublishImageAsync(image, run.Owner, cancellationToken));
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

    private async Task BuildAppAsync(
        RunContext run,
        CheckoutResult checkout,
        BranchDatabaseAccess database,
        string builderImage,
        string sourceFolder,
        BuildSettings settings,
        CancellationToken cancellationToken)
    {
        var layout = services.Layout;
        var cache = layout.CacheFolder(run.AppName);
        Directory.CreateDirectory(cache);
        var environment = new Dictionary<string, string>
        {
            ["SLIPWAY_APP"] = run.AppName,
            ["SLIPWAY_BRANCH"] = run.Settings.Branch,
            ["SLIPWAY_COMMIT"] = checkout.Revision,
            ["SLIPWAY_BUILD_ID"] = run.RunId,
        };
        foreach (var (name, value) in settings.ToEnvironment())
        {
            environment[name] = value;
        }

        // Secrets go in as files (TaskSecrets), never as environment variables, which docker inspect shows to anyone
        // who can reach the engine for as long as the container exists.
        var secrets = new Dictionary<string, string>(database.Secrets);
        if (run.Settings.DatabaseUrl is { Length: > 0 } databaseUrl)
        {
            secrets.TryAdd("DATABASE_URL", databaseUrl);
        }

        var spec = new TaskSpec(
            Name: $"{run.Slug}-build",
            Image: builderImage,
            Kind: TaskKind.Build,
            Owner: run.Owner,
            Environment: BuiltApp.WithAppEnvironment(environment, database.Environment),
            Mounts:
            [
                new Mount(sourceFolder, "/app"),
                new Mount(layout.DefaultHooks, "/slipway/devops_hooks", ReadOnly: true),
                new Mount(cache, "/cache"),
            ],
            Timeout: run.Settings.TaskTimeout,
            Secrets: secrets);

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
