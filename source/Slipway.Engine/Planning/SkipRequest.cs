using Slipway.Engine.Definition;

namespace Slipway.Engine.Planning;

/// <summary>What <c>--skip</c> asked for: named targets, or (bare <c>--skip</c>) every target that was not invoked.</summary>
internal sealed record SkipRequest(bool AllButInvoked, IReadOnlyCollection<ExecutableTarget> Targets)
{
    public static SkipRequest None { get; } = new(false, []);
}
