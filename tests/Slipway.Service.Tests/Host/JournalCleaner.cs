using Slipway.Service.Execution;
using Slipway.Service.Queue;

namespace Slipway.Service.Tests.Host;

/// <summary>Notes each interrupted run it is asked to clean up after, with the pipeline run id its resources would carry.</summary>
public sealed class JournalCleaner(Journal journal) : IRunResourceCleaner
{
    public Task<int> CleanAsync(QueuedRun run, CancellationToken cancellationToken)
    {
        journal.Write($"clean {run.Request.Branch} {run.PipelineRunId ?? "-"}");
        return Task.FromResult(0);
    }
}
