using Slipway.Service.Queue;
using Slipway.Service.Queue.Sqlite;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Queue;

/// <summary>Start-up after a crash, in-process: what the store shows as running is cleaned up and dealt with before anything starts.</summary>
public sealed class RecoveryTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunsLeftRunning_AreCleanedAndRunAgainOnceUnlessSupersededOrAlreadyRequeued()
    {
        var folder = new TemporaryFolder();
        var database = folder.Combine(".nuke", "temp", "slipway.db");
        string cutOff, replaced, replacement, twice;
        await using (var before = new SqliteRunQueueStore(database))
        {
            cutOff = await ClaimAsync(before, "feature/a");
            await before.SetPipelineRunAsync(cutOff, "20261120-090000-aaaa", null, CancellationToken.None);
            replaced = await ClaimAsync(before, "feature/b");
            replacement = (await before.EnqueueAsync(new RunRequest(PipelineNames.PullRequest, "site", null, "feature/b"), Then, CancellationToken.None)).Run.Id;
            twice = await ClaimAsync(before, "feature/c");
            await before.InterruptAsync(twice, "first crash", Then, CancellationToken.None);
            await before.ClaimNextAsync(Then, CancellationToken.None);
        }

        await using var service = await ServiceUnderTest.StartAsync(folder: folder);

        (await service.WaitForStateAsync(cutOff, RunState.Succeeded)).Attempts.Should().Be(2);
        (await service.Queue.FindAsync(replaced, CancellationToken.None))!.State.Should().Be(RunState.Superseded);
        await service.WaitForStateAsync(replacement, RunState.Succeeded);
        (await service.Queue.FindAsync(twice, CancellationToken.None))!.State.Should().Be(RunState.Interrupted);
        service.Cleaner.Cleaned.Select(run => (run.Id, run.PipelineRunId)).Should().BeEquivalentTo(
            [(cutOff, "20261120-090000-aaaa"), (replaced, (string?)null), (twice, (string?)null)]);
        service.Pipeline.Runs.Select(execution => execution.Request.Branch).Should().BeEquivalentTo(["feature/a", "feature/b"], "the cut-off run and the replacement ran again");
    }

    private static async Task<string> ClaimAsync(SqliteRunQueueStore store, string branch)
    {
        var id = (await store.EnqueueAsync(new RunRequest(PipelineNames.PullRequest, "site", null, branch), Then, CancellationToken.None)).Run.Id;
        (await store.ClaimNextAsync(Then, CancellationToken.None))!.Id.Should().Be(id);
        return id;
    }
}
