using Slipway.Status;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;

namespace Slipway.Service.Schedules;

/// <summary>Queues the app's sanitized database dump (<c>DumpDatabase</c>; docs/data.md) when the service was given a source database.</summary>
public sealed class NightlyDumpJob(string app, string? source, RunQueue queue, ServiceLog log) : IAppJob
{
    public string AppName => app;

    public string Pipeline => PipelineNames.DumpDatabase;

    public string Name => $"Database dump of {app}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The dump is the app's, not a branch's: it is queued under the name the dumps are kept by.
        await queue.EnqueueAsync(new RunRequest(PipelineNames.DumpDatabase, app, source, "develop", Trigger: RunTriggers.Schedule), cancellationToken);
        log.Information($"{Name}: queued.");
    }
}
