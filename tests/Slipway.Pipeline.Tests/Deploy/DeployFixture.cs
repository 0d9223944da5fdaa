using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// What the deploy tests share: a real registry, a temp folder for apps and work folders, a tiny image to
/// release, and the clean-up of every container and image labelled with an app a test made.
/// </summary>
public sealed class DeployFixture : IAsyncLifetime
{
    private readonly List<string> _apps = [];
    private readonly Dictionary<string, Lazy<Task<string>>> _tinyImages = [];
    private LocalRegistry? _registry;

    public string Folder { get; } = Directory.CreateTempSubdirectory("slipway-deploy-").FullName;

    public LocalRegistry Registry => _registry ?? throw new InvalidOperationException("The fixture has not started.");

    public DockerClient Docker { get; } = new(DockerEndpoint.FromEnvironment());

    /// <summary>
    /// A tested image as small as images get (one file on scratch), built once per <paramref name="build"/>,
    /// standing in for an app image where building the real one would only cost minutes. Each build differs
    /// from the others, as two builds of the same commit do.
    /// </summary>
    public Task<string> TinyImageAsync(string build = "first")
    {
        lock (_tinyImages)
        {
            if (!_tinyImages.TryGetValue(build, out var image))
            {
                image = new Lazy<Task<string>>(() => BuildTinyImageAsync(build));
                _tinyImages[build] = image;
            }

            return image.Value;
        }
    }

    /// <summary>A unique app name (a folder name under <see cref="Folder"/>); its containers and images go at the end.</summary>
    public string NewApp(string stem)
    {
        var app = $"{stem}-{Guid.NewGuid().ToString("N")[..6]}";
        lock (_apps)
        {
            _apps.Add(app);
        }

        return app;
    }

    public string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    public async Task InitializeAsync()
    {
        _registry = await LocalRegistry.StartAsync(Directory.CreateDirectory(PathOf("registry")).FullName);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            var owned = new Dictionary<string, string> { [Ownership.AppLabel] = app };
            foreach (var container in await Docker.ListContainersAsync(owned, CancellationToken.None))
            {
                await Docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
            }

            foreach (var image in await Docker.ListImagesAsync(owned, CancellationToken.None))
            {
                try
                {
                    await Docker.RemoveImageAsync(image.Id, force: true, noPrune: false, CancellationToken.None);
                }
                catch (DockerException)
                {
                    // Gone already, with an image built on it.
                }
            }
        }

        Docker.Dispose();
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private async Task<string> BuildTinyImageAsync(string build)
    {
        var app = NewApp("tiny");
        var reference = $"slipway/{app}:main-{build}";
        await new DockerImageBuilder(Docker).BuildAsync(
            new ImageBuildRequest(
                Folders: [],
                Files: new Dictionary<string, string>
                {
                    ["Dockerfile"] = "FROM scratch\nCOPY release.txt /release.txt\n",
                    ["release.txt"] = $"{app} {build}\n",
                },
                Dockerfile: "Dockerfile",
                Tags: [reference],
                Labels: new Ownership(app, "main", "deploy-tests").ToLabels("image")),
            progress: null,
            CancellationToken.None);
        return reference;
    }
}
