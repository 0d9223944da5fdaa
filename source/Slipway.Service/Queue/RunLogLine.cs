namespace Slipway.Service.Queue;

/// <summary>One line of a run's log.</summary>
/// <param name="Sequence">Position in the run's log, from 1.</param>
/// <param name="Level">debug, information, warning or error.</param>
/// <param name="Target">The target that wrote it, when one did.</param>
public sealed record RunLogLine(long Sequence, DateTimeOffset At, string Level, string? Target, string Text);
