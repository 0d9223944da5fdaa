using Slipway.Service.Queue;
using Slipway.Service.Queue.Sqlite;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Queue;

public sealed class SqliteRunQueueStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly TemporaryFolder _folder = new();
    private SqliteRunQueueStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteRunQueueStore(_folder.Combine("slipway.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ClaimNext_TakesTheOldestQueuedRunAndMarksItRunning()
    {
        var first = await EnqueueAsync("feature/a");
        await EnqueueAsync("feature/b");

        var claimed = await _store.ClaimNextAsync(Now, CancellationToken.None);

        claimed!.Id.Should().Be(first.Id);
        claimed.State.Should().Be(RunState.Running);
        claimed.Attempts.Should().Be(1);
        (await _store.FindAsync(first.Id, CancellationToken.None))!.State.Should().Be(RunState.Running);
    }

    [Fact]
    public async Task ClaimNext_LeavesABranchAloneWhileOneOfItsRunsIsRunning()
    {
        await EnqueueAsync("feature/a", PipelineNames.Approved);
        await EnqueueAsync("feature/a", PipelineNames.Approved);
        var other = await EnqueueAsync("feature/b");

        await _store.ClaimNextAsync(Now, CancellationToken.None);
        var second = await _store.ClaimNextAsync(Now, CancellationToken.None);
        var third = await _store.ClaimNextAsync(Now, CancellationToken.None);

        second!.Id.Should().Be(other.Id);
        third.Should().BeNull();
    }

    [Fact]
    public async Task Finish_CountsOnlyForTheClaimItIsGiven()
    {
        var run = await EnqueueAsync("feature/a");
        var claimed = await _store.ClaimNextAsync(Now, CancellationToken.None);

        (await _store.FinishAsync(run.Id, claimed!.Attempts + 1, RunState.Succeeded, 0, null, Now, CancellationToken.None)).Should().BeFalse();
        (await _store.FinishAsync(run.Id, claimed.Attempts, RunState.Succeeded, 0, "ok", Now, CancellationToken.None)).Should().BeTrue();
        (await _store.FinishAsync(run.Id, claimed.Attempts, RunState.Failed, 1, "again", Now, CancellationToken.None)).Should().BeFalse();

        var finished = await _store.FindAsync(run.Id, CancellationToken.None);
        finished!.State.Should().Be(RunState.Succeeded);
        finished.Summary.Should().Be("ok");
        (await _store.ListEventsAsync(run.Id, CancellationToken.None)).Count(entry => entry.Kind == RunEventKinds.Finished).Should().Be(1);
    }

    [Fact]
    public async Task Interrupt_QueuesTheRunAgainOnceThenEndsItInterrupted()
    {
        var run = await EnqueueAsync("feature/a");
        await _store.ClaimNextAsync(Now, CancellationToken.None);
        await _store.SetPipelineRunAsync(run.Id, "20261120-090000-abcd", null, CancellationToken.None);

        (await _store.InterruptAsync(run.Id, "crash", Now, CancellationToken.None)).Should().Be(RunState.Queued);
        var requeued = await _store.FindAsync(run.Id, CancellationToken.None);
        requeued!.Requeued.Should().BeTrue();
        requeued.PipelineRunId.Should().BeNull("the next attempt starts a pipeline run of its own");

        await _store.ClaimNextAsync(Now, CancellationToken.None);
        (await _store.InterruptAsync(run.Id, "crash again", Now, CancellationToken.None)).Should().Be(RunState.Interrupted);
        (await _store.ClaimNextAsync(Now, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task NewerPullRequestOfTheBranch_MarksTheRunningOneAndSupersedesTheQueuedOne()
    {
        var running = await EnqueueAsync("feature/a");
        await _store.ClaimNextAsync(Now, CancellationToken.None);
        var otherBranch = await EnqueueAsync("feature/b");
        var approved = await EnqueueAsync("feature/a", PipelineNames.Approved);

        var second = await _store.EnqueueAsync(Request("feature/a"), Now, CancellationToken.None);
        var third = await _store.EnqueueAsync(Request("feature/a"), Now, CancellationToken.None);

        second.SupersededRunning.Should().Equal(running.Id);
        second.SupersededQueued.Should().BeEmpty();
        third.SupersededRunning.Should().BeEmpty("the running one was already replaced");
        third.SupersededQueued.Should().Equal(second.Run.Id);
        (await _store.FindAsync(second.Run.Id, CancellationToken.None))!.State.Should().Be(RunState.Superseded);
        (await _store.FindAsync(otherBranch.Id, CancellationToken.None))!.State.Should().Be(RunState.Queued);
        (await _store.FindAsync(approved.Id, CancellationToken.None))!.State.Should().Be(RunState.Queued, "an approval is not replaced by a push");

        await _store.FinishAsync(running.Id, 1, RunState.Cancelled, 130, null, Now, CancellationToken.None);
        var stopped = await _store.FindAsync(running.Id, CancellationToken.None);
        stopped!.State.Should().Be(RunState.Superseded);
        stopped.SupersededBy.Should().Be(second.Run.Id);
    }

    [Fact]
    public async Task SameDeliveryTwice_StoresOneRun()
    {
        var request = Request("feature/a") with { DeliveryId = "github:72d3162e-cc78-11e3-81ab-4c9367dc0958" };

        var first = await _store.EnqueueAsync(request, Now, CancellationToken.None);
        var second = await _store.EnqueueAsync(request, Now, CancellationToken.None);

        second.Duplicate.Should().BeTrue();
        second.Run.Id.Should().Be(first.Run.Id);
        (await _store.ListAsync(10, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task CancelQueued_EndsAQueuedRunButNotARunningOne()
    {
        var running = await EnqueueAsync("feature/a");
        await _store.ClaimNextAsync(Now, CancellationToken.None);
        var queued = await EnqueueAsync("feature/b");

        (await _store.CancelQueuedAsync(queued.Id, Now, CancellationToken.None)).Should().BeTrue();
        (await _store.CancelQueuedAsync(running.Id, Now, CancellationToken.None)).Should().BeFalse();
        (await _store.FindAsync(queued.Id, CancellationToken.None))!.State.Should().Be(RunState.Cancelled);
    }

    [Fact]
    public async Task Log_KeepsLinesInOrderAndGivesTheTail()
    {
        var run = await EnqueueAsync("feature/a");
        await _store.AppendLogAsync(run.Id, Lines(1, 3), CancellationToken.None);
        await _store.AppendLogAsync(run.Id, Lines(4, 5), CancellationToken.None);

        (await _store.ReadLogAsync(run.Id, 0, 100, tail: false, CancellationToken.None)).Select(line => line.Text)
            .Should().Equal("line 1", "line 2", "line 3", "line 4", "line 5");
        (await _store.ReadLogAsync(run.Id, 0, 2, tail: true, CancellationToken.None)).Select(line => (line.Sequence, line.Text))
            .Should().Equal((4, "line 4"), (5, "line 5"));
        (await _store.ReadLogAsync(run.Id, 3, 100, tail: false, CancellationToken.None)).Should().HaveCount(2);
    }

    [Fact]
    public async Task CountByState_CountsEveryState()
    {
        await EnqueueAsync("feature/a");
        await EnqueueAsync("feature/b");
        await _store.ClaimNextAsync(Now, CancellationToken.None);

        var counts = await _store.CountByStateAsync(CancellationToken.None);

        counts[RunState.Queued].Should().Be(1);
        counts[RunState.Running].Should().Be(1);
        counts[RunState.Succeeded].Should().Be(0);
    }

    [Fact]
    public async Task ManyWritesAtOnce_AreAllStored()
    {
        var writes = Enumerable.Range(0, 300).Select(index => _store.EnqueueAsync(Request($"load/{index}"), Now, CancellationToken.None));

        var results = await Task.WhenAll(writes);

        results.Select(result => result.Run.Id).Should().OnlyHaveUniqueItems();
        (await _store.CountByStateAsync(CancellationToken.None))[RunState.Queued].Should().Be(300);
    }

    [Fact]
    public async Task AFailingWrite_DoesNotUndoTheOthersOfItsBatch()
    {
        var writes = new List<Task>();
        for (var index = 0; index < 20; index++)
        {
            writes.Add(_store.EnqueueAsync(Request($"ok/{index}"), Now, CancellationToken.None));
            writes.Add(_store.AppendLogAsync("not-a-run-id", Lines(1, 1), CancellationToken.None));
        }

        var all = Task.WhenAll(writes);
        await FluentActions.Awaiting(() => all).Should().ThrowAsync<ArgumentException>();

        (await _store.CountByStateAsync(CancellationToken.None))[RunState.Queued].Should().Be(20);
    }

    private Task<QueuedRun> EnqueueAsync(string branch, string pipeline = PipelineNames.PullRequest) =>
        _store.EnqueueAsync(Request(branch, pipeline), Now, CancellationToken.None).ContinueWith(task => task.Result.Run);

    private static RunRequest Request(string branch, string pipeline = PipelineNames.PullRequest) =>
        new(pipeline, "site", "https://github.com/acme/site.git", branch);

    private static List<(DateTimeOffset, string, string?, string)> Lines(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(index => (Now, "information", (string?)"Build", $"line {index}")).ToList();
}
