using Slipway.Engine;

namespace Slipway.Service.Tests.Host;

/// <summary>
/// The cheapest real build: one target that notes its start, works for a moment (cancellable) and notes its end.
/// It runs through the engine exactly as the pipeline's targets do, without Docker.
/// </summary>
public sealed class ProbeBuild(Journal journal, string runId, int workMilliseconds) : SlipwayBuild
{
    private Target Work => _ => _
        .Description("Notes the run in the journal and works for a moment.")
        .Executes(async cancellationToken =>
        {
            journal.Write($"start {runId}");
            Log.Information($"probe run {runId} working for {workMilliseconds} ms");
            await Task.Delay(workMilliseconds, cancellationToken);
            journal.Write($"done {runId}");
        });
}
