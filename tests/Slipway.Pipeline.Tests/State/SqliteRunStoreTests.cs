using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.State;

public sealed class SqliteRunStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Database => Path.Combine(_folder, "slipway.db");

    [Fact]
    public async Task SaveRunAsync_ThenUpdated_IsReadBackWithItsLatestStateFromANewStore()
    {
        var store = new SqliteRunStore(Database);
        await store.SaveRunAsync(new RunRecord("r1", "PullRequest", "site", "demo", null, RunState.Queued, Noon), default);
        await store.SaveRunAsync(
            new RunRecord("r1", "PullRequest", "site", "demo", "abc1234", RunState.Succeeded, Noon, Noon, Noon.AddMinutes(2), "all good"),
            default);

        var run = await new SqliteRunStore(Database).FindRunAsync("r1", default);

        run.Should().Be(new RunRecord("r1", "PullRequest", "site", "demo", "abc1234", RunState.Succeeded, Noon, Noon, Noon.AddMinutes(2), "all good"));
    }

    [Fact]
    public async Task ListRunsAsync_ReturnsTheNewestFirstUpToTheLimit()
    {
        var store = new SqliteRunStore(Database);
        for (var i = 0; i < 5; i++)
        {
            await store.SaveRunAsync(new RunRecord($"r{i}", "Build", "site", "demo", null, RunState.Queued, Noon.AddMinutes(i)), default);
        }

        var runs = await store.ListRunsAsync(3, default);

        runs.Select(run => run.Id).Should().Equal("r4", "r3", "r2");
    }

    [Fact]
    public async Task SaveStageAsync_KeepsOneRowPerStageInTheOrderTheyStarted()
    {
        var store = new SqliteRunStore(Database);
        await store.SaveStageAsync(new StageRecord("r1", "build", StageState.Running, Noon, null, null), default);
        await store.SaveStageAsync(new StageRecord("r1", "test", StageState.Running, Noon, null, null), default);
        await store.SaveStageAsync(new StageRecord("r1", "build", StageState.Succeeded, Noon, Noon.AddSeconds(30), "image"), default);

        var stages = await store.ListStagesAsync("r1", default);

        stages.Select(stage => (stage.Name, stage.State)).Should().Equal(("build", StageState.Succeeded), ("test", StageState.Running));
    }

    [Fact]
    public async Task Playgrounds_AreOnePerAppAndBranch_AndGoWhenRemoved()
    {
        var store = new SqliteRunStore(Database);
        await store.SavePlaygroundAsync(new PlaygroundRecord("site", "demo", "demo", "http://demo.localhost:1/", "c1", "img:1", "r1", "local", Noon), default);
        await store.SavePlaygroundAsync(new PlaygroundRecord("site", "demo", "demo", "http://demo.localhost:2/", "c2", "img:2", "r2", "local", Noon), default);
        await store.SavePlaygroundAsync(new PlaygroundRecord("site", "other", "other", "http://other.localhost:3/", "c3", "img:3", "r3", "local", Noon), default);

        await store.RemovePlaygroundAsync("site", "other", default);

        (await store.ListPlaygroundsAsync(default)).Should().ContainSingle()
            .Which.ResourceId.Should().Be("c2");
    }
}
