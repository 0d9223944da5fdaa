using Slipway.Service.Execution;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Tests.Execution;

public sealed class PipelineExecutionTests
{
    private static readonly QueuedRun Run = new("3", 3, new RunRequest("PullRequest", "site", null, "feature/login"), RunState.Running, DateTimeOffset.UtcNow);

    [Fact]
    public void Supersede_SignalsSupersededFirstThenCancels()
    {
        using var execution = new PipelineExecution(Run, CancellationToken.None);
        var cancelledWhenTold = true;
        execution.Superseded.Register(() => cancelledWhenTold = execution.Cancellation.IsCancellationRequested);

        execution.Supersede("4");

        cancelledWhenTold.Should().BeFalse();
        execution.Cancellation.IsCancellationRequested.Should().BeTrue();
        execution.SupersededBy.Should().Be("4");
        execution.IsCancelledByUser.Should().BeFalse();
    }

    [Fact]
    public void CancelByUser_CancelsWithoutSupersession()
    {
        using var execution = new PipelineExecution(Run, CancellationToken.None);

        execution.CancelByUser();

        execution.Cancellation.IsCancellationRequested.Should().BeTrue();
        execution.Superseded.IsCancellationRequested.Should().BeFalse();
        execution.IsCancelledByUser.Should().BeTrue();
    }

    [Fact]
    public void ServiceStopping_CancelsTheRun()
    {
        using var stopping = new CancellationTokenSource();
        using var execution = new PipelineExecution(Run, stopping.Token);

        stopping.Cancel();

        execution.Cancellation.IsCancellationRequested.Should().BeTrue();
        execution.IsSuperseded.Should().BeFalse();
    }
}
