using Slipway.Git.Checkout;
using System.Text.RegularExpressions;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.State;
using Slipway.Pipeline.Tests.Deploy;

namespace Slipway.Pipeline.Tests.Playground;

/// <summary>
/// An app that asks for unguessable host names gets its playground at &lt;name&gt;-&lt;random&gt;.localhost: the same address
/// on every run of the branch, a new one once the playground was torn down. Real playground containers on the local engine.
/// </summary>
public sealed class UnguessableHostTests : IAsyncLifetime
{
    private const string Image = "slipway-base/php-apache:8.2";
    private const string Branch = "feature/demo";
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-unguessable-").FullName;
    private readonly string _app = "ug-test-" + Guid.NewGuid().ToString("N")[..6];
    private readonly DockerClient _docker = new(DockerEndpoint.FromEnvironment());
    private SqliteRunStore _store = null!;
    private DockerPlatform _platform = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteRunStore(Path.Combine(_folder, "slipway.db"));
        _platform = new DockerPlatform(_docker, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await new TeardownStage(_platform, _store).RunAsync(_app, branch: null, CancellationToken.None);
        _docker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Playground_OfAnAppAskingForUnguessableHosts_KeepsOneRandomHostUntilTornDown_ThenGetsANewOne()
    {
        var first = await StartPlaygroundAsync(unguessable: true);
        var again = await StartPlaygroundAsync(unguessable: true);
        var name = new RunIdentity(_app, Branch).Name;

        first.Host.Should().MatchRegex($"^{Regex.Escape(name)}-[a-z0-9]{{10}}\\.localhost$");
        again.Host.Should().Be(first.Host, "a later run of the branch serves at the address already shown on the page, in Slack and on the pull request");
        (await _store.ListPlaygroundsAsync(CancellationToken.None)).Should().ContainSingle(playground => playground.App == _app)
            .Which.Url.Should().Be(again.ToString());

        await new TeardownStage(_platform, _store).RunAsync(_app, Branch, CancellationToken.None);
        var afterTeardown = await StartPlaygroundAsync(unguessable: true);

        afterTeardown.Host.Should().MatchRegex($"^{Regex.Escape(name)}-[a-z0-9]{{10}}\\.localhost$");
        afterTeardown.Host.Should().NotBe(first.Host, "an address that was given out once is not given out again after teardown");
    }

    [Fact]
    public async Task Playground_OfAnAppThatDoesNotAsk_IsServedAtTheRunsName()
    {
        var url = await StartPlaygroundAsync(unguessable: false);

        url.Host.Should().Be($"{new RunIdentity(_app, Branch).Name}.localhost");
    }

    private async Task<Uri> StartPlaygroundAsync(bool unguessable)
    {
        var tracker = new StageTracker(_store, new RecordingReporter(), TimeProvider.System);
        var settings = new PipelineSettings(_folder, _folder, _folder, Branch) { PlaygroundTimeout = TimeSpan.FromMinutes(3) };
        var run = new RunContext("r-" + Guid.NewGuid().ToString("N")[..8], "Playground", settings, _app, tracker);
        var built = new BuiltApp(
            new CheckoutResult(new string('a', 40), IsCommit: true, Branch, RemoteUrl: null, _folder),
            // Slipway's Apache base with nothing deployed: any answer of Apache's shows it serves.
            new AppProfile
            {
                Php = "8.2",
                PhpSource = "test",
                Docroot = ".",
                Drupal = DrupalKind.None,
                Readiness = new ReadinessCheck("/", [200, 403, 404], null, null),
                Writable = [],
                AnalysisExclude = [],
                Access = new PlaygroundAccess(UnguessableHost: unguessable),
            },
            Image,
            Image,
            Image,
            BranchDatabaseAccess.None,
            new Lazy<Task<BuiltImage>>(() => throw new InvalidOperationException("A playground runs no tests image.")));
        var services = new PipelineServices(
            _platform, _platform, null!, null!, null!, null!, _store, new RecordingReporter(), new PlaygroundProbe(), null!, TimeProvider.System);
        return await new PlaygroundStage(services).RunAsync(run, built, CancellationToken.None);
    }
}
