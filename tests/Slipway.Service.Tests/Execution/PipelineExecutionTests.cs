using Slipway.Service.Execution;
using Slipway.Service.Queue;

namespace Slipway.Service.Tests.Execution;

public sealed class PipelineExecutionTests
{
    private static readonly QueuedRun Run = new("3", 3, new RunRequest("PullRequest", "site", null, "feature/login"), QueuedRunState.Running, DateTimeOffset.UtcNow);

    [Fact]
    public void Supersede_TellsTheCallbacksFirstThenCancels()
    {
        using var execution = new PipelineExecution(Run, CancellationToken.None, (_, _) => { });
        var cancelledWhenTold = true;
        execution.OnSuperseded(() => cancelledWhenTold = execution.Cancellation.IsCancellationRequested);

        execution.Supersede("4");

        cancelledWhenTold.Should().BeFalse();
        execution.Cancellation.IsCancellationRequested.Should().BeTrue();
        execution.SupersededBy.Should().Be("4");
        execution.IsCancelledByUser.Should().BeFalse();
    }

    [Fact]
    public void OnSuperseded_AfterTheFact_IsCalledAtOnce()
    {
        using var execution = new PipelineExecution(Run, CancellationToken.None, (_, _) => { });
        execution.Supersede("4");
        var told = false;

        execution.OnSuperseded(() => told = true);

        told.Should().BeTrue();
    }

    [Fact]
    public void ReportPipelineRun_PassesTheIdOnOnce()
    {
        var reported = new List<string>();
        using var execution = new PipelineExecution(Run, CancellationToken.None, (id, _) => reported.Add(id));

        execution.ReportPipelineRun("20261120-090000-abcd", null);
        execution.ReportPipelineRun("20261120-090000-abcd", null);

        reported.Should().Equal("20261120-090000-abcd");
        execution.PipelineRunId.Should().Be("20261120-090000-abcd");
    }

    [Fact]
    public void ServiceStopping_CancelsTheRun()
    {
        using var stopping = new CancellationTokenSource();
        using var execution = new PipelineExecution(Run, stopping.Token, (_, _) => { });

        stopping.Cancel();

        execution.Cancellation.IsCancellationRequested.Should().BeTrue();
        execution.IsSuperseded.Should().BeFalse();
    }
}
