using Slipway.Service.Hosting;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Schedules;

/// <summary>
/// Queues one of the app's nightly data runs (docs/data.md): the sanitized database dump (<c>DumpDatabase</c>) when the
/// service was given a source database, the public files sync (<c>SyncFiles</c>) when it was given a files source.
/// </summary>
/// <param name="from">Where the job's data comes from, when the page should say it (the app's files source).</param>
public sealed class NightlyDataJob(string pipeline, string title, string app, string? source, RunQueue queue, ServiceLog log, string? from = null) : IAppJob
{
    public string AppName => app;

    public string Pipeline => pipeline;

    public string Name => from is null ? $"{title} of {app}" : $"{title} of {app} from {from}";

    /// <summary>The nightly sanitized database dump.</summary>
    public static NightlyDataJob Dump(string app, string? source, RunQueue queue, ServiceLog log) =>
        new(PipelineNames.DumpDatabase, "Database dump", app, source, queue, log);

    /// <summary>The nightly copy of the app's public files, from its own files source (<paramref name="from"/>), into the store.</summary>
    public static NightlyDataJob Files(string app, string? source, string from, RunQueue queue, ServiceLog log) =>
        new(PipelineNames.SyncFiles, "Files sync", app, source, queue, log, from);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The dump and the files are the app's, not a branch's: they are queued under the name they are kept by.
        await queue.EnqueueAsync(new RunRequest(pipeline, app, source, "develop", Trigger: RunTriggers.Schedule), cancellationToken);
        log.Information($"{Name}: queued.");
    }
}
