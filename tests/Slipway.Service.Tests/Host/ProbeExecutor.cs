using Slipway.Engine;
using Slipway.Service.Execution;

namespace Slipway.Service.Tests.Host;

/// <summary>Runs each queued run as the probe build's Work target, in-process through <see cref="InProcessBuild"/>, like the Serve target runs Targets.</summary>
public sealed class ProbeExecutor(string root, Journal journal, int workMilliseconds) : IPipelineExecutor
{
    public Task<int> ExecuteAsync(PipelineExecution execution)
    {
        // Labels would carry this id; the cleaner is told it after a crash.
        execution.ReportPipelineRun($"probe-{execution.Run.Id}-{execution.Run.Attempts}", null);
        return InProcessBuild.RunAsync(
            () => new ProbeBuild(journal, execution.Run.Id, workMilliseconds),
            ["Work", "--root", root],
            new InProcessBuildOptions { WorkingDirectory = root },
            execution.Cancellation);
    }
}

/// <summary>Runs that hold their slot until the service stops: the dispatcher stays out of the way of a webhook benchmark.</summary>
public sealed class HoldingExecutor : IPipelineExecutor
{
    public async Task<int> ExecuteAsync(PipelineExecution execution)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, execution.Cancellation);
        }
        catch (OperationCanceledException)
        {
            // Stopped with the service.
        }

        return ExitCodes.Cancelled;
    }
}
