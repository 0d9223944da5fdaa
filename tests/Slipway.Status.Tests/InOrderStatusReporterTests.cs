using Slipway.Status.Ordering;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class InOrderStatusReporterTests
{
    [Fact]
    public async Task OlderSnapshotAfterANewerOne_IsDropped()
    {
        var recorder = new Recorder();
        var composite = new CompositeStatusReporter([recorder], _ => { });
        var run = new PullRequestRun();
        var newer = run.After(5) with { Sequence = 5 };
        var older = run.After(4) with { Sequence = 4 };

        await composite.RunStartedAsync(run.First with { Sequence = 1 }, CancellationToken.None);
        await composite.StageChangedAsync(newer, CancellationToken.None);
        await composite.StageChangedAsync(older, CancellationToken.None);
        await composite.RunFinishedAsync(run.Final with { Sequence = 6 }, CancellationToken.None);

        recorder.Handled.Should().Equal(1, 5, 6);
    }

    [Fact]
    public async Task SecondSnapshot_WaitsUntilTheReporterHasHandledTheFirst()
    {
        var recorder = new Recorder { HoldFirstCall = true };
        var reporter = new InOrderStatusReporter(recorder);
        var run = new PullRequestRun();

        var first = reporter.StageChangedAsync(run.After(2) with { Sequence = 2 }, CancellationToken.None);
        await recorder.FirstCallStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var second = reporter.StageChangedAsync(run.After(3) with { Sequence = 3 }, CancellationToken.None);

        second.IsCompleted.Should().BeFalse("the reporter is still posting the earlier snapshot");
        recorder.ReleaseFirstCall();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));
        recorder.Handled.Should().Equal(2, 3);
    }

    [Fact]
    public async Task UnnumberedSnapshots_AreAllHandled()
    {
        var recorder = new Recorder();
        var run = new PullRequestRun();

        await run.PlayAsync(new CompositeStatusReporter([recorder], _ => { }));

        recorder.Handled.Should().HaveCount(run.StepCount);
    }

    private sealed class Recorder : IRunStatusReporter
    {
        private readonly TaskCompletionSource _firstCallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _releaseFirstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly List<long> _handled = [];

        public bool HoldFirstCall { get; init; }

        public Task FirstCallStarted => _firstCallStarted.Task;

        public IReadOnlyList<long> Handled
        {
            get
            {
                lock (_gate)
                {
                    return [.. _handled];
                }
            }
        }

        public void ReleaseFirstCall() => _releaseFirstCall.TrySetResult();

        public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => HandleAsync(status);

        public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => HandleAsync(status);

        public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken) => HandleAsync(status);

        private async Task HandleAsync(RunStatus status)
        {
            if (HoldFirstCall && _firstCallStarted.TrySetResult())
            {
                await _releaseFirstCall.Task;
            }

            lock (_gate)
            {
                _handled.Add(status.Sequence);
            }
        }
    }
}
