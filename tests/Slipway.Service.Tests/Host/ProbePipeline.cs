using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Service.Tests.Host;

/// <summary>
/// Runs each queued run as the probe build's Work target, in-process through <see cref="InProcessBuild"/>: a real build
/// through the engine, without Docker. A run is known by its branch (each of the test's runs has its own).
/// </summary>
public sealed class ProbePipeline(string root, Journal journal, int workMilliseconds) : IPipelineRunner
{
    /// <summary>The label the run's resources would carry: the cleaner is told it after a crash.</summary>
    public static string LabelOf(string branch) => "probe-" + branch.Replace('/', '-');

    public async Task<RunFinished> RunAsync(
        PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
    {
        var branch = request.Branch ?? "none";
        await events(new RunStarted(LabelOf(branch), null));
        var exitCode = await InProcessBuild.RunAsync(
            () => new ProbeBuild(journal, branch, workMilliseconds),
            ["Work", "--root", root],
            new InProcessBuildOptions { WorkingDirectory = root },
            cancellation);
        return new RunFinished(
            exitCode == ExitCodes.Success ? RunState.Succeeded : exitCode == ExitCodes.Cancelled ? RunState.Cancelled : RunState.Failed, "");
    }
}

/// <summary>Runs that hold their slot until the service stops: the dispatcher stays out of the way of a webhook benchmark.</summary>
public sealed class HoldingPipeline : IPipelineRunner
{
    public async Task<RunFinished> RunAsync(
        PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }
        catch (OperationCanceledException)
        {
            // Stopped with the service.
        }

        return new RunFinished(RunState.Cancelled, "");
    }
}
