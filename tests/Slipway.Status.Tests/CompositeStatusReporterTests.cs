using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class CompositeStatusReporterTests
{
    [Fact]
    public async Task FailingReporter_IsWarnedAboutOncePerRunAndTheOthersGetEveryCall()
    {
        var warnings = new List<string>();
        var output = new StringWriter();
        var composite = new CompositeStatusReporter([new BrokenReporter(), new ConsoleStatusReporter(output)], warnings.Add);

        await new PullRequestRun("run-1").PlayAsync(composite);
        await new PullRequestRun("run-2").PlayAsync(composite);

        warnings.Should().HaveCount(2);
        warnings[0].Should().Be(
            "Broken status for run run-1 was not updated: the service is down. " +
            "The run goes on; further Broken problems in this run are not repeated.");
        warnings[1].Should().Contain("run run-2");
        output.ToString().Should().Contain("Run run-1:").And.Contain("Run run-2:").And.Contain("+3 more");
    }

    [Fact]
    public async Task FailingReporter_IsStillCalledSoItCanCatchUp()
    {
        var broken = new BrokenReporter();
        var composite = new CompositeStatusReporter([broken], _ => { });
        var run = new PullRequestRun();

        await run.PlayAsync(composite);

        broken.Calls.Should().Be(run.StepCount);
    }

    [Fact]
    public async Task CallerCancels_TheCancellationReachesTheCaller()
    {
        var warnings = new List<string>();
        var composite = new CompositeStatusReporter([new WaitingReporter()], warnings.Add);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var start = () => composite.RunStartedAsync(new PullRequestRun().First, cancellation.Token);

        await start.Should().ThrowAsync<OperationCanceledException>();
        warnings.Should().BeEmpty("a cancelled run is not a reporter failure");
    }

    private sealed class BrokenReporter : IRunStatusReporter
    {
        public int Calls { get; private set; }

        public string Name => "Broken";

        public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => Fail();

        public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => Fail();

        public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken) => Fail();

        private Task Fail()
        {
            Calls++;
            throw new StatusReportingException("the service is down.");
        }
    }

    private sealed class WaitingReporter : IRunStatusReporter
    {
        public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
