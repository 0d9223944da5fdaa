namespace Slipway.Results;

/// <summary>What one stage's tasks used.</summary>
/// <param name="Stage">The stage (build, test, analysis, playground).</param>
/// <param name="Platform">Where its tasks ran: local or aws.</param>
/// <param name="TaskSeconds">How long its tasks ran, added up.</param>
/// <param name="Vcpu">The vCPUs each task had (0 locally: the machine's own).</param>
/// <param name="MemoryGb">The memory each task had, in GB (0 locally).</param>
/// <param name="EstimatedUsd">The estimated price on AWS; null locally, where only machine time is counted.</param>
public sealed record StageCost(string Stage, string Platform, double TaskSeconds, double Vcpu, double MemoryGb, decimal? EstimatedUsd);
