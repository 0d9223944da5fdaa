namespace Slipway.Results;

/// <summary>What a run used: task time per stage, the playground's running time and, on AWS, an estimated price.</summary>
/// <param name="Stages">Each stage that ran tasks.</param>
/// <param name="PlaygroundSeconds">How long the playground has been serving when the report was written.</param>
/// <param name="EstimatedUsd">The run's estimated price on AWS (stages and playground so far); null locally.</param>
/// <param name="Pricing">Which prices the estimate used and of what date, or "machine time" locally.</param>
public sealed record RunCosts(IReadOnlyList<StageCost> Stages, double PlaygroundSeconds, decimal? EstimatedUsd, string Pricing)
{
    /// <summary>All task time of the run, in seconds.</summary>
    public double TaskSeconds => Stages.Sum(stage => stage.TaskSeconds);
}
