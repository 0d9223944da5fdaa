namespace Slipway.Pipeline.Costs;

/// <summary>
/// How the run's AWS tasks are priced: the Fargate prices and each stage's task size. Null in
/// <see cref="Running.PipelineServices"/> when tasks run on the local engine, where only machine time is counted.
/// </summary>
/// <param name="Prices">What Fargate charges.</param>
/// <param name="Sizes">Each stage's task size (stage name → vCPUs and GB) as the task definitions ask for it.</param>
public sealed record TaskPricing(FargatePrices Prices, IReadOnlyDictionary<string, (double Vcpu, double MemoryGb)> Sizes);
