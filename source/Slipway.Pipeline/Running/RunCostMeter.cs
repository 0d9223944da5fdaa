using Slipway.Engine;
using Slipway.Pipeline.Costs;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// What a run used, from its stages' start and end times in the run store: task time per stage and platform, the
/// playground's running time so far, and on AWS an estimate from the Fargate prices. The build always runs on the
/// local engine. A stage's time stands for its task's: the task starts and ends with it.
/// </summary>
internal sealed class RunCostMeter(PipelineServices services)
{
    public async Task<RunCosts?> MeasureAsync(RunContext run)
    {
        IReadOnlyList<State.StageRecord> stages;
        try
        {
            stages = await services.Store.ListStagesAsync(run.RunId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Warning($"Could not measure the run's task time: {exception.Message}");
            return null;
        }

        var now = services.Clock.GetUtcNow();
        var pricing = services.Pricing;
        var costs = new List<StageCost>();
        double playgroundSeconds = 0;
        foreach (var stage in stages.Where(stage => stage.StartedAt is not null))
        {
            // A serving playground's task runs on after its stage: counted up to now, and again at its teardown.
            var serving = stage.Name == StageNames.Playground && stage.State == StageState.Succeeded;
            var end = serving ? now : stage.FinishedAt ?? now;
            var time = end - stage.StartedAt!.Value;
            if (serving)
            {
                playgroundSeconds = (now - (stage.FinishedAt ?? now)).TotalSeconds;
            }

            var onAws = pricing is not null && stage.Name != StageNames.Build && pricing.Sizes.ContainsKey(stage.Name);
            var (vcpu, memory) = onAws ? pricing!.Sizes[stage.Name] : (0, 0);
            costs.Add(new StageCost(
                stage.Name,
                onAws ? services.Platform.Name : services.BuildPlatform.Name,
                Math.Round(time.TotalSeconds, 1),
                vcpu,
                memory,
                onAws ? Math.Round(pricing!.Prices.PriceOf(vcpu, memory, time), 6) : null));
        }

        if (costs.Count == 0)
        {
            return null;
        }

        var priced = costs.Where(cost => cost.EstimatedUsd is not null).ToList();
        return new RunCosts(
            costs,
            Math.Round(playgroundSeconds, 1),
            priced.Count == 0 ? null : priced.Sum(cost => cost.EstimatedUsd!.Value),
            pricing is null ? "machine time on the local engine (no price)" : pricing.Prices.Source);
    }
}
