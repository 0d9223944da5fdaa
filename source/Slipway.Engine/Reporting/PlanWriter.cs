using Slipway.Engine.Planning;

namespace Slipway.Engine.Reporting;

/// <summary>Writes <c>--plan</c>: the targets that would run, in waves of targets that run at the same time.</summary>
internal static class PlanWriter
{
    public static void Write(TextWriter output, ExecutionPlan plan, int maxParallel)
    {
        var waves = plan.Waves();
        var running = waves.Sum(wave => wave.Count);
        var atOnce = maxParallel == 1 ? "one at a time" : $"up to {maxParallel} at a time";
        output.WriteLine($"Plan for {string.Join(", ", plan.Invoked)}: {running} target(s) to run, {atOnce}.");
        for (var index = 0; index < waves.Count; index++)
        {
            var targets = waves[index].Select(target =>
            {
                var waitsFor = plan.PredecessorsOf(target).Where(other => plan.SkipReason(other) is null).ToList();
                return waitsFor.Count == 0 ? target.Name : $"{target.Name} (after {string.Join(", ", waitsFor)})";
            });
            output.WriteLine($"  wave {index + 1}: {string.Join(" | ", targets)}");
        }

        foreach (var target in plan.Targets.Where(target => plan.SkipReason(target) is not null))
        {
            output.WriteLine($"  skipped: {target.Name} ({plan.SkipReason(target)})");
        }

        output.Flush();
    }
}
