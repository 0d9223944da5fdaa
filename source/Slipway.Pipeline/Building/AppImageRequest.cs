using Slipway.Pipeline.AppConfig;
using Slipway.Platform;

namespace Slipway.Pipeline.Building;

/// <summary>
/// What the app image is built from: Slipway's docker/app/Dockerfile with the built code, vendor/ and the
/// app's docroot and writable folders as build arguments; or, when <c>.slipway.yml</c> names one, the app's
/// own Dockerfile with the built repository as its context.
/// </summary>
public static class AppImageRequest
{
    /// <summary>Where the app lives inside Slipway's app image.</summary>
    public const string AppFolder = "/var/www/app";

    /// <param name="layout">Slipway's own files (the Dockerfile and entry script).</param>
    /// <param name="sourceFolder">The built working copy.</param>
    /// <param name="profile">The app's settings.</param>
    /// <param name="tag">The image's tag.</param>
    /// <param name="arguments">Build arguments every app image gets (base image, ownership).</param>
    public static async Task<ImageBuildRequest> CreateAsync(
        SlipwayLayout layout,
        string sourceFolder,
        AppProfile profile,
        string tag,
        IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken)
    {
        if (profile.Dockerfile is { } dockerfile)
        {
            // The app's Dockerfile need not declare Slipway's labels: they are added to the build so that
            // teardown finds the image like any other.
            return new ImageBuildRequest(
                Folders: [new ContextFolder(sourceFolder, "", [".git"])],
                Files: new Dictionary<string, string>(),
                Dockerfile: dockerfile,
                Tags: [tag],
                BuildArguments: arguments,
                Labels: new Dictionary<string, string>
                {
                    [Ownership.AppLabel] = arguments["SLIPWAY_APP"],
                    [Ownership.BranchLabel] = arguments["SLIPWAY_BRANCH"],
                    [Ownership.KindLabel] = "image",
                });
        }

        var withProfile = new Dictionary<string, string>(arguments)
        {
            ["APP_DOCROOT"] = profile.DocrootIn(AppFolder),
            ["SLIPWAY_WRITABLE"] = string.Join(':', profile.Writable),
        };
        return new ImageBuildRequest(
            Folders:
            [
                new ContextFolder(Path.Combine(sourceFolder, "vendor"), "vendor"),
                new ContextFolder(sourceFolder, "code", ["/vendor", ".git", "node_modules"]),
            ],
            Files: new Dictionary<string, string>
            {
                ["Dockerfile"] = await File.ReadAllTextAsync(layout.Dockerfile("app"), cancellationToken),
                ["slipway-start.sh"] = await File.ReadAllTextAsync(layout.ImageFile("app", "slipway-start.sh"), cancellationToken),
                ["slipway-basic-auth.sh"] = await File.ReadAllTextAsync(layout.ImageFile("app", "slipway-basic-auth.sh"), cancellationToken),
                ["slipway-files.sh"] = await File.ReadAllTextAsync(layout.ImageFile("app", "slipway-files.sh"), cancellationToken),
                ["settings.slipway.php"] = await File.ReadAllTextAsync(layout.ImageFile("app", "settings.slipway.php"), cancellationToken),
            },
            Dockerfile: "Dockerfile",
            Tags: [tag],
            BuildArguments: withProfile);
    }
}
