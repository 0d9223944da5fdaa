using Slipway.Engine;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Clears what a run left when its process was killed (kill -9, a power cut): the run's record says Running for
/// ever, its task containers stay, and so does the folder of secrets mounted into them. A later run of the same
/// branch and Doctor call this: runs whose lease is no longer held are marked interrupted, and their task
/// containers and secrets are removed. Playgrounds and images stay: they belong to the branch until Teardown.
/// </summary>
public sealed class LeftoverSweeper(PipelineServices services)
{
    private static readonly string[] TaskKinds = [TaskKind.Build.Label(), TaskKind.Tests.Label(), TaskKind.Analysis.Label(), TaskKind.Command.Label()];

    /// <summary>Sweeps the runs of <paramref name="app"/> (all apps when null) and <paramref name="branch"/> (all when null).</summary>
    /// <param name="currentRun">The run that sweeps, which is never taken for a leftover.</param>
    /// <returns>How many runs were found gone and how many resources were removed.</returns>
    public async Task<(int Runs, int Resources)> SweepAsync(string? app, string? branch, string? currentRun, CancellationToken cancellationToken)
    {
        var gone = await MarkGoneRunsAsync(app, branch, currentRun, cancellationToken);
        var removed = 0;
        foreach (var each in gone.Select(run => run.App).Append(app).OfType<string>().Distinct())
        {
            removed += await RemoveTasksAsync(services.BuildPlatform, each, branch, currentRun, cancellationToken);
            if (!ReferenceEquals(services.Platform, services.BuildPlatform))
            {
                removed += await RemoveTasksAsync(services.Platform, each, branch, currentRun, cancellationToken);
            }
        }

        RemoveSecrets(currentRun);
        foreach (var run in gone)
        {
            Log.Warning($"Run {run.Id} ({run.Pipeline} of {run.App} {run.Branch}) ended without finishing: its process is gone. Marked interrupted.");
        }

        if (removed > 0)
        {
            Log.Warning($"Removed {removed} task container(s) left by runs whose process is gone.");
        }

        return (gone.Count, removed);
    }

    private bool IsGone(string runId, string? currentRun) =>
        runId != currentRun && !RunLease.IsHeld(services.Layout.RunFolder(runId));

    private async Task<List<RunRecord>> MarkGoneRunsAsync(string? app, string? branch, string? currentRun, CancellationToken cancellationToken)
    {
        var gone = new List<RunRecord>();
        foreach (var run in await services.Store.ListRunsAsync(500, cancellationToken))
        {
            if (run.State is not (RunState.Running or RunState.Queued) || (app is not null && run.App != app) ||
                (branch is not null && run.Branch != branch) || !IsGone(run.Id, currentRun))
            {
                continue;
            }

            var now = services.Clock.GetUtcNow();
            foreach (var stage in await services.Store.ListStagesAsync(run.Id, cancellationToken))
            {
                if (stage.State is StageState.Running or StageState.Pending)
                {
                    await services.Store.SaveStageAsync(stage with { State = StageState.Cancelled, FinishedAt = now, Summary = "interrupted: its process is gone" }, cancellationToken);
                }
            }

            await services.Store.SaveRunAsync(
                run with { State = RunState.Interrupted, FinishedAt = now, Summary = "interrupted: its process ended before the run finished (killed?)" },
                cancellationToken);
            gone.Add(run);
        }

        return gone;
    }

    private async Task<int> RemoveTasksAsync(IPlatform platform, string app, string? branch, string? currentRun, CancellationToken cancellationToken)
    {
        // Only runs of this work directory are judged: a run folder elsewhere means another store, whose runs may be alive.
        var leftovers = (await platform.ListOwnedAsync(app, branch, cancellationToken))
            .Where(resource => resource.Type is "container" or "task" or "network" && TaskKinds.Contains(resource.Label(Ownership.KindLabel)))
            .Where(resource => resource.Label(Ownership.RunLabel) is { } run &&
                               RunLease.WasTaken(services.Layout.RunFolder(run)) && IsGone(run, currentRun))
            .ToList();
        if (leftovers.Count > 0)
        {
            await platform.RemoveAsync(leftovers, cancellationToken);
        }

        return leftovers.Count;
    }

    private void RemoveSecrets(string? currentRun)
    {
        var folder = services.Layout.SecretsRoot;
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var runFolder in Directory.EnumerateDirectories(folder))
        {
            if (IsGone(Path.GetFileName(runFolder), currentRun))
            {
                Directory.Delete(runFolder, recursive: true);
            }
        }
    }
}
