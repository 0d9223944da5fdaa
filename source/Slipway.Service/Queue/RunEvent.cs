namespace Slipway.Service.Queue;

/// <summary>One entry of a run's history: queued, claimed, finished, interrupted, requeued, superseded.</summary>
/// <param name="Kind">What happened (see <see cref="RunEventKinds"/>).</param>
/// <param name="Detail">The state it finished in, the run that superseded it, ...</param>
public sealed record RunEvent(string RunId, DateTimeOffset At, string Kind, string? Detail);

/// <summary>The kinds of <see cref="RunEvent"/>. Every run gets exactly one <see cref="Finished"/>.</summary>
public static class RunEventKinds
{
    public const string Queued = "queued";
    public const string Claimed = "claimed";
    public const string Interrupted = "interrupted";
    public const string Requeued = "requeued";
    public const string Finished = "finished";
}
