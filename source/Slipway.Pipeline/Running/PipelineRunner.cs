using Slipway.Engine;
using Slipway.Git.Releases;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Runs a whole pipeline for a request: Build, then what the pipeline adds (PullRequest: Test, Analyse and Playground in
/// parallel, red checks reported without stopping the others; Approved: Test that must pass, then Deploy), then the
/// report and the final status whatever happened. Teardown is <see cref="PipelineTeardown"/>.
/// </summary>
/// <param name="defaults">How runs are run (work folder, base images, timeouts); each request adds its app, branch and commit.</param>
/// <param name="databases">The branch databases, when a database server is configured.</param>
/// <param name="releases">The publisher of release images, asked for by Deploy only.</param>
public sealed class PipelineRunner(
    PipelineServices services, PipelineSettings defaults, IBranchDatabases? databases, Func<IReleaseImagePublisher> releases) : IPipelineRunner
{
    public async Task<RunFinished> RunAsync(
        PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
    {
        if (string.Equals(request.Pipeline, PipelineNames.Teardown, StringComparison.OrdinalIgnoreCase))
        {
            return await TearDownAsync(request, events, cancellation);
        }

        if (!PipelineNames.Builds(request.Pipeline))
        {
            throw new BuildFailedException(
                $"'{request.Pipeline}' is not a pipeline: ask for {PipelineNames.PullRequest}, {PipelineNames.Approved}, {PipelineNames.Playground} or {PipelineNames.Teardown}.");
        }

        var session = Open(request, events);
        // Before anything is created: the caller labels and finds the run's resources by this id.
        await events(new RunStarted(session.Run.RunId, session.RunFolder));
        // Synchronous up to its first await, so the status is marked before the cancellation that follows lands.
        using var onSuperseded = superseded.Register(() => _ = session.MarkSupersededAsync());
        string? failure = null;
        try
        {
            await RunStagesAsync(session, request, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.Warning("Cancelled.");
        }
        catch (Exception exception)
        {
            failure = exception.Message;
            Log.Error(failure);
        }

        return await FinishAsync(session, events, failure, cancellation.IsCancellationRequested);
    }

    /// <summary>A session for the request, for callers that drive the stages one by one (the command line's targets).</summary>
    public PipelineSession Open(PipelineRequest request, Func<PipelineEvent, Task>? events = null, IEnumerable<string>? pipelines = null) =>
        new(services, request.Apply(defaults), request.Pipeline, PipelineNames.StagesOf(pipelines ?? [request.Pipeline]), events)
        {
            RepositoryUrl = request.RepositoryUrl,
        };

    /// <summary>
    /// The branch's own database for the run, when there are branch databases: made before the build's hooks run;
    /// what the app gets for it (plain settings and secrets) is handed to the build and, through it, to every later stage.
    /// </summary>
    public async Task<BranchDatabaseAccess> PrepareDatabaseAsync(PipelineSession session, CancellationToken cancellationToken) =>
        databases is null ? BranchDatabaseAccess.None : await databases.EnsureAsync(session.Run.Identity, cancellationToken);

    private async Task RunStagesAsync(PipelineSession session, PipelineRequest request, CancellationToken cancellation)
    {
        var built = await session.BuildAsync(await PrepareDatabaseAsync(session, cancellation), cancellation);
        switch (request.Pipeline)
        {
            case var name when Is(name, PipelineNames.Test):
                await session.TestAsync(built, stopOnFailingTests: true, cancellation);
                break;
            case var name when Is(name, PipelineNames.Analyse):
                await session.AnalyseAsync(built, cancellation);
                break;
            case var name when Is(name, PipelineNames.Playground):
                await session.PlaygroundAsync(built, cancellation);
                break;
            case var name when Is(name, PipelineNames.PullRequest):
                // Failing tests do not stop the run: the playground still comes up for QA.
                await Task.WhenAll(
                    session.TestAsync(built, stopOnFailingTests: false, cancellation),
                    session.AnalyseAsync(built, cancellation),
                    session.PlaygroundAsync(built, cancellation));
                break;
            case var name when Is(name, PipelineNames.Approved) || Is(name, PipelineNames.Deploy):
                await session.TestAsync(built, stopOnFailingTests: true, cancellation);
                await session.DeployAsync(built, request.Deploy ?? new DeployRequest(VersionRequest.Auto), releases(), cancellation);
                break;
        }
    }

    private static async Task<RunFinished> FinishAsync(
        PipelineSession session, Func<PipelineEvent, Task> events, string? failure, bool cancelled)
    {
        await session.PublishReportAsync();
        var outcome = await session.FinishAsync(cancelled)
            ?? (cancelled ? RunState.Cancelled : RunState.Failed);
        var summary = session.Run.Tracker.HasStarted ? PipelineSession.SummaryOf(session.Run.Tracker.Status.Stages) : failure ?? "cancelled";
        var finished = new RunFinished(
            outcome,
            summary.Length == 0 ? failure ?? outcome.ToString().ToLowerInvariant() : summary,
            RedChecksOnly: outcome == RunState.Failed && failure is null && !cancelled);
        await events(finished);
        return finished;
    }

    private async Task<RunFinished> TearDownAsync(PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation)
    {
        var app = request.AppName ?? PipelineSession.AppNameOf(request.App ?? defaults.App, services.Layout.Root);
        var removed = await new PipelineTeardown(services, databases).RunAsync(app, request.Branch, cancellation);
        var finished = new RunFinished(RunState.Succeeded, $"removed {removed} resource(s)");
        await events(finished);
        return finished;
    }

    private static bool Is(string pipeline, string name) => string.Equals(pipeline, name, StringComparison.OrdinalIgnoreCase);
}
