using Slipway.Pipeline.Commands;
using Slipway.Pipeline.Running;
using Slipway.Status;

/// <summary>The service's commands, cron and dumps: typed requests run by the serving build's own code, beside the pipelines.</summary>
partial class Targets
{
    /// <summary>
    /// The entry the service runs its runs through: Run, Cron, DumpDatabase and SyncFiles here (a command against a branch's
    /// environment, the app's cron, the nightly dump and files sync), every pipeline by the pipeline runner.
    /// </summary>
    sealed class OperationsRunner(IPipelineRunner pipelines, Targets serving) : IPipelineRunner
    {
        public async Task<RunFinished> RunAsync(
            PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
        {
            if (request.Pipeline is not (PipelineNames.Run or PipelineNames.Cron or PipelineNames.DumpDatabase or PipelineNames.SyncFiles))
            {
                return await pipelines.RunAsync(request, events, cancellation, superseded);
            }

            RunFinished finished;
            try
            {
                finished = request.Pipeline switch
                {
                    PipelineNames.DumpDatabase => new RunFinished(RunState.Succeeded, await serving.DumpDatabaseForAsync(request.AppName ?? serving.AppName, cancellation)),
                    PipelineNames.SyncFiles => new RunFinished(RunState.Succeeded, await serving.SyncFilesForAsync(request.AppName ?? serving.AppName, cancellation)),
                    _ => await serving.RunCommandForServiceAsync(request, events, cancellation),
                };
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                finished = new RunFinished(RunState.Cancelled, "cancelled");
            }
            catch (Exception exception) when (exception is CommandException or BuildFailedException)
            {
                Log.Error(exception.Message);
                finished = new RunFinished(RunState.Failed, exception.Message);
            }

            await events(finished);
            return finished;
        }
    }

    /// <summary>A queued Run or Cron: the words the page checked, or the app's cron; its output is the run's log.</summary>
    async Task<RunFinished> RunCommandForServiceAsync(PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation)
    {
        var settings = request.Apply(PipelineSettings);
        var session = new CommandSession(Composition.Services, BranchAppEnvironmentAsync);
        var command = request.Pipeline == PipelineNames.Cron ? session.CronOf(settings) : CommandWords.Of(request.Command ?? []);
        var outcome = await session.RunAsync(
            new CommandRequest(settings, command, request.Pipeline == PipelineNames.Cron ? CommandPurpose.Cron : CommandPurpose.OneOff),
            cancellation,
            runId => events(new RunStarted(runId, null)));
        return new RunFinished(outcome.Succeeded ? RunState.Succeeded : RunState.Failed, $"{command}: {outcome}");
    }

    /// <summary>The nightly dump the service queues: the same work as the DumpDatabase target, for the app the schedule names.</summary>
    async Task<string> DumpDatabaseForAsync(string app, CancellationToken cancellationToken)
    {
        var url = SourceDatabaseUrlFile is null ? SourceDatabaseUrl
            : (await File.ReadAllTextAsync(SourceDatabaseUrlFile, cancellationToken)).Trim();
        if (url is null)
        {
            throw new BuildFailedException("No source database is configured for the dump: give SOURCE_DATABASE_URL or --source-database-url-file to Serve.");
        }

        var stored = await DataStep(() => Data.Dumper.DumpAsync(app, Slipway.Data.Servers.DatabaseUrl.Parse(url, "The source database URL"), DumpsKept, cancellationToken));
        Log.Information($"Dump stored at {Data.Store.Location}/{stored.Key}.");
        return $"{Data.Store.Location}/{stored.Key}";
    }
}
