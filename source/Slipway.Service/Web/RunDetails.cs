using Slipway.Pipeline.State;
using Slipway.Service.Queue;

namespace Slipway.Service.Web;

/// <summary>Everything the run page and <c>GET /api/runs/{id}</c> show of one run.</summary>
public sealed record RunDetails(
    QueuedRun Run,
    IReadOnlyList<StageRecord> Stages,
    IReadOnlyList<RunLogLine> LogTail,
    IReadOnlyList<RunEvent> Events,
    PlaygroundRecord? Playground,
    RunReportSummary? Report)
{
    public const int LogTailLines = 300;

    /// <summary>Gathers the run's details from the queue and the pipeline's store; null for an unknown run.</summary>
    public static async Task<RunDetails?> LoadAsync(string id, IRunQueueStore queue, IRunStore pipeline, CancellationToken cancellationToken)
    {
        var run = await queue.FindAsync(id, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var stages = run.PipelineRunId is { } pipelineRunId ? await pipeline.ListStagesAsync(pipelineRunId, cancellationToken) : [];
        var playground = run.PipelineRunId is null
            ? null
            : (await pipeline.ListPlaygroundsAsync(cancellationToken)).FirstOrDefault(candidate => candidate.RunId == run.PipelineRunId);
        return new RunDetails(
            run,
            stages,
            await queue.ReadLogAsync(id, 0, LogTailLines, tail: true, cancellationToken),
            await queue.ListEventsAsync(id, cancellationToken),
            playground,
            RunReportSummary.Read(run.ReportFolder));
    }
}
