using System.Formats.Tar;
using System.IO.Compression;
using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Playground;

/// <summary>
/// What a Fargate playground's start meets, on the local engine: Slipway's app image (docker/app on the offline
/// php-apache base), a user-defined network, and on it a plain HTTP server (<c>php -S</c> in the same base) serving
/// tarballs the way S3 answers a presigned GET. Playgrounds started here publish only on 127.0.0.1; everything
/// created is removed by its name at the end.
/// </summary>
public sealed class FilesFetchWorld : IAsyncLifetime
{
    public const string BaseImage = "slipway-base/php-apache:8.2";

    /// <summary>The files folder inside the app folder, as <c>playground.files</c> gives it for a web/ docroot.</summary>
    public const string FilesPath = "web/sites/default/files";

    public static readonly byte[] Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0x00, 0x7F, 0x80];

    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-files-fetch-").FullName;
    private readonly List<string> _containers = [];
    private bool _networkMade;

    public DockerClient Docker { get; } = new(DockerEndpoint.FromEnvironment());

    public string Image => $"slipway-14a-test/files-fetch:{_id}";

    public string Network => $"slipway-14a-files-{_id}";

    /// <summary>The tarball server's name on <see cref="Network"/>: where the playgrounds' URLs point.</summary>
    public string Server => $"slipway-14a-files-server-{_id}";

    public async Task InitializeAsync()
    {
        var served = Directory.CreateDirectory(Path.Combine(_folder, "served")).FullName;
        await WriteTarballAsync(Path.Combine(served, "good.tar.gz"), tar => AddFileAsync(tar, "pictures/logo.png", Logo, withFolder: true));
        await WriteTarballAsync(Path.Combine(served, "escape.tar.gz"), async tar =>
        {
            await AddFileAsync(tar, "pictures/ok.png", [1, 2, 3], withFolder: true);
            await AddFileAsync(tar, "../escaped.txt", "outside"u8.ToArray(), withFolder: false);
        });
        await WriteTarballAsync(Path.Combine(served, "link.tar.gz"), async tar =>
        {
            await AddFileAsync(tar, "pictures/ok.png", [1, 2, 3], withFolder: true);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "pictures/escaped.txt") { LinkName = "/etc/hostname" });
        });
        await WriteTarballAsync(Path.Combine(served, "hardlink.tar.gz"), async tar =>
        {
            await AddFileAsync(tar, "pictures/ok.png", [1, 2, 3], withFolder: true);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.HardLink, "pictures/escaped.txt") { LinkName = "pictures/ok.png" });
        });
        await WriteTarballAsync(Path.Combine(served, "absolute.tar.gz"), async tar =>
        {
            await AddFileAsync(tar, "pictures/ok.png", [1, 2, 3], withFolder: true);
            await AddFileAsync(tar, "/tmp/escaped.txt", "outside"u8.ToArray(), withFolder: false);
        });
        // An archive without members: only tar's end-of-archive blocks; and what a sync of no files leaves, no bytes at all.
        await using (var gzip = new GZipStream(File.Create(Path.Combine(served, "empty.tar.gz")), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(new byte[1024]);
        }

        await File.WriteAllBytesAsync(Path.Combine(served, "nothing.tar.gz"), []);

        await BuildImageAsync();
        await DockerCommand.RunAsync("network", "create", Network);
        _networkMade = true;
        await StartAsync(
            "run", "-d", "--name", Server, "--network", Network, "-p", "127.0.0.1::8000", "-v", $"{served}:/srv:ro",
            "--entrypoint", "php", BaseImage, "-S", "0.0.0.0:8000", "-t", "/srv");
        using var client = new HttpClient { BaseAddress = new Uri($"http://{await PublishedAsync(Server, 8000)}/") };
        await WhenAnsweringAsync(client, "/good.tar.gz");
    }

    /// <summary>Runs Slipway's app image as a playground with <paramref name="environment"/>; returns its container's name.</summary>
    public async Task<string> StartPlaygroundAsync(IReadOnlyDictionary<string, string> environment)
    {
        var name = $"slipway-14a-files-playground-{Guid.NewGuid().ToString("N")[..8]}";
        var arguments = new List<string> { "run", "-d", "--name", name, "--network", Network, "-p", "127.0.0.1::80" };
        foreach (var (key, value) in environment)
        {
            arguments.AddRange(["-e", $"{key}={value}"]);
        }

        await StartAsync([.. arguments, Image]);
        return name;
    }

    /// <summary>The 127.0.0.1:port a container's <paramref name="port"/> is published on.</summary>
    public static async Task<string> PublishedAsync(string container, int port) =>
        (await DockerCommand.RunAsync("port", container, $"{port}/tcp")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    /// <summary>A server starting up takes a moment to listen: wait for its first answer (any), with a generous bound.</summary>
    public static async Task WhenAnsweringAsync(HttpClient client, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(path);
                return;
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Everything the container wrote to stdout and stderr so far.</summary>
    public async Task<string> LogAsync(string container)
    {
        var lines = new List<string>();
        await foreach (var page in Docker.ReadContainerLogAsync(container, follow: false, CancellationToken.None))
        {
            lines.AddRange(page.Select(line => line.Text));
        }

        return string.Join('\n', lines);
    }

    public async Task DisposeAsync()
    {
        foreach (var container in _containers)
        {
            try
            {
                await Docker.RemoveContainerAsync(container, force: true, removeVolumes: true, CancellationToken.None);
            }
            catch (DockerException)
            {
                // Never made.
            }
        }

        if (_networkMade)
        {
            await DockerCommand.RunAsync("network", "rm", Network);
        }

        try
        {
            await Docker.RemoveImageAsync(Image, force: true, noPrune: false, CancellationToken.None);
        }
        catch (DockerException)
        {
            // Never built.
        }

        Docker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    // The name is recorded before the run: a container docker made before failing is still removed.
    private async Task StartAsync(params string[] arguments)
    {
        var name = arguments[Array.IndexOf(arguments, "--name") + 1];
        _containers.Add(name);
        await DockerCommand.RunAsync(arguments);
    }

    private async Task BuildImageAsync()
    {
        var context = Path.Combine(_folder, "context");
        Directory.CreateDirectory(Path.Combine(context, "vendor"));
        Directory.CreateDirectory(Path.Combine(context, "code", "web"));
        // Everything the app image's Dockerfile copies in, as the pipeline's build context has it.
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("docker", "app")))
        {
            File.Copy(file, Path.Combine(context, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(context, "vendor", "autoload.php"), "<?php\n");
        File.WriteAllText(Path.Combine(context, "code", "web", "index.html"), "the branch's home page\n");
        await Docker.BuildImageAsync(
            new DockerBuildRequest(BuildContext.FromFolder(context))
            {
                Tags = [Image],
                BuildArguments = new Dictionary<string, string> { ["BASE_IMAGE"] = BaseImage },
            },
            onOutput: null,
            CancellationToken.None);
    }

    private static async Task WriteTarballAsync(string path, Func<TarWriter, Task> write)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        await write(tar);
    }

    private static async Task AddFileAsync(TarWriter tar, string name, byte[] content, bool withFolder)
    {
        if (withFolder)
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, name[..(name.LastIndexOf('/') + 1)]));
        }

        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
    }
}
