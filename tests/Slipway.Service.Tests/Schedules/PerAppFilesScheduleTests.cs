using Microsoft.Extensions.DependencyInjection;
using Slipway.Data.Files;
using Slipway.Engine.Parameters;
using Slipway.Pipeline.Running;
using Slipway.Service.Schedules;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Schedules;

/// <summary>
/// A service that serves several apps syncs each app's files from that app's own source (--files-source app=folder),
/// into that app's own place in the store; an app without a source gets no files sync.
/// </summary>
public sealed class PerAppFilesScheduleTests
{
    // Thursday 26 November 2026, 02:29 UTC: a minute before the files sync.
    private static readonly DateTimeOffset BeforeTheSync = new(2026, 11, 26, 2, 29, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoAppsWithSources_EachSyncTheirOwnFolderIntoTheirOwnStoreFolder_AndTheThirdAppHasNoFilesSync()
    {
        var folder = new TemporaryFolder();
        foreach (var app in new[] { "shop", "blog" })
        {
            Directory.CreateDirectory(folder.Combine(app));
        }

        Write(folder.Combine("files", "site", "logo.png"), "site's logo");
        Write(folder.Combine("files", "shop", "banners", "sale.jpg"), "shop's banner");
        var entries = KeyedEntries.Read(["site=files/site", "shop=files/shop"], FilesSources.Flag, "app=folder", "shop=/mnt/shop");
        var sources = FilesSources.From(entries, folder.Path);
        var store = new LocalFileStore(folder.Combine("store"));
        var clock = new FakeClock(BeforeTheSync);
        await using var service = await ServiceUnderTest.StartAsync(
            options => options with
            {
                AppCronSchedule = ScheduleRegistrations.Off,
                FilesSchedule = "0 30 2 ? * *",
                FilesSources = sources.Locations,
                Apps = new Dictionary<string, string>(options.Apps) { ["acme/shop"] = folder.Combine("shop"), ["acme/blog"] = folder.Combine("blog") },
            },
            clock,
            folder: folder);
        service.Pipeline.Inner = new FilesSyncRunner(new FilesSync(sources, store, mirror: null));
        var book = service.Host.Services.GetRequiredService<ScheduleBook>();
        await clock.WaitForTimersAsync(2, TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromMinutes(1));
        var runs = await service.WaitForRunsAsync(2, TimeSpan.FromMinutes(1));
        foreach (var run in runs)
        {
            var done = await service.WaitForRunAsync(run.Id, finished => finished.FinishedAt is not null);
            done.State.Should().Be(RunState.Succeeded, done.Summary);
        }

        book.Runners.Select(runner => runner.JobName).Where(name => name.StartsWith("Files sync", StringComparison.Ordinal)).Should().BeEquivalentTo(
            $"Files sync of shop from {folder.Combine("files", "shop")}", $"Files sync of site from {folder.Combine("files", "site")}");
        runs.Select(run => (run.Request.Pipeline, run.Request.AppName)).Should().BeEquivalentTo(
            new[] { (PipelineNames.SyncFiles, "shop"), (PipelineNames.SyncFiles, "site") });
        Files(folder.Combine("store", "site")).Should().Equal("logo.png");
        Files(folder.Combine("store", "shop")).Should().Equal(Path.Combine("banners", "sale.jpg"));
        Directory.Exists(folder.Combine("store", "blog")).Should().BeFalse();
        var page = await service.Client.GetStringAsync("/schedules");
        page.Should().Contain($"Files sync of shop from {folder.Combine("files", "shop")}").And.Contain($"Files sync of site from {folder.Combine("files", "site")}")
            .And.NotContain("Files sync of blog");
    }

    [Fact]
    public async Task AFilesSourceForAnAppTheServiceDoesNotServe_StopsTheServiceWithOneSentence()
    {
        var start = () => ServiceUnderTest.StartAsync(options => options with
        {
            FilesSchedule = "0 30 2 ? * *",
            FilesSources = new Dictionary<string, string> { ["shopp"] = "/mnt/shop" },
        });

        (await start.Should().ThrowAsync<ServiceSettingsException>()).Which.Message
            .Should().Be("--files-source names the app 'shopp', which the service does not serve (it serves site): fix the name before '='.");
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(folder, path));

    /// <summary>The queued SyncFiles runs, done as the serving build does them: the app's own source into the store.</summary>
    private sealed class FilesSyncRunner(FilesSync sync) : IPipelineRunner
    {
        public async Task<RunFinished> RunAsync(
            PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
        {
            var report = await sync.SyncAsync(request.AppName!, cancellation);
            var finished = new RunFinished(RunState.Succeeded, report.ToString());
            await events(finished);
            return finished;
        }
    }
}
