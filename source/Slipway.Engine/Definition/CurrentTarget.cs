using Slipway.Engine.Execution;

namespace Slipway.Engine.Definition;

/// <summary>The target whose code is running in the current async flow, for log prefixes and summary lines.</summary>
internal static class CurrentTarget
{
    private static readonly AsyncLocal<TargetRun?> Current = new();

    public static TargetRun? Run => Current.Value;

    public static string? Name => Current.Value?.Target.Name;

    /// <summary>Marks the current flow as running <paramref name="run"/>; call from the flow the target runs in.</summary>
    public static void Enter(TargetRun run) => Current.Value = run;
}
