namespace Slipway.Service.Execution;

/// <summary>
/// Runs one queued run's pipeline inside the service's process. The build hands the service one that runs its
/// own targets (the same code as <c>build.sh</c>); tests hand it trivial ones. The service captures the log
/// lines written while it runs (<c>Log.AddFlowSink</c>), so an executor only writes to the build log.
/// </summary>
public interface IPipelineExecutor
{
    /// <summary>Runs the pipeline the run asks for and returns its exit code (0 success, 130 cancelled, else failed: 3 when the run went to its end with red checks, 1 when it broke).</summary>
    /// <remarks>
    /// Report the pipeline's own run id with <see cref="PipelineExecution.ReportPipelineRun"/> as soon as it exists:
    /// after a crash it is how the run's resources are found. Stop when <see cref="PipelineExecution.Cancellation"/> fires.
    /// </remarks>
    Task<int> ExecuteAsync(PipelineExecution execution);
}
