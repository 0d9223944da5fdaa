using Slipway.Engine;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Playground;

/// <summary>
/// What a playground on a platform that cannot copy files in (Fargate) is handed when the files are in a bucket: with
/// Slipway's image, the URL as a secret and a probe that waits longer for a larger tarball; with the app's own
/// Dockerfile (no start script of Slipway's to fetch it), no URL at all and one warning saying why. A failed start
/// quotes what the fetch said.
/// </summary>
public sealed class PlaygroundFilesSetupTests
{
    private static readonly Uri Url = new("https://files.s3.example/shop/files.tar.gz?X-Amz-Signature=abc");

    [Fact]
    public async Task Slipways_image_gets_the_url_as_a_secret_and_its_probe_waits_30_s_plus_one_per_5_MB_longer()
    {
        var (setup, lines) = await SetupAsync(dockerfile: null, bytes: 50L * 1024 * 1024);

        setup.Secrets.Should().Equal(new Dictionary<string, string> { [PlaygroundFilesSetup.UrlSecret] = Url.AbsoluteUri });
        setup.Environment.Should().Equal(new Dictionary<string, string> { [PlaygroundFilesSetup.PathVariable] = "web/sites/default/files" });
        setup.ProbeAllowance.Should().Be(TimeSpan.FromSeconds(40));
        lines.Should().NotContain(line => line.Level == LogLevel.Warning);
        lines.Should().NotContain(line => line.Text.Contains("X-Amz-Signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_apps_own_dockerfile_gets_no_url_and_one_warning_saying_why()
    {
        var (setup, lines) = await SetupAsync(dockerfile: "docker/Dockerfile", bytes: 1024);

        setup.Secrets.Should().BeEmpty("the app's own image never fetches the URL: it would only hold Slipway's credential");
        setup.Environment.Should().BeEmpty();
        setup.ProbeAllowance.Should().Be(TimeSpan.Zero);
        lines.Where(line => line.Level == LogLevel.Warning).Select(line => line.Text).Should().Equal(
            "The playground on aws does not get the app's files: it runs the app's own image (docker/Dockerfile), which has no Slipway start script to fetch them; see docs/data.md.");
    }

    [Fact]
    public void A_failed_start_quotes_the_last_line_of_the_files_fetch_and_nothing_when_there_is_none()
    {
        LogLine[] tail =
        [
            new(LogStream.Stderr, "slipway-files: the app's files were not fetched (curl: (28) Operation timed out); the site starts without them"),
            new(LogStream.Stderr, "AH00558: apache2: Could not reliably determine the server's fully qualified domain name"),
        ];

        PlaygroundFilesSetup.FetchNote(tail).Should().Be(
            " The files fetch said: the app's files were not fetched (curl: (28) Operation timed out); the site starts without them.");
        PlaygroundFilesSetup.FetchNote(tail[1..]).Should().BeEmpty();
    }

    private static async Task<(PlaygroundFilesSetup Setup, List<LogEntry> Lines)> SetupAsync(string? dockerfile, long bytes)
    {
        var sink = new Lines();
        PlaygroundFilesSetup setup;
        using (Log.AddFlowSink(sink))
        {
            setup = await PlaygroundFilesSetup.ForAsync(new FilesInBucket(bytes), new NamedPlatform("aws"), "shop", Profile(dockerfile), CancellationToken.None);
        }

        return (setup, sink.Entries);
    }

    private static AppProfile Profile(string? dockerfile) => new()
    {
        Php = "8.2",
        PhpSource = "test",
        Docroot = "web",
        Drupal = DrupalKind.None,
        Readiness = new ReadinessCheck("/", [200], null, null),
        Writable = [],
        AnalysisExclude = [],
        Files = "web/sites/default/files",
        Dockerfile = dockerfile,
    };

    private sealed class Lines : ILogSink
    {
        public List<LogEntry> Entries { get; } = [];

        public void Write(LogEntry entry) => Entries.Add(entry);
    }

    private sealed class FilesInBucket(long bytes) : IAppFiles
    {
        public bool HandsOutUrls => true;

        public Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<FilesUrl?> SnapshotUrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken) =>
            Task.FromResult<FilesUrl?>(new FilesUrl(Url, bytes));
    }
}
