using Slipway.Aws;
using Slipway.Pipeline.Costs;
using Slipway.Status;

namespace Slipway.Composition;

/// <summary>How a run's AWS tasks are priced: the Fargate prices and each stage's task size from the AWS settings.</summary>
internal static class AwsTaskPricing
{
    /// <summary>From the settings' task sizes (CPU units of 1024 a vCPU, memory in MiB).</summary>
    public static TaskPricing From(AwsSettings settings, FargatePrices prices)
    {
        static (double, double) Of(TaskSize size) => (size.Cpu / 1024.0, size.Memory / 1024.0);
        return new TaskPricing(prices, new Dictionary<string, (double, double)>
        {
            [StageNames.Test] = Of(settings.TestsSize),
            [StageNames.Analysis] = Of(settings.AnalysisSize),
            [StageNames.Playground] = Of(settings.PlaygroundSize),
        });
    }
}
